using Bunit;
using MudBlazor;
using MudBlazor.Extensions;
using Paddock.Core.Identity;
using Paddock.Web.Projects.Pages;

namespace Paddock.Web.Tests.Projects.Pages;

public sealed class MembersPanelTests : UiTestContext
{
    [Fact]
    public async Task The_panel_lists_every_member_with_their_role()
    {
        var lead = await SeedUserAsync("lead");
        var dev = await SeedUserAsync("dev");
        var viewer = await SeedUserAsync("viewer");
        var projectId = await SeedProjectAsync("shop", (lead, ProjectRole.ProjectAdmin), (dev, ProjectRole.Developer), (viewer, ProjectRole.Viewer));
        SignInAs(viewer);

        var panel = await RenderPanelAsync(projectId);

        panel.WaitForAssertion(() => panel.FindAll("tbody tr").Count.ShouldBe(3));
        RowOf(panel, lead.Email!).TextContent.ShouldContain("ProjectAdmin");
        RowOf(panel, dev.Email!).TextContent.ShouldContain("Developer");
        RowOf(panel, viewer.Email!).TextContent.ShouldContain("Viewer");
    }

    [Theory]
    [InlineData(ProjectRole.Developer)]
    [InlineData(ProjectRole.Operator)]
    [InlineData(ProjectRole.Approver)]
    [InlineData(ProjectRole.Viewer)]
    public async Task Members_without_members_manage_get_no_add_button_and_no_role_selects(ProjectRole role)
    {
        var lead = await SeedUserAsync("lead");
        var me = await SeedUserAsync("me");
        var projectId = await SeedProjectAsync("shop", (lead, ProjectRole.ProjectAdmin), (me, role));
        SignInAs(me);

        var panel = await RenderPanelAsync(projectId);

        panel.WaitForAssertion(() => panel.FindAll("tbody tr").Count.ShouldBe(2));
        panel.FindAll("[data-testid=add-member]").ShouldBeEmpty();
        panel.FindComponents<MudSelect<ProjectRole>>().ShouldBeEmpty();
        panel.FindAll("button[aria-label^=Remove]").ShouldBeEmpty();
    }

    [Fact]
    public async Task A_project_admin_gets_the_add_button_and_a_role_select_per_member()
    {
        var lead = await SeedUserAsync("lead");
        var dev = await SeedUserAsync("dev");
        var projectId = await SeedProjectAsync("shop", (lead, ProjectRole.ProjectAdmin), (dev, ProjectRole.Developer));
        SignInAs(lead);

        var panel = await RenderPanelAsync(projectId);

        panel.WaitForAssertion(() => panel.FindAll("tbody tr").Count.ShouldBe(2));
        panel.FindAll("[data-testid=add-member]").Count.ShouldBe(1);
        panel.FindComponents<MudSelect<ProjectRole>>().Select(s => s.Instance.GetState(x => x.Value)).ShouldBe([ProjectRole.Developer, ProjectRole.ProjectAdmin], ignoreOrder: true);
    }

    [Fact]
    public async Task Changing_your_own_role_shows_the_error_and_keeps_the_role()
    {
        var lead = await SeedUserAsync("lead");
        var other = await SeedUserAsync("other");
        var projectId = await SeedProjectAsync("shop", (lead, ProjectRole.ProjectAdmin), (other, ProjectRole.ProjectAdmin));
        SignInAs(lead);
        var panel = await RenderPanelAsync(projectId);
        panel.WaitForAssertion(() => panel.FindComponents<MudSelect<ProjectRole>>().Count.ShouldBe(2));

        // The MudSelect popover's items are not clickable in bUnit: choose the way the select reports a choice.
        await panel.InvokeAsync(() => RoleSelectOf(panel, lead.Email!).Instance.ValueChanged.InvokeAsync(ProjectRole.Viewer));

        panel.WaitForAssertion(() => Snackbar.ShownSnackbars.ShouldContain(s => s.Severity == Severity.Error && (s.Message ?? "").Contains("your own role", StringComparison.Ordinal)));
        (await RoleInAsync(projectId, lead.Id)).ShouldBe(ProjectRole.ProjectAdmin);
        panel.WaitForAssertion(() => RoleSelectOf(panel, lead.Email!).Instance.GetState(x => x.Value).ShouldBe(ProjectRole.ProjectAdmin));
    }

    [Fact]
    public async Task Changing_another_members_role_saves_it_and_confirms()
    {
        var lead = await SeedUserAsync("lead");
        var dev = await SeedUserAsync("dev");
        var projectId = await SeedProjectAsync("shop", (lead, ProjectRole.ProjectAdmin), (dev, ProjectRole.Developer));
        SignInAs(lead);
        var panel = await RenderPanelAsync(projectId);
        panel.WaitForAssertion(() => panel.FindComponents<MudSelect<ProjectRole>>().Count.ShouldBe(2));

        await panel.InvokeAsync(() => RoleSelectOf(panel, dev.Email!).Instance.ValueChanged.InvokeAsync(ProjectRole.Operator));

        panel.WaitForAssertion(() => Snackbar.ShownSnackbars.ShouldContain(s => s.Severity == Severity.Success && (s.Message ?? "").Contains("is now Operator", StringComparison.Ordinal)));
        (await RoleInAsync(projectId, dev.Id)).ShouldBe(ProjectRole.Operator);
        panel.WaitForAssertion(() => RoleSelectOf(panel, dev.Email!).Instance.GetState(x => x.Value).ShouldBe(ProjectRole.Operator));
    }

    private async Task<IRenderedComponent<MembersPanel>> RenderPanelAsync(Guid projectId)
    {
        var canManage = (await PermissionsInAsync(projectId)).Contains(Permission.MembersManage);
        return Render<MembersPanel>(p => p.Add(x => x.ProjectId, projectId).Add(x => x.CanManage, canManage));
    }

    private static AngleSharp.Dom.IElement RowOf(IRenderedComponent<MembersPanel> panel, string email) =>
        panel.FindAll("tbody tr").Single(r => r.TextContent.Contains(email, StringComparison.Ordinal));

    private static IRenderedComponent<MudSelect<ProjectRole>> RoleSelectOf(IRenderedComponent<MembersPanel> panel, string email) =>
        panel.FindComponents<MudSelect<ProjectRole>>().Single(s => Equals(s.Instance.UserAttributes.GetValueOrDefault("aria-label"), $"Role of {email}"));
}
