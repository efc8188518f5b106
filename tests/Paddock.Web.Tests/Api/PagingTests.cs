using System.Net.Http.Json;
using Paddock.Core.Identity;
using Paddock.Testing;

namespace Paddock.Web.Tests.Api;

/// <summary>Cursor pagination, sorting and filtering, the same on every list endpoint.</summary>
[Collection(WebTestCollection.Name)]
public sealed class PagingTests(PaddockWebFactory factory)
{
    [Fact]
    public async Task Following_next_cursors_walks_the_whole_list_once_in_order()
    {
        var (admin, projectId) = await ArrangeAsync("paging");
        string[] names = ["echo", "alpha", "delta", "bravo", "charlie"];
        foreach (var name in names)
        {
            await PaddockWebFactory.CreateEnvironmentAsync(admin, projectId, name);
        }

        var seen = new List<string>();
        var pages = 0;
        string? cursor = null;
        do
        {
            var page = (await admin.GetFromJsonAsync<ApiPage<EnvironmentBody>>($"/api/v1/projects/{projectId}/environments?limit=2" + (cursor is null ? "" : $"&cursor={cursor}")))!;
            page.Items.Count.ShouldBeLessThanOrEqualTo(2);
            seen.AddRange(page.Items.Select(e => e.Name));
            cursor = page.NextCursor;
            pages++;
        }
        while (cursor is not null);

        seen.ShouldBe(["alpha", "bravo", "charlie", "delta", "echo"]);
        pages.ShouldBe(3);
        (await admin.GetItemsAsync<EnvironmentBody>($"/api/v1/projects/{projectId}/environments?sort=-name")).Select(e => e.Name)
            .ShouldBe(["echo", "delta", "charlie", "bravo", "alpha"]);
    }

    [Fact]
    public async Task A_page_does_not_repeat_or_skip_when_an_earlier_item_is_deleted()
    {
        var (admin, projectId) = await ArrangeAsync("stable");
        var ids = new Dictionary<string, Guid>();
        foreach (var name in new[] { "a1", "b2", "c3", "d4" })
        {
            ids[name] = await PaddockWebFactory.CreateEnvironmentAsync(admin, projectId, name);
        }

        var first = (await admin.GetFromJsonAsync<ApiPage<EnvironmentBody>>($"/api/v1/projects/{projectId}/environments?limit=2"))!;
        (await admin.DeleteAsync($"/api/v1/projects/{projectId}/environments/{ids["a1"]}")).EnsureSuccessStatusCode();
        var second = (await admin.GetFromJsonAsync<ApiPage<EnvironmentBody>>($"/api/v1/projects/{projectId}/environments?limit=2&cursor={first.NextCursor}"))!;

        first.Items.Select(e => e.Name).ShouldBe(["a1", "b2"]);
        second.Items.Select(e => e.Name).ShouldBe(["c3", "d4"]);
        second.NextCursor.ShouldBeNull();
    }

    [Fact]
    public async Task Filters_narrow_the_list()
    {
        var (admin, projectId) = await ArrangeAsync("filter");
        await PaddockWebFactory.CreateEnvironmentAsync(admin, projectId, "dev");
        await PaddockWebFactory.CreateEnvironmentAsync(admin, projectId, "prod", isProtected: true);
        await factory.CreateMemberAsync(admin, projectId, ProjectRole.Viewer);
        await factory.CreateMemberAsync(admin, projectId, ProjectRole.Operator);

        (await admin.GetItemsAsync<EnvironmentBody>($"/api/v1/projects/{projectId}/environments?isProtected=true")).Select(e => e.Name).ShouldBe(["prod"]);
        (await admin.GetItemsAsync<MemberBody>($"/api/v1/projects/{projectId}/members?role=Operator")).Select(m => m.Role).ShouldBe(["Operator"]);
    }

