using System.Net.Http.Json;
using Shouldly;

namespace Paddock.Testing;

/// <summary>A ProblemDetails response as clients read it; validation problems carry field errors.</summary>
public sealed record ApiProblem(int? Status, string? Title, string? Detail, Dictionary<string, string[]>? Errors)
{
    public IReadOnlyDictionary<string, string[]> FieldErrors => Errors ?? [];
}

public static class ApiProblemExtensions
{
    public static async Task<ApiProblem> ReadProblemAsync(this HttpResponseMessage response)
    {
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
        return (await response.Content.ReadFromJsonAsync<ApiProblem>())!;
    }

    /// <summary>Asserts a 400 validation problem that names <paramref name="field"/> with a message containing <paramref name="messagePart"/>.</summary>
    public static async Task<ApiProblem> ShouldBeFieldErrorAsync(this HttpResponseMessage response, string field, string messagePart)
    {
        response.StatusCode.ShouldBe(System.Net.HttpStatusCode.BadRequest);
        var problem = await response.ReadProblemAsync();
        problem.FieldErrors.ShouldContainKey(field);
        problem.FieldErrors[field].ShouldContain(m => m.Contains(messagePart, StringComparison.Ordinal));
        return problem;
    }
}

public static class ApiPageExtensions
{
    /// <summary>The items of one page of a list endpoint (<c>{ items, nextCursor }</c>).</summary>
    public static async Task<List<T>> GetItemsAsync<T>(this HttpClient client, string url) =>
        (await client.GetFromJsonAsync<ApiPage<T>>(new Uri(url, UriKind.Relative)))!.Items;

    /// <summary>Every item of a list endpoint, following <c>nextCursor</c> (lists in a shared test database outgrow one page).</summary>
    public static async Task<List<T>> GetAllItemsAsync<T>(this HttpClient client, string url)
    {
        var items = new List<T>();
        string? cursor = null;
        do
        {
            var separator = url.Contains('?', StringComparison.Ordinal) ? '&' : '?';
            var page = (await client.GetFromJsonAsync<ApiPage<T>>(new Uri($"{url}{separator}limit=200" + (cursor is null ? "" : $"&cursor={cursor}"), UriKind.Relative)))!;
            items.AddRange(page.Items);
            cursor = page.NextCursor;
        }
        while (cursor is not null);

        return items;
    }
}

public sealed record ApiPage<T>(List<T> Items, string? NextCursor);
