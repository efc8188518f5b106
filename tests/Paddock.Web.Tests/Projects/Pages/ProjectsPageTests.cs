using Bunit;
using Paddock.Core.Identity;
using Paddock.Web.Projects.Pages;

namespace Paddock.Web.Tests.Projects.Pages;

public sealed class ProjectsPageTests : UiTestContext
{
    [Fact]
    public async Task The_owner_sees_the_new_project_button()
    {
        var owner = await SeedUserAsync("owner", isOwner: true);
        await SeedProjectAsync("shop", (owner, ProjectRole.ProjectAdmin));
        SignInAs(owner);

        var page = Render<ProjectsPage>();

        page.WaitForAssertion(() => page.FindAll("[data-testid=project-card]").Count.ShouldBe(1));
        page.FindAll("[data-testid=new-project]").Count.ShouldBe(1);
    }

    [Fact]
    public async Task A_project_admin_who_is_not_the_owner_gets_no_new_project_button()
    {
        var lead = await SeedUserAsync("lead");
        await SeedProjectAsync("shop", (lead, ProjectRole.ProjectAdmin));
        SignInAs(lead);

        var page = Render<ProjectsPage>();

        page.WaitForAssertion(() => page.FindAll("[data-testid=project-card]").Count.ShouldBe(1));
        page.FindAll("[data-testid=new-project]").ShouldBeEmpty();
    }

    [Fact]
    public async Task The_owner_without_projects_is_invited_to_create_the_first()
    {
        var owner = await SeedUserAsync("owner", isOwner: true);
        SignInAs(owner);

        var page = Render<ProjectsPage>();

        page.WaitForAssertion(() => page.Markup.ShouldContain("No projects yet"));
        page.Markup.ShouldContain("Create the first one.");
        page.FindAll("button").ShouldContain(b => b.TextContent.Contains("Create a project", StringComparison.Ordinal));
        page.FindAll("[data-testid=project-card]").ShouldBeEmpty();
    }

    [Fact]
    public async Task A_user_in_no_project_is_told_to_ask_a_project_admin()
    {
        var stranger = await SeedUserAsync("stranger");
        var owner = await SeedUserAsync("owner", isOwner: true);
        await SeedProjectAsync("elsewhere", (owner, ProjectRole.ProjectAdmin));
        SignInAs(stranger);

        var page = Render<ProjectsPage>();

        page.WaitForAssertion(() => page.Markup.ShouldContain("You are not a member of any project yet"));
        page.FindAll("button").ShouldNotContain(b => b.TextContent.Contains("Create a project", StringComparison.Ordinal));
        page.FindAll("[data-testid=project-card]").ShouldBeEmpty();
    }

    [Fact]
    public async Task A_member_sees_only_the_projects_they_belong_to()
    {
        var dev = await SeedUserAsync("dev");
        var owner = await SeedUserAsync("owner", isOwner: true);
        await SeedProjectAsync("mine", (owner, ProjectRole.ProjectAdmin), (dev, ProjectRole.Developer));
        await SeedProjectAsync("theirs", (owner, ProjectRole.ProjectAdmin));
        SignInAs(dev);

        var page = Render<ProjectsPage>();

        page.WaitForAssertion(() => page.FindAll("[data-testid=project-card]").ShouldHaveSingleItem().TextContent.ShouldContain("mine"));
        page.Markup.ShouldContain("2 members");
    }
}
