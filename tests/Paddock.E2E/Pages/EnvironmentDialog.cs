using Microsoft.Playwright;

namespace Paddock.E2E.Pages;

public sealed class EnvironmentDialog(IPage page)
{
    public ILocator Root { get; } = page.GetByRole(AriaRole.Dialog);

    public ILocator Name => Root.GetByTestId("environment-name");

    public ILocator Description => Root.GetByLabel("Description");

    public ILocator Protected => Root.GetByTestId("environment-protected");

    /// <summary>The inline message MudBlazor shows under a field in error.</summary>
    public ILocator FieldErrors => Root.Locator(".mud-input-helper-text.mud-input-error");

    public ILocator SaveButton => Root.GetByTestId("environment-save");

    public async Task FillAsync(string name, string description, bool isProtected)
    {
        await Name.FillAsync(name);
        await Description.FillAsync(description);
        if (isProtected)
        {
            await Protected.ClickAsync();
        }
    }

    public Task SaveAsync() => SaveButton.ClickAsync();

    public Task CancelAsync() => Root.GetByRole(AriaRole.Button, new() { Name = "Cancel" }).ClickAsync();
}
