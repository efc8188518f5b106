using Microsoft.Playwright;
using Paddock.E2E.Infrastructure;
using Paddock.E2E.Pages;
using Paddock.Testing;
using static Microsoft.Playwright.Assertions;

namespace Paddock.E2E;

/// <summary>The administrator's provider accounts page: the seeded engine answers its connectivity test, bad input stays in the dialog.</summary>
public sealed class ProviderUiTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task The_owner_tests_the_default_engine_and_sees_why_an_unreachable_one_fails()
    {
        var page = await browser.NewPageAsync();
        await (await SignInPage.OpenAsync(page)).SignInAsync(PaddockWebFactory.AdminEmail, PaddockWebFactory.AdminPassword);
        await page.GotoAsync("/admin/providers");
        await Expect(page.GetByTestId("circuit-ready")).ToBeAttachedAsync();
        var rows = page.GetByTestId("providers-table").Locator("tbody tr");
        await Expect(rows.Filter(new() { HasText = "Default" })).ToHaveCountAsync(1);

        await page.GetByTestId("test-local").ClickAsync();
        await Expect(page.GetByTestId("connectivity-local")).ToContainTextAsync("Docker ", new() { Timeout = 15_000 });
        await Expect(page.GetByTestId("connectivity-local")).ToContainTextAsync("API ");

        await page.GetByTestId("new-provider").ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        var name = PaddockWebFactory.UniqueName("remote");
        await dialog.GetByTestId("provider-name").FillAsync(name);
        await dialog.GetByTestId("provider-endpoint").FillAsync("http://example");
        await dialog.GetByTestId("provider-save").ClickAsync();
        await Expect(dialog.GetByText("'http' is not supported: use unix:// or tcp://.")).ToBeVisibleAsync();
        await dialog.GetByTestId("provider-tls").ClickAsync();
        await Expect(dialog.GetByTestId("provider-ca")).ToBeVisibleAsync();
        await Screenshots.SaveAsync(page, "40-provider-dialog-errors");

        await dialog.GetByTestId("provider-tls").ClickAsync();
        await dialog.GetByTestId("provider-endpoint").FillAsync("unix:///nonexistent/docker.sock");
        await dialog.GetByTestId("provider-save").ClickAsync();
        await Expect(dialog).ToBeHiddenAsync();
        await Expect(page.GetByTestId($"connectivity-{name}")).ToContainTextAsync("unreachable", new() { Timeout = 15_000 });
        await Screenshots.SaveAsync(page, "41-providers-page");
    }

    [Fact]
    public async Task The_environment_dialog_offers_the_provider_accounts_and_auto_heal()
    {
        var admin = await browser.Server.SignInAsAdminAsync();
        var projectId = await PaddockWebFactory.CreateProjectAsync(admin, $"Accounts {Guid.NewGuid():N}"[..17]);
        var page = await browser.NewPageAsync();
        await (await SignInPage.OpenAsync(page)).SignInAsync(PaddockWebFactory.AdminEmail, PaddockWebFactory.AdminPassword);
        var project = await ProjectPage.OpenAsync(page, projectId);
        await project.ShowEnvironmentsAsync();

        var dialog = await project.OpenNewEnvironmentDialogAsync();

        await Expect(dialog.Root.GetByTestId("environment-account")).ToContainTextAsync("local (default)");
        await Expect(dialog.Root.GetByTestId("environment-auto-heal")).ToBeVisibleAsync();
        await project.ScreenshotAsync("42-environment-dialog-account");
        await dialog.CancelAsync();
    }
}
