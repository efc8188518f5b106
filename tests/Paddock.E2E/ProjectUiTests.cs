using Microsoft.Playwright;
using Paddock.E2E.Infrastructure;
using Paddock.E2E.Pages;
using Paddock.Testing;
using static Microsoft.Playwright.Assertions;

namespace Paddock.E2E;

/// <summary>Error paths and presentation: wrong password, duplicate environment, empty states, light and dark themes.</summary>
public sealed class ProjectUiTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    // PaddockTheme's light background and MudBlazor's dark one.
    private const string LightBackground = "rgb(246, 247, 245)";
    private const string DarkBackground = "rgb(50, 51, 61)";

    [Fact]
    public void Browser_tests_reach_paddock_on_a_real_loopback_port()
    {
        browser.BaseAddress.Scheme.ShouldBe("http");
        browser.BaseAddress.Host.ShouldBe("127.0.0.1");
        browser.BaseAddress.Port.ShouldNotBe(80);
    }

    [Fact]
    public async Task Wrong_password_shows_the_inline_error_on_the_sign_in_page()
    {
        var page = await browser.NewPageAsync();
        var signIn = await SignInPage.OpenAsync(page);

        await signIn.SubmitAsync(PaddockWebFactory.AdminEmail, "Not-the-Passw0rd");

        await Expect(signIn.Error).ToHaveTextAsync("The e-mail or password is not correct.");
        await Expect(signIn.Email).ToHaveValueAsync(PaddockWebFactory.AdminEmail);
        await Expect(signIn.Password).ToHaveValueAsync("");
        await Screenshots.SaveAsync(page, "11-sign-in-wrong-password");
    }

    [Fact]
    public async Task Duplicate_environment_name_is_an_inline_field_error_in_the_dialog()
    {
        var admin = await browser.Server.SignInAsAdminAsync();
        var projectId = await PaddockWebFactory.CreateProjectAsync(admin, $"Billing {Guid.NewGuid():N}"[..16]);
        var page = await browser.NewPageAsync();
        await (await SignInPage.OpenAsync(page)).SignInAsync(PaddockWebFactory.AdminEmail, PaddockWebFactory.AdminPassword);
        var project = await ProjectPage.OpenAsync(page, projectId);
        await project.ShowEnvironmentsAsync();
        await project.AddEnvironmentAsync("test", "Integration tests");

        var dialog = await project.OpenNewEnvironmentDialogAsync();
        await dialog.FillAsync("test", "Same name again", isProtected: false);
        await dialog.SaveAsync();

        await Expect(dialog.FieldErrors).ToHaveTextAsync("This project already has an environment named 'test'.");
        await Expect(dialog.Root).ToBeVisibleAsync();
        await project.ScreenshotAsync("12-environment-dialog-duplicate");
        await dialog.CancelAsync();
        await Expect(dialog.Root).ToBeHiddenAsync();
        await Expect(project.EnvironmentRows).ToHaveCountAsync(1);
    }

    [Fact]
    public async Task Project_without_environments_shows_the_empty_state_with_a_way_to_add_one()
    {
        var admin = await browser.Server.SignInAsAdminAsync();
        var projectId = await PaddockWebFactory.CreateProjectAsync(admin, $"Empty {Guid.NewGuid():N}"[..14]);
        var page = await browser.NewPageAsync();
        await (await SignInPage.OpenAsync(page)).SignInAsync(PaddockWebFactory.AdminEmail, PaddockWebFactory.AdminPassword);

        var project = await ProjectPage.OpenAsync(page, projectId);
        await project.ShowEnvironmentsAsync();

        await Expect(project.EnvironmentsEmptyState).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Add an environment" })).ToBeVisibleAsync();
        await Expect(project.EnvironmentRows).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Theme_toggle_switches_between_light_and_dark()
    {
        var page = await browser.NewPageAsync(ColorScheme.Light);
        var projects = await (await SignInPage.OpenAsync(page)).SignInAsync(PaddockWebFactory.AdminEmail, PaddockWebFactory.AdminPassword);
        await Expect(projects.Page.Locator("body")).ToHaveCSSAsync("background-color", LightBackground);
        (await projects.BackgroundLuminanceAsync()).ShouldBeGreaterThan(0.8);

        await projects.ToggleThemeAsync();

        await Expect(projects.Page.Locator("body")).ToHaveCSSAsync("background-color", DarkBackground);
        (await projects.BackgroundLuminanceAsync()).ShouldBeLessThan(0.35);
        // Dark text on the dark palette's light green primary: white on it is unreadable (1.9:1).
        await Expect(projects.NewProjectButton).ToHaveCSSAsync("color", "rgb(13, 31, 22)");
        await projects.ScreenshotAsync("13-projects-dark");

        await projects.ToggleThemeAsync();
        await Expect(projects.Page.Locator("body")).ToHaveCSSAsync("background-color", LightBackground);
        (await projects.BackgroundLuminanceAsync()).ShouldBeGreaterThan(0.8);
    }
}