    [Fact]
    public async Task Bad_paging_parameters_name_the_field()
    {
        var (admin, projectId) = await ArrangeAsync("badpage");
        var url = $"/api/v1/projects/{projectId}/environments";

        await (await admin.GetAsync($"{url}?limit=0")).ShouldBeFieldErrorAsync("limit", "between 1 and 200");
        await (await admin.GetAsync($"{url}?limit=201")).ShouldBeFieldErrorAsync("limit", "between 1 and 200");
        await (await admin.GetAsync($"{url}?sort=colour")).ShouldBeFieldErrorAsync("sort", "name, createdAt");
        await (await admin.GetAsync($"{url}?cursor=not-a-cursor")).ShouldBeFieldErrorAsync("cursor", "start again");
        var page = (await admin.GetFromJsonAsync<ApiPage<EnvironmentBody>>($"/api/v1/projects?limit=1"))!;
        if (page.NextCursor is { } projectCursor)
        {
            // A cursor belongs to its sort: reusing it with another one is refused rather than silently wrong.
            await (await admin.GetAsync($"/api/v1/projects?limit=1&sort=createdAt&cursor={projectCursor}")).ShouldBeFieldErrorAsync("cursor", "start again");
        }
    }

    [Theory]
    [InlineData("/api/v1/projects")]
    [InlineData("/api/v1/users")]
    [InlineData("/api/v1/me/tokens")]
    [InlineData("/api/v1/provider-accounts")]
    [InlineData("/api/v1/rate-cards")]
    [InlineData("/api/v1/audit-events")]
    [InlineData("/api/v1/projects/{project}/members")]
    [InlineData("/api/v1/projects/{project}/environments")]
    [InlineData("/api/v1/projects/{project}/blueprints")]
    [InlineData("/api/v1/projects/{project}/stacks")]
    [InlineData("/api/v1/projects/{project}/approvals")]
    [InlineData("/api/v1/projects/{project}/approval-policies")]
    [InlineData("/api/v1/projects/{project}/budgets")]
    [InlineData("/api/v1/projects/{project}/service-accounts")]
    [InlineData("/api/v1/projects/{project}/provider-accounts")]
    [InlineData("/api/v1/projects/{project}/notification-channels")]
    [InlineData("/api/v1/projects/{project}/notification-templates")]
    [InlineData("/api/v1/projects/{project}/webhooks")]
    [InlineData("/api/v1/projects/{project}/deliveries")]
    [InlineData("/api/v1/projects/{project}/audit-events")]
    public async Task Every_list_answers_with_a_page_and_caps_its_size(string template)
    {
        var (admin, projectId) = await ArrangeAsync("lists");
        var url = template.Replace("{project}", projectId.ToString(), StringComparison.Ordinal);

        var page = await admin.GetAsync($"{url}?limit=1");
        page.StatusCode.ShouldBe(System.Net.HttpStatusCode.OK, await page.Content.ReadAsStringAsync());
        var body = await page.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
        body.GetProperty("items").GetArrayLength().ShouldBeLessThanOrEqualTo(1);
        body.TryGetProperty("nextCursor", out _).ShouldBeTrue();
        await (await admin.GetAsync($"{url}?limit=201")).ShouldBeFieldErrorAsync("limit", "between 1 and 200");
    }

    [Fact]
    public async Task Templates_page_through_every_event_type_once()
    {
        var (admin, projectId) = await ArrangeAsync("templates");
        var url = $"/api/v1/projects/{projectId}/notification-templates";
        var all = await admin.GetAllItemsAsync<TemplateBody>(url);
        var walked = new List<string>();
        string? cursor = null;
        do
        {
            var page = (await admin.GetFromJsonAsync<ApiPage<TemplateBody>>($"{url}?limit=3" + (cursor is null ? "" : $"&cursor={cursor}")))!;
            walked.AddRange(page.Items.Select(t => t.EventType));
            cursor = page.NextCursor;
        }
        while (cursor is not null);

        all.Count.ShouldBeGreaterThan(3, "the catalogue has more event types than one page of three");
        walked.ShouldBe([.. all.Select(t => t.EventType).Order(StringComparer.Ordinal)]);
        (await admin.GetItemsAsync<TemplateBody>($"{url}?sort=-eventType&limit=1")).Single().EventType.ShouldBe(walked[^1]);
    }

    private async Task<(HttpClient Admin, Guid ProjectId)> ArrangeAsync(string name)
    {
        var admin = await factory.SignInAsAdminAsync();
        return (admin, await PaddockWebFactory.CreateProjectAsync(admin, PaddockWebFactory.UniqueName(name)));
    }

    private sealed record EnvironmentBody(Guid Id, string Name);

    private sealed record MemberBody(Guid UserId, string Role);

    private sealed record TemplateBody(string EventType);
}
