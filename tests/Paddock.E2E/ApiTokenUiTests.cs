using System.Net;
using System.Net.Http.Headers;
using Microsoft.Playwright;
using Paddock.E2E.Infrastructure;
using Paddock.E2E.Pages;
using Paddock.Testing;
using static Microsoft.Playwright.Assertions;

namespace Paddock.E2E;

/// <summary>A person creates an API token in the browser, uses it from a script, and revokes it; a project gets a service account.</summary>
public sealed class ApiTokenUiTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_token_created_in_the_browser_is_shown_once_works_from_a_script_and_stops_when_revoked()
    {
        var page = await browser.NewPageAsync();
        await (await SignInPage.OpenAsync(page)).SignInAsync(PaddockWebFactory.AdminEmail, PaddockWebFactory.AdminPassword);
        var tokens = await ApiTokensPage.OpenAsync(page);
        await Expect(page.GetByText("No tokens yet")).ToBeVisibleAsync();
        await tokens.ScreenshotAsync("41-api-tokens-empty");

        await tokens.OpenNewTokenDialogAsync();
        await tokens.Dialog.GetByTestId("token-save").ClickAsync();
        await Expect(tokens.Dialog.GetByText("Name is required.")).ToBeVisibleAsync();
        await tokens.ScreenshotAsync("42-api-token-dialog-invalid");
        var secret = await tokens.CreateAsync("release script", "launch");
        await tokens.ScreenshotAsync("43-api-token-created");
        await tokens.CloseDialogAsync();
        await Expect(tokens.Row("release script")).ToContainTextAsync("launch");
        await Expect(tokens.Row("release script")).ToContainTextAsync("never");
        (await page.ContentAsync()).ShouldNotContain(secret);

        using var script = new HttpClient { BaseAddress = browser.BaseAddress };
        script.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        (await script.GetAsync("/api/v1/projects")).StatusCode.ShouldBe(HttpStatusCode.OK);
        await page.ReloadAsync();
        await tokens.WaitForCircuitAsync();
        await Expect(tokens.Row("release script")).Not.ToContainTextAsync("never");
        await tokens.ScreenshotAsync("44-api-tokens-used");

        await tokens.RevokeAsync("release script");
        (await script.GetAsync("/api/v1/projects")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        await tokens.ScreenshotAsync("45-api-token-revoked");
    }

    [Fact]
    public async Task A_project_admin_creates_a_service_account_and_issues_it_a_token()
    {
        var admin = await browser.Server.SignInAsAdminAsync();
        var projectId = await PaddockWebFactory.CreateProjectAsync(admin, PaddockWebFactory.UniqueName("robots"));
        var page = await browser.NewPageAsync();
        await (await SignInPage.OpenAsync(page)).SignInAsync(PaddockWebFactory.AdminEmail, PaddockWebFactory.AdminPassword);
        var project = await ProjectPage.OpenAsync(page, projectId);
        await project.ShowMembersAsync();
        await Expect(page.GetByText("No service accounts")).ToBeVisibleAsync();

        await page.GetByTestId("new-service-account").ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await dialog.GetByTestId("service-account-name").FillAsync("Deploy Bot");
        await dialog.GetByTestId("service-account-save").ClickAsync();
        await Expect(dialog.GetByText("lower-case letters")).ToBeVisibleAsync();
        await dialog.GetByTestId("service-account-name").FillAsync("deploy-bot");
        await dialog.GetByTestId("service-account-save").ClickAsync();
        await Expect(page.GetByTestId("service-accounts-table")).ToContainTextAsync("deploy-bot");
        await project.ScreenshotAsync("46-service-accounts");

        await page.GetByTestId("tokens-deploy-bot").ClickAsync();
        await page.GetByTestId("issue-token").ClickAsync();
        var tokenDialog = page.GetByRole(AriaRole.Dialog).Filter(new() { HasText = "New token for deploy-bot" });
        await tokenDialog.GetByTestId("token-name").FillAsync("pipeline");
        await tokenDialog.GetByRole(AriaRole.Checkbox, new() { Name = "launch", Exact = false }).First.CheckAsync();
        await tokenDialog.GetByTestId("token-save").ClickAsync();
        var secret = await tokenDialog.GetByTestId("token-secret").InputValueAsync();
        await project.ScreenshotAsync("47-service-account-token");
        await tokenDialog.GetByTestId("token-done").ClickAsync();
        await Expect(page.GetByTestId("tokens-table")).ToContainTextAsync("pipeline");
        await project.ScreenshotAsync("48-service-account-tokens");

        using var bot = new HttpClient { BaseAddress = browser.BaseAddress };
        bot.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        (await bot.GetAsync($"/api/v1/projects/{projectId}/stacks")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
