using System.Globalization;
using Microsoft.Playwright;
using Paddock.E2E.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Paddock.E2E.Pages;

/// <summary>What every signed-in page shares: the app bar, the theme toggle and the interactivity marker.</summary>
public abstract class AppPage(IPage page)
{
    public IPage Page { get; } = page;

    public ILocator Heading => Page.GetByRole(AriaRole.Heading, new() { Level = 1 });

    public ILocator ThemeToggle => Page.GetByTestId("theme-toggle");

    public ILocator AccountMenu => Page.GetByTestId("account-menu");

    public ILocator Snackbar => Page.Locator(".mud-snackbar");

    /// <summary>Clicks on a prerendered page are lost until the circuit is live; MainLayout marks that moment.</summary>
    public Task WaitForCircuitAsync() => Expect(Page.GetByTestId("circuit-ready")).ToBeAttachedAsync();

    public Task ScreenshotAsync(string name) => Screenshots.SaveAsync(Page, name);

    public Task ToggleThemeAsync() => ThemeToggle.ClickAsync();

    /// <summary>Relative luminance (0 black, 1 white) of the page background.</summary>
    public async Task<double> BackgroundLuminanceAsync()
    {
        var rgb = await Page.EvaluateAsync<string>("() => getComputedStyle(document.body).backgroundColor");
        var parts = rgb[(rgb.IndexOf('(', StringComparison.Ordinal) + 1)..rgb.IndexOf(')', StringComparison.Ordinal)]
            .Split(',')
            .Select(p => double.Parse(p.Trim(), CultureInfo.InvariantCulture) / 255)
            .ToArray();
        return (0.2126 * parts[0]) + (0.7152 * parts[1]) + (0.0722 * parts[2]);
    }
}
