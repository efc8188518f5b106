using Microsoft.Playwright;

namespace Paddock.E2E.Pages;

/// <summary>The static sign-in form (no circuit): it posts and the server redirects.</summary>
public sealed class SignInPage(IPage page)
{
    public IPage Page { get; } = page;

    public ILocator Email => Page.Locator("#email");

    public ILocator Password => Page.Locator("#password");

    public ILocator Submit => Page.GetByRole(AriaRole.Button, new() { Name = "Sign in" });

    public ILocator Error => Page.GetByTestId("sign-in-error");

    public static async Task<SignInPage> OpenAsync(IPage page)
    {
        await page.GotoAsync("/account/sign-in");
        return new SignInPage(page);
    }

    public async Task SubmitAsync(string email, string password)
    {
        await Email.FillAsync(email);
        await Password.FillAsync(password);
        await Submit.ClickAsync();
    }

    public async Task<ProjectsPage> SignInAsync(string email, string password)
    {
        await SubmitAsync(email, password);
        var projects = new ProjectsPage(Page);
        await projects.WaitForCircuitAsync();
        return projects;
    }
}
