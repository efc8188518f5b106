using System.Net;
using System.Net.Http.Json;
using Paddock.Core.Identity;
using Paddock.Testing;

namespace Paddock.Web.Tests.Projects;

[Collection(WebTestCollection.Name)]
public sealed class MemberApiTests(PaddockWebFactory factory)
{
    [Fact]
    public async Task Adding_a_member_with_an_unknown_role_names_the_role_field_and_adds_nobody()
    {
        var admin = await factory.SignInAsAdminAsync();
        var projectId = await PaddockWebFactory.CreateProjectAsync(admin, PaddockWebFactory.UniqueName("roles"));
        var email = PaddockWebFactory.UniqueEmail("newcomer");
        await factory.CreateUserAsync(email, admin);

        var response = await admin.PostAsJsonAsync($"/api/v1/projects/{projectId}/members", new { email, role = "Superuser" });

        await response.ShouldBeFieldErrorAsync("role", "not a role");
        (await MembersAsync(admin, projectId)).ShouldNotContain(m => m.Email == email);
    }

    [Theory]
    [InlineData("3")]
    [InlineData("")]
    public async Task Adding_a_member_with_a_numeric_or_empty_role_is_refused(string role)
    {
        var admin = await factory.SignInAsAdminAsync();
        var projectId = await PaddockWebFactory.CreateProjectAsync(admin, PaddockWebFactory.UniqueName("roles"));
        var email = PaddockWebFactory.UniqueEmail("numeric");
        await factory.CreateUserAsync(email, admin);

        var response = await admin.PostAsJsonAsync($"/api/v1/projects/{projectId}/members", new { email, role });

        await response.ShouldBeFieldErrorAsync("role", "not a role");
        (await MembersAsync(admin, projectId)).ShouldNotContain(m => m.Email == email);
    }

    [Fact]
    public async Task Adding_someone_without_an_account_names_the_email_field_and_adds_nobody()
    {
        var admin = await factory.SignInAsAdminAsync();
        var projectId = await PaddockWebFactory.CreateProjectAsync(admin, PaddockWebFactory.UniqueName("ghosts"));
        var stranger = PaddockWebFactory.UniqueEmail("stranger");

        var response = await admin.PostAsJsonAsync($"/api/v1/projects/{projectId}/members", new { email = stranger, role = "Developer" });

        await response.ShouldBeFieldErrorAsync("email", "No user has the e-mail");
        (await MembersAsync(admin, projectId)).Count.ShouldBe(1);
    }

    [Fact]
    public async Task Adding_an_existing_member_again_is_a_field_error()
    {
        var admin = await factory.SignInAsAdminAsync();
        var projectId = await PaddockWebFactory.CreateProjectAsync(admin, PaddockWebFactory.UniqueName("twice"));
        var member = await factory.CreateMemberAsync(admin, projectId, ProjectRole.Viewer);

        var response = await admin.PostAsJsonAsync($"/api/v1/projects/{projectId}/members", new { email = member.Email, role = "Developer" });

        await response.ShouldBeFieldErrorAsync("email", "already a member");
        (await MembersAsync(admin, projectId)).Single(m => m.Email == member.Email).Role.ShouldBe("Viewer");
    }

    [Fact]
    public async Task The_last_project_admin_cannot_be_removed()
    {
        var admin = await factory.SignInAsAdminAsync();
        var projectId = await PaddockWebFactory.CreateProjectAsync(admin, PaddockWebFactory.UniqueName("lonely"));
        var adminId = (await MembersAsync(admin, projectId)).ShouldHaveSingleItem().UserId;

        var response = await admin.DeleteAsync($"/api/v1/projects/{projectId}/members/{adminId}");

        await response.ShouldBeFieldErrorAsync("userId", "last ProjectAdmin");
        (await MembersAsync(admin, projectId)).ShouldHaveSingleItem().Role.ShouldBe("ProjectAdmin");
    }

    [Fact]
    public async Task The_last_project_admin_cannot_be_demoted()
    {
        var admin = await factory.SignInAsAdminAsync();
        var projectId = await PaddockWebFactory.CreateProjectAsync(admin, PaddockWebFactory.UniqueName("keeper"));
        var keeper = await factory.CreateMemberAsync(admin, projectId, ProjectRole.ProjectAdmin);
        var adminId = (await MembersAsync(admin, projectId)).Single(m => m.Email == PaddockWebFactory.AdminEmail).UserId;
        (await admin.DeleteAsync($"/api/v1/projects/{projectId}/members/{adminId}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        var response = await admin.PutAsJsonAsync($"/api/v1/projects/{projectId}/members/{keeper.Id}", new { role = "Viewer" });

        await response.ShouldBeFieldErrorAsync("role", "last ProjectAdmin");
        (await MembersAsync(admin, projectId)).ShouldHaveSingleItem().Role.ShouldBe("ProjectAdmin");
    }

    [Fact]
    public async Task A_member_cannot_change_their_own_role()
    {
        var admin = await factory.SignInAsAdminAsync();
        var projectId = await PaddockWebFactory.CreateProjectAsync(admin, PaddockWebFactory.UniqueName("self"));
        var lead = await factory.CreateMemberAsync(admin, projectId, ProjectRole.ProjectAdmin);

        var response = await lead.Client.PutAsJsonAsync($"/api/v1/projects/{projectId}/members/{lead.Id}", new { role = "Viewer" });

        await response.ShouldBeFieldErrorAsync("role", "your own role");
        (await MembersAsync(admin, projectId)).Single(m => m.UserId == lead.Id).Role.ShouldBe("ProjectAdmin");
    }

    [Fact]
    public async Task A_project_admin_changes_another_members_role()
    {
        var admin = await factory.SignInAsAdminAsync();
        var projectId = await PaddockWebFactory.CreateProjectAsync(admin, PaddockWebFactory.UniqueName("promote"));
        var lead = await factory.CreateMemberAsync(admin, projectId, ProjectRole.ProjectAdmin);
        var dev = await factory.CreateMemberAsync(admin, projectId, ProjectRole.Viewer);

        var response = await lead.Client.PutAsJsonAsync($"/api/v1/projects/{projectId}/members/{dev.Id}", new { role = "Developer" });

        response.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await MembersAsync(admin, projectId)).Single(m => m.UserId == dev.Id).Role.ShouldBe("Developer");
    }

    private static async Task<List<MemberBody>> MembersAsync(HttpClient client, Guid projectId) =>
        (await client.GetItemsAsync<MemberBody>($"/api/v1/projects/{projectId}/members"))!;

    private sealed record MemberBody(Guid UserId, string Email, string Role);
}
