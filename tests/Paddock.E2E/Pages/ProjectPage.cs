using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Paddock.E2E.Pages;

/// <summary>A project's page: stacks (the first tab), blueprints, environments, members and audit tabs.</summary>
public sealed class ProjectPage(IPage page) : AppPage(page)
{
    public ILocator Title => Page.GetByTestId("project-title");

    public Guid Id => Guid.Parse(new Uri(Page.Url).Segments[^1]);

    public ILocator NewEnvironmentButton => Page.GetByTestId("new-environment");

    public ILocator EnvironmentsEmptyState => Page.GetByText("No environments yet");

    public ILocator EnvironmentRows => Page.GetByTestId("environments-table").Locator("tbody tr");

    public ILocator AddMemberButton => Page.GetByTestId("add-member");

    public ILocator MemberRows => Page.GetByTestId("members-table").Locator("tbody tr");

    public ILocator AuditRows => Page.GetByTestId("audit-table").Locator("tbody tr");

    public static async Task<ProjectPage> OpenAsync(IPage page, Guid projectId)
    {
        await page.GotoAsync($"/projects/{projectId}");
        var project = new ProjectPage(page);
        await project.WaitForCircuitAsync();
        await Expect(project.Title).ToBeVisibleAsync();
        return project;
    }

    public ILocator Tab(string name) => Page.GetByRole(AriaRole.Tab, new() { Name = name });

    public ILocator EnvironmentRow(string name) => EnvironmentRows.Filter(new() { HasText = name });

    public ILocator MemberRow(string email) => MemberRows.Filter(new() { HasText = email });

    /// <summary>Stacks and blueprints come first on the page; these tests work in the environments tab.</summary>
    public async Task ShowEnvironmentsAsync()
    {
        await Tab("Environments").ClickAsync();
        await Expect(Tab("Environments")).ToHaveAttributeAsync("aria-selected", "true");
    }

    public async Task ShowMembersAsync()
    {
        await Tab("Members").ClickAsync();
        await Expect(Page.GetByTestId("members-table")).ToBeVisibleAsync();
    }

    public async Task ShowAuditAsync()
    {
        await Tab("Audit").ClickAsync();
        await Expect(Page.GetByTestId("audit-table")).ToBeVisibleAsync();
    }

    public async Task<EnvironmentDialog> OpenNewEnvironmentDialogAsync()
    {
        await NewEnvironmentButton.ClickAsync();
        var dialog = new EnvironmentDialog(Page);
        await Expect(dialog.Root).ToBeVisibleAsync();
        return dialog;
    }

    public async Task AddEnvironmentAsync(string name, string description, bool isProtected = false)
    {
        var dialog = await OpenNewEnvironmentDialogAsync();
        await dialog.FillAsync(name, description, isProtected);
        await dialog.SaveAsync();
        await Expect(dialog.Root).ToBeHiddenAsync();
        await Expect(EnvironmentRow(name)).ToBeVisibleAsync();
    }

    public async Task AddMemberAsync(string email, string role)
    {
        await AddMemberButton.ClickAsync();
        var dialog = Page.GetByRole(AriaRole.Dialog);
        await dialog.GetByTestId("member-email").FillAsync(email);
        await dialog.GetByTestId("member-role").ClickAsync();
        await Page.GetByRole(AriaRole.Option, new() { Name = role, Exact = true }).ClickAsync();
        await dialog.GetByTestId("member-save").ClickAsync();
        await Expect(dialog).ToBeHiddenAsync();
        await Expect(MemberRow(email)).ToBeVisibleAsync();
    }
}
