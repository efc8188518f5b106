using Microsoft.Playwright;

namespace Paddock.E2E.Pages;

/// <summary>The launch dialog: settings first, then the plan, then the launch.</summary>
public sealed class LaunchDialog(IPage page)
{
    public ILocator Root { get; } = page.GetByRole(AriaRole.Dialog);

    public ILocator Environment => Root.GetByTestId("launch-environment");

    public ILocator PlanButton => Root.GetByTestId("launch-plan");

    public ILocator LaunchButton => Root.GetByTestId("launch-confirm");

    public ILocator StackName => Root.GetByTestId("launch-stack-name");

    public ILocator Changes => Root.GetByTestId("plan-change");

    public ILocator Cost => Root.GetByTestId("cost-summary");

    public ILocator NeedsApproval => Root.GetByTestId("needs-approval");

    public ILocator Reason => Root.GetByTestId("launch-reason");

    public async Task ChooseEnvironmentAsync(string name)
    {
        await Environment.ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = name }).ClickAsync();
    }

    public ILocator Variable(string name) => Root.GetByTestId($"variable-{name}").Locator("input");

    public ILocator Change(string resource, string action) => Root.Locator($"[data-testid=plan-change][data-resource='{resource}'][data-action='{action}']");

    public Task PlanAsync() => PlanButton.ClickAsync();

    public Task LaunchAsync() => LaunchButton.ClickAsync();
}
