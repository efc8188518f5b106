using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Paddock.E2E.Pages;

/// <summary>The signed-in user's API tokens and the dialog that shows a new one once.</summary>
public sealed class ApiTokensPage(IPage page) : AppPage(page)
{
    public ILocator NewTokenButton => Page.GetByTestId("new-token");

    public ILocator Rows => Page.GetByTestId("tokens-table").Locator("tbody tr");

    public ILocator Dialog => Page.GetByRole(AriaRole.Dialog);

    public static async Task<ApiTokensPage> OpenAsync(IPage page)
    {
        await page.GotoAsync("/account/tokens");
        var tokens = new ApiTokensPage(page);
        await tokens.WaitForCircuitAsync();
        await Expect(tokens.Heading).ToHaveTextAsync("API tokens");
        return tokens;
    }

    public ILocator Row(string name) => Rows.Filter(new() { HasText = name });

    public async Task OpenNewTokenDialogAsync()
    {
        await NewTokenButton.ClickAsync();
        await Expect(Dialog.GetByTestId("token-name")).ToBeVisibleAsync();
    }

    /// <summary>Fills and submits the dialog; returns the secret it shows.</summary>
    public async Task<string> CreateAsync(string name, params string[] extraScopes)
    {
        await Dialog.GetByTestId("token-name").FillAsync(name);
        foreach (var scope in extraScopes)
        {
            await Dialog.GetByRole(AriaRole.Checkbox, new() { Name = scope, Exact = false }).First.CheckAsync();
        }

        await Dialog.GetByTestId("token-save").ClickAsync();
        var secret = Dialog.GetByTestId("token-secret");
        await Expect(secret).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("^pdk_"));
        return await secret.InputValueAsync();
    }

    public async Task CloseDialogAsync()
    {
        await Dialog.GetByTestId("token-done").ClickAsync();
        await Expect(Dialog).ToBeHiddenAsync();
    }

    public async Task RevokeAsync(string name)
    {
        await Page.GetByTestId($"revoke-{name}").ClickAsync();
        await Page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Revoke" }).ClickAsync();
        await Expect(Row(name)).ToContainTextAsync("revoked");
    }
}
