using Microsoft.Playwright;
using Paddock.E2E.Infrastructure;
using Paddock.E2E.Pages;
using Paddock.Testing;
using static Microsoft.Playwright.Assertions;

namespace Paddock.E2E;

/// <summary>The scenario, end to end in a real browser: an administrator sets a project up, a viewer can only look.</summary>
public sealed class ViewerAccessTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string ViewerEmail = "vera.viewer@paddock.test";

    [Fact]
    public async Task Viewer_sees_the_project_but_cannot_create_an_environment_in_the_ui_or_the_api()
    {
        // The administrator signs in, invites the viewer, creates a project with one environment and adds the viewer.
        var admin = await browser.NewPageAsync();
        var signIn = await SignInPage.OpenAsync(admin);
        await Screenshots.SaveAsync(admin, "01-sign-in");
        var projects = await signIn.SignInAsync(PaddockWebFactory.AdminEmail, PaddockWebFactory.AdminPassword);
        await Expect(projects.EmptyState).ToBeVisibleAsync();
        await projects.ScreenshotAsync("02-projects-empty");

        var users = await UsersPage.OpenAsync(admin);
        await users.InviteAsync(ViewerEmail, "Vera Viewer", PaddockWebFactory.UserPassword);
        await users.ScreenshotAsync("03-users-admin");

        projects = await ProjectsPage.OpenAsync(admin);
        var project = await projects.CreateProjectAsync("Webshop", "The customer-facing shop and its back office.");
        await project.ShowEnvironmentsAsync();
        await Expect(project.EnvironmentsEmptyState).ToBeVisibleAsync();
        await project.ScreenshotAsync("04-project-environments-empty");
        await project.AddEnvironmentAsync("dev", "Shared development environment");
        await project.ScreenshotAsync("05-project-environments");

        await project.ShowMembersAsync();
        await project.AddMemberAsync(ViewerEmail, "Viewer");
        await Expect(project.MemberRow(ViewerEmail)).ToContainTextAsync("Viewer");
        await project.ScreenshotAsync("06-project-members");

        await project.ShowAuditAsync();
        await Expect(project.AuditRows.Filter(new() { HasText = "environment.created" })).ToHaveCountAsync(1);
        await project.ScreenshotAsync("07-project-audit");

        projects = await ProjectsPage.OpenAsync(admin);
        await Expect(projects.Cards).ToHaveCountAsync(1);
        await projects.ScreenshotAsync("08-projects-one");

        // The viewer signs in, sees the project and its environment, and has no way to add one.
        var viewer = await browser.NewPageAsync();
        var viewerProjects = await (await SignInPage.OpenAsync(viewer)).SignInAsync(ViewerEmail, PaddockWebFactory.UserPassword);
        await Expect(viewerProjects.Card("Webshop")).ToBeVisibleAsync();
        await Expect(viewerProjects.NewProjectButton).ToHaveCountAsync(0);
        await Expect(viewer.GetByRole(AriaRole.Link, new() { Name = "Users" })).ToHaveCountAsync(0);
        var viewerProject = await viewerProjects.OpenProjectAsync("Webshop");
        await viewerProject.ShowEnvironmentsAsync();
        await Expect(viewerProject.EnvironmentRow("dev")).ToBeVisibleAsync();
        await Expect(viewerProject.NewEnvironmentButton).ToHaveCountAsync(0);
        await Expect(viewerProject.Tab("Audit")).ToHaveCountAsync(0);
        await viewerProject.ScreenshotAsync("09-viewer-project");
        await viewerProject.ShowMembersAsync();
        await Expect(viewerProject.AddMemberButton).ToHaveCountAsync(0);
        await viewerProject.ScreenshotAsync("10-viewer-members");

        // A direct request with the viewer's own session cookie is refused and changes nothing.
        var environments = $"/api/v1/projects/{viewerProject.Id}/environments";
        var refused = await viewer.APIRequest.PostAsync(environments, new() { DataObject = new { name = "sneaky", isProtected = false } });
        refused.Status.ShouldBe(403);
        var list = await viewer.APIRequest.GetAsync(environments);
        list.Status.ShouldBe(200);
        var names = (await list.JsonAsync())!.Value.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("name").GetString()).ToList();
        names.ShouldBe(["dev"]);

        await viewer.ReloadAsync();
        await viewerProject.WaitForCircuitAsync();
        await viewerProject.ShowEnvironmentsAsync();
        await Expect(viewerProject.EnvironmentRows).ToHaveCountAsync(1);
    }
}
