using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Paddock.E2E.Pages;

/// <summary>The administrator's user list and its "Invite user" dialog.</summary>
public sealed class UsersPage(IPage page) : AppPage(page)
{
    public ILocator InviteButton => Page.GetByTestId("new-user");

    public ILocator Rows => Page.GetByTestId("users-table").Locator("tbody tr");

    public static async Task<UsersPage> OpenAsync(IPage page)
    {
        await page.GotoAsync("/admin/users");
        var users = new UsersPage(page);
        await users.WaitForCircuitAsync();
        await Expect(users.Rows.First).ToBeVisibleAsync();
        return users;
    }

    public ILocator Row(string email) => Rows.Filter(new() { HasText = email });

    public async Task InviteAsync(string email, string displayName, string password)
    {
        await InviteButton.ClickAsync();
        var dialog = Page.GetByRole(AriaRole.Dialog);
        await dialog.GetByTestId("user-email").FillAsync(email);
        await dialog.GetByLabel("Display name").FillAsync(displayName);
        await dialog.GetByTestId("user-password").FillAsync(password);
        await dialog.GetByTestId("user-save").ClickAsync();
        await Expect(dialog.GetByText($"{email} can now sign in")).ToBeVisibleAsync();
        await ScreenshotAsync("03a-users-invite-dialog");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Done" }).ClickAsync();
        await Expect(dialog).ToBeHiddenAsync();
        await Expect(Row(email)).ToBeVisibleAsync();
    }
}
