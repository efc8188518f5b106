using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Paddock.E2E.Pages;

/// <summary>A blueprint's page, as far as launching goes.</summary>
public sealed class BlueprintPage(IPage page) : AppPage(page)
{
    public ILocator Title => Page.GetByTestId("blueprint-title");

    public ILocator LaunchButton => Page.GetByTestId("launch-blueprint");

    public static async Task<BlueprintPage> OpenAsync(IPage page, Guid projectId, Guid blueprintId)
    {
        await page.GotoAsync($"/projects/{projectId}/blueprints/{blueprintId}");
        var blueprint = new BlueprintPage(page);
        await blueprint.WaitForCircuitAsync();
        await Expect(blueprint.Title).ToBeVisibleAsync();
        return blueprint;
    }

    public async Task<LaunchDialog> OpenLaunchDialogAsync()
    {
        await LaunchButton.ClickAsync();
        var dialog = new LaunchDialog(Page);
        await Expect(dialog.PlanButton).ToBeVisibleAsync();
        return dialog;
    }
}
