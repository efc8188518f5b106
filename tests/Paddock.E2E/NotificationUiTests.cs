using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Paddock.Core.Events;
using Paddock.Data;
using Paddock.E2E.Infrastructure;
using Paddock.E2E.Pages;
using Paddock.Testing;
using static Microsoft.Playwright.Assertions;

namespace Paddock.E2E;

/// <summary>A project admin sets up notification channels, templates and webhooks in the browser and reads the delivery log.</summary>
public sealed class NotificationUiTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task An_admin_adds_an_email_channel_with_inline_errors_for_bad_recipients()
    {
        var (page, project) = await OpenProjectAsync("Alerts");
        var tab = await NotificationsTab.OpenAsync(project);
        await Expect(page.GetByText("No notification channels yet")).ToBeVisibleAsync();
        await project.ScreenshotAsync("40-notifications-empty");

        await tab.StartEmailChannelAsync("ops-mail", "ops@example.com, not-an-address", "Stack failed", "Stack expiring");
        await tab.SaveChannelAsync();

        await Expect(tab.FieldErrors).ToContainTextAsync("'not-an-address' is not an e-mail address.");
        await project.ScreenshotAsync("41-channel-dialog-bad-recipient");
        await tab.Dialog.GetByLabel("Recipients").FillAsync("ops@example.com\noncall@example.com");
        await tab.SaveChannelAsync();

        await Expect(tab.Dialog).ToBeHiddenAsync();
        await Expect(tab.ChannelRows).ToHaveCountAsync(1);
        await Expect(tab.ChannelRows.First).ToContainTextAsync("ops@example.com, oncall@example.com");
        await Expect(tab.ChannelRows.First).ToContainTextAsync("Stack expiring");
        await project.ScreenshotAsync("42-notification-channels");

        await tab.ShowInnerTabAsync("Rules");
        await page.GetByLabel("Send Stack destroyed to ops-mail").CheckAsync();
        await page.GetByTestId("rules-save").ClickAsync();
        await Expect(project.Snackbar.Filter(new() { HasText = "Rules saved: 3 routes." })).ToBeVisibleAsync();
        await project.ScreenshotAsync("47-notification-rules");
        var admin = await browser.Server.SignInAsAdminAsync();
        var rules = await admin.GetFromJsonAsync<List<RuleBody>>($"/api/v1/projects/{project.Id}/notification-rules");
        rules!.Select(r => r.EventType).ShouldBe(["stack.destroyed", "stack.expiring", "stack.failed"]);
    }

    private sealed record RuleBody(string EventType, Guid ChannelId);

    [Fact]
    public async Task The_template_preview_shows_the_sample_event_and_the_log_shows_failed_attempts()
    {
        var (page, project) = await OpenProjectAsync("Templates");
        var admin = await browser.Server.SignInAsAdminAsync();
        // No SMTP server is configured for this server: the delivery fails and is retried, as the log must show.
        await admin.PostAsJsonAsync($"/api/v1/projects/{project.Id}/notification-channels",
            new { name = "ops-mail", kind = "Email", recipients = new[] { "ops@example.com" }, eventTypes = new[] { "stack.failed" } });
        await using (var scope = browser.Server.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PaddockDbContext>();
            db.OutboxMessages.Add(OutboxMessage.Create(project.Id, EventTypes.StackFailed,
                new StackEventData(project.Id, Guid.NewGuid(), "shop-web", Guid.NewGuid(), "Failed", null, "Launch", "Service 'db' did not start."), DateTimeOffset.UtcNow));
            await db.SaveChangesAsync();
        }

        var tab = await NotificationsTab.OpenAsync(project);
        await tab.ShowInnerTabAsync("Templates");
        await page.GetByTestId("template-subject").FillAsync("{{stackName}} broke in {{projectName}}");
        await page.GetByTestId("template-preview").ClickAsync();
        await Expect(page.GetByTestId("template-preview-pane")).ToContainTextAsync("sample-web broke in Templates");
        await project.ScreenshotAsync("43-template-preview");

        await tab.ShowInnerTabAsync("Delivery log");
        await Expect(tab.DeliveryRows).ToHaveCountAsync(1);
        await Expect(tab.DeliveryRows.First).ToContainTextAsync("E-mail is not configured");
        await Expect(tab.DeliveryRows.First).ToContainTextAsync("Pending");
        await project.ScreenshotAsync("44-delivery-log");
    }

    [Fact]
    public async Task A_new_webhook_shows_its_generated_secret_once()
    {
        var (page, project) = await OpenProjectAsync("Hooks");
        await project.Tab("Webhooks").ClickAsync();
        await Expect(page.GetByText("No webhooks yet")).ToBeVisibleAsync();

        await page.GetByTestId("new-webhook").First.ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await dialog.GetByLabel("Payload URL").FillAsync("https://ci.example.com/hooks/paddock");
        await dialog.Locator(".mud-input-control.mud-select").Filter(new() { HasText = "Events" }).ClickAsync();
        await page.Locator(".mud-popover-open").GetByText("Stack launched", new() { Exact = true }).ClickAsync();
        await page.Locator(".mud-dialog-title").ClickAsync(new() { Force = true });
        await dialog.GetByTestId("webhook-save").ClickAsync();

        var secret = page.GetByTestId("webhook-secret");
        await Expect(secret).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("^whsec_"));
        await project.ScreenshotAsync("45-webhook-secret-once");
        await page.GetByTestId("secret-done").ClickAsync();
        await Expect(page.GetByTestId("webhooks-table").Locator("tbody tr")).ToHaveCountAsync(1);
        await Expect(page.GetByTestId("webhooks-table")).Not.ToContainTextAsync("whsec_");
        await project.ScreenshotAsync("46-webhooks");
    }

    private async Task<(IPage Page, ProjectPage Project)> OpenProjectAsync(string name)
    {
        var admin = await browser.Server.SignInAsAdminAsync();
        var projectId = await PaddockWebFactory.CreateProjectAsync(admin, $"{name} {Guid.NewGuid():N}"[..(name.Length + 5)]);
        var page = await browser.NewPageAsync();
        await (await SignInPage.OpenAsync(page)).SignInAsync(PaddockWebFactory.AdminEmail, PaddockWebFactory.AdminPassword);
        return (page, await ProjectPage.OpenAsync(page, projectId));
    }
}
