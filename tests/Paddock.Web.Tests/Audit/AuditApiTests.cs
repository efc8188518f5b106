using System.Net;
using System.Net.Http.Json;
using Paddock.Core.Identity;
using Paddock.Testing;

namespace Paddock.Web.Tests.Audit;

[Collection(WebTestCollection.Name)]
public sealed class AuditApiTests(PaddockWebFactory factory)
{
    [Fact]
    public async Task Paging_with_the_cursor_returns_disjoint_pages_newest_first_until_the_end()
    {
        var admin = await factory.SignInAsAdminAsync();
        var projectId = await PaddockWebFactory.CreateProjectAsync(admin, PaddockWebFactory.UniqueName("paged"));
        foreach (var name in new[] { "dev", "test", "qa", "staging", "prod" })
        {
            await PaddockWebFactory.CreateEnvironmentAsync(admin, projectId, name);
        }

        var pages = new List<PageBody>();
        Guid? cursor = null;
        do
        {
            var page = (await admin.GetFromJsonAsync<PageBody>($"/api/v1/projects/{projectId}/audit-events?limit=3{(cursor is null ? "" : $"&cursor={cursor}")}"))!;
            pages.Add(page);
            cursor = page.NextCursor;
        }
        while (cursor is not null && pages.Count < 10);

        // project.created, member.created (the creator) and five environment.created.
        pages.Select(p => p.Items.Count).ShouldBe([3, 3, 1]);
        var ids = pages.SelectMany(p => p.Items).Select(e => e.Id).ToList();
        ids.ShouldBeUnique();
        ids.ShouldBe(ids.OrderDescending());
        // The project and its creator's membership are saved together, so their order within one millisecond is not fixed.
        pages.SelectMany(p => p.Items).Select(e => e.Action).ShouldBe(
            ["project.created", "member.created", .. Enumerable.Repeat("environment.created", 5)], ignoreOrder: true);
    }

    [Fact]
    public async Task Events_carry_the_actor_and_the_changed_fields()
    {
        var admin = await factory.SignInAsAdminAsync();
        var name = PaddockWebFactory.UniqueName("audited");
        var projectId = await PaddockWebFactory.CreateProjectAsync(admin, name);

        var page = (await admin.GetFromJsonAsync<PageBody>($"/api/v1/projects/{projectId}/audit-events?action=project."))!;

        var created = page.Items.ShouldHaveSingleItem();
        created.Action.ShouldBe("project.created");
        created.ActorName.ShouldBe(PaddockWebFactory.AdminEmail);
        created.Changes.ShouldContain(c => c.Field == "name" && c.After == name);
    }

    [Fact]
    public async Task A_viewer_may_not_read_the_project_audit_log()
    {
        var admin = await factory.SignInAsAdminAsync();
        var projectId = await PaddockWebFactory.CreateProjectAsync(admin, PaddockWebFactory.UniqueName("secret"));
        var viewer = await factory.CreateMemberAsync(admin, projectId, ProjectRole.Viewer);

        var response = await viewer.Client.GetAsync($"/api/v1/projects/{projectId}/audit-events");

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_page_size_out_of_range_is_a_field_error()
    {
        var admin = await factory.SignInAsAdminAsync();

        var response = await admin.GetAsync("/api/v1/audit-events?limit=1000");

        await response.ShouldBeFieldErrorAsync("limit", "between 1 and 200");
    }

    private sealed record PageBody(List<EventBody> Items, Guid? NextCursor);

    private sealed record EventBody(Guid Id, string Action, string ActorName, List<ChangeBody> Changes);

    private sealed record ChangeBody(string Field, string? Before, string? After);
}
