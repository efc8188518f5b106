using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Shouldly;

namespace Paddock.Testing;

/// <summary>Launching and following stacks through the public API, for tests whose subject is something else.</summary>
public static class StackApi
{
    public static string StackUrl(Guid projectId, Guid stackId) => $"/api/v1/projects/{projectId}/stacks/{stackId}";

    public static async Task<Guid> CreateBlueprintAsync(HttpClient client, Guid projectId, string name, string yaml)
    {
        var created = await client.PostAsJsonAsync($"/api/v1/projects/{projectId}/blueprints", new { name, yaml });
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        return (await created.Content.ReadFromJsonAsync<SavedBody>())!.BlueprintId;
    }

    public static async Task<Guid> LaunchAsync(HttpClient client, Guid projectId, Guid environmentId, Guid blueprintId)
    {
        var response = await client.PostAsJsonAsync($"/api/v1/projects/{projectId}/stacks", new { blueprintId, environmentId, ttlHours = 2 });
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<LaunchBody>())!.StackId;
    }

    public static async Task RequestAsync(HttpClient client, Guid projectId, Guid stackId, string kind)
    {
        var response = await client.PostAsJsonAsync($"{StackUrl(projectId, stackId)}/operations", new { kind });
        response.StatusCode.ShouldBe(HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync());
    }

    public static async Task<StackBody> WaitForAsync(HttpClient client, Guid projectId, Guid stackId, string status, TimeSpan? patience = null)
    {
        var watch = Stopwatch.StartNew();
        StackBody stack;
        do
        {
            stack = (await client.GetFromJsonAsync<StackBody>(StackUrl(projectId, stackId)))!;
            if (stack.Status == status && stack.Operations.All(o => o.Status is not ("Queued" or "Running")))
            {
                return stack;
            }

            await Task.Delay(200);
        }
        while (watch.Elapsed < (patience ?? TimeSpan.FromSeconds(90)));

        throw new ShouldAssertException($"Stack stayed {stack.Status} instead of {status}: {stack.Operations.FirstOrDefault()?.Error}");
    }

    public sealed record SavedBody(Guid BlueprintId);

    public sealed record LaunchBody(Guid StackId, Guid OperationId);

    public sealed record StepBody(string Resource, string Action, string Status, string Message);

    public sealed record OperationBody(Guid Id, string Kind, string Status, string? Error, string? RequestedBy, List<StepBody> Steps);

    public sealed record StackBody(Guid Id, string Name, string Status, List<OperationBody> Operations, string? Drift);
}
