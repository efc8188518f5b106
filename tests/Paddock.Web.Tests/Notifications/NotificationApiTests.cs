using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Paddock.Core.Identity;
using Paddock.Testing;

namespace Paddock.Web.Tests.Notifications;

/// <summary>Managing channels, rules, templates and webhooks through the API: validation, secrecy and who may do it.</summary>
[Collection(NotificationsCollection.Name)]
public sealed class NotificationApiTests(NotificationsFactory factory)
{
    private const string SlackUrl = "https://hooks.slack.com/services/T000/B000/very-secret-token";

    [Fact]
    public async Task Channel_secrets_are_stored_encrypted_and_never_returned()
    {
        var (admin, projectId) = await ArrangeAsync("secrets");
        var slackId = await NotificationsFactory.CreateChannelAsync(admin, projectId, new { name = "ops-slack", kind = "Slack", url = SlackUrl, eventTypes = new[] { "stack.failed" } });
        var smsId = await NotificationsFactory.CreateChannelAsync(admin, projectId, new
        {
            name = "pager",
            kind = "Sms",
            recipients = new[] { "+15551230001" },
            smsAccountSid = "AC123",
            smsAuthToken = "sms-secret-token",
            smsFrom = "+15550000000",
        });

        var list = await admin.GetStringAsync($"/api/v1/projects/{projectId}/notification-channels");
        var one = await admin.GetStringAsync($"/api/v1/projects/{projectId}/notification-channels/{slackId}");

        foreach (var body in new[] { list, one })
        {
            body.ShouldNotContain("very-secret-token");
            body.ShouldNotContain("sms-secret-token");
        }

        using var json = JsonDocument.Parse(one);
        json.RootElement.GetProperty("hasSecret").GetBoolean().ShouldBeTrue();
        json.RootElement.GetProperty("targetHint").GetString().ShouldBe("https://hooks.slack.com/…");
        json.RootElement.GetProperty("eventTypes").EnumerateArray().Select(e => e.GetString()).ShouldBe(["stack.failed"]);
        var stored = await factory.InScopeAsync(db => db.NotificationChannels.AsNoTracking().Where(c => c.Id == slackId || c.Id == smsId).Select(c => c.ProtectedSecret).ToListAsync());
        stored.ShouldAllBe(s => s != null && !s.Contains("secret-token"));
        (await factory.AuditActionsForAsync(slackId)).ShouldContain("notification-channel.created");
        var audited = await factory.InScopeAsync(db => db.AuditEvents.AsNoTracking().Where(e => e.TargetId == slackId || e.TargetId == smsId).ToListAsync());
        audited.SelectMany(e => e.Changes).ShouldAllBe(c => !(c.After ?? "").Contains("secret-token"));
        audited.SelectMany(e => e.Changes).ShouldContain(c => c.Field.Contains("secret", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Updating_a_channel_without_its_secret_keeps_the_stored_one()
    {
        var (admin, projectId) = await ArrangeAsync("keep");
        var id = await NotificationsFactory.CreateChannelAsync(admin, projectId, new { name = "hook", kind = "Webhook", url = "https://example.com/hook?token=abc" });
        var before = await factory.InScopeAsync(db => db.NotificationChannels.AsNoTracking().Where(c => c.Id == id).Select(c => c.ProtectedSecret).SingleAsync());

        var response = await admin.PutAsJsonAsync($"/api/v1/projects/{projectId}/notification-channels/{id}", new { name = "renamed-hook", enabled = false });

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var after = await factory.InScopeAsync(db => db.NotificationChannels.AsNoTracking().SingleAsync(c => c.Id == id));
        after.ProtectedSecret.ShouldBe(before);
        after.Name.ShouldBe("renamed-hook");
        after.Enabled.ShouldBeFalse();
    }

    [Theory]
    [InlineData("""{"name":"x","kind":"Slack","url":"not a url"}""", "url", "absolute http")]
    [InlineData("""{"name":"x","kind":"Slack"}""", "url", "required")]
    [InlineData("""{"name":"x","kind":"Webhook","url":"ftp://example.com/"}""", "url", "absolute http")]
    [InlineData("""{"name":"x","kind":"Email","recipients":[]}""", "recipients", "at least one recipient")]
    [InlineData("""{"name":"x","kind":"Email","recipients":["ops@example.com","nope"]}""", "recipients[1]", "not an e-mail address")]
    [InlineData("""{"name":"x","kind":"Sms","recipients":["555-1234"],"smsAccountSid":"AC1","smsAuthToken":"t","smsFrom":"+15550000000"}""", "recipients[0]", "E.164")]
    [InlineData("""{"name":"x","kind":"Sms","recipients":["+15551234567"],"smsAuthToken":"t","smsFrom":"+15550000000"}""", "smsAccountSid", "required")]
    [InlineData("""{"name":"x","kind":"Sms","recipients":["+15551234567"],"smsAccountSid":"AC1","smsFrom":"+15550000000"}""", "smsAuthToken", "required")]
    [InlineData("""{"name":"x","kind":"Sms","recipients":["+15551234567"],"smsAccountSid":"AC1","smsAuthToken":"t","smsFrom":"+1555","smsBaseUrl":"nowhere"}""", "smsBaseUrl", "absolute http")]
    [InlineData("""{"name":"x","kind":"Pigeon"}""", "kind", "not a channel kind")]
    [InlineData("""{"name":"x"}""", "kind", "required")]
    [InlineData("""{"kind":"Email","recipients":["ops@example.com"]}""", "name", "required")]
    [InlineData("""{"name":"x","kind":"Email","recipients":["ops@example.com"],"eventTypes":["stack.exploded"]}""", "eventTypes[0]", "not an event type")]
    public async Task Bad_channels_get_problem_details_naming_the_field(string json, string field, string message)
    {
        var (admin, projectId) = await ArrangeAsync("badchannel");
        var before = await factory.AuditEventCountAsync();

        var response = await admin.PostAsync($"/api/v1/projects/{projectId}/notification-channels", new StringContent(json, System.Text.Encoding.UTF8, "application/json"));

        await response.ShouldBeFieldErrorAsync(field, message);
        (await factory.AuditEventCountAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task Bad_webhooks_rules_and_templates_get_problem_details_naming_the_field()
    {
        var (admin, projectId) = await ArrangeAsync("badother");
        var channelId = await NotificationsFactory.CreateChannelAsync(admin, projectId, new { name = "mail", kind = "Email", recipients = new[] { "ops@example.com" } });
        var api = $"/api/v1/projects/{projectId}";

        await (await admin.PostAsJsonAsync($"{api}/webhooks", new { url = "localhost:8080/x", eventTypes = new[] { "stack.launched" } })).ShouldBeFieldErrorAsync("url", "absolute http");
        await (await admin.PostAsJsonAsync($"{api}/webhooks", new { url = "https://example.com/x", eventTypes = Array.Empty<string>() })).ShouldBeFieldErrorAsync("eventTypes", "at least one");
        await (await admin.PostAsJsonAsync($"{api}/webhooks", new { url = "https://example.com/x", eventTypes = new[] { "stack.launched", "nope" } })).ShouldBeFieldErrorAsync("eventTypes[1]", "not an event type");
        await (await admin.PostAsJsonAsync($"{api}/webhooks", new { url = "https://example.com/x", eventTypes = new[] { "stack.launched" }, secret = "short" })).ShouldBeFieldErrorAsync("secret", "at least 16");
        await (await admin.PutAsJsonAsync($"{api}/notification-rules", new { rules = new[] { new { eventType = "stack.nope", channelId } } })).ShouldBeFieldErrorAsync("rules[0].eventType", "not an event type");
        await (await admin.PutAsJsonAsync($"{api}/notification-rules", new { rules = new[] { new { eventType = "stack.failed", channelId = Guid.NewGuid() } } })).ShouldBeFieldErrorAsync("rules[0].channelId", "not in this project");
        await (await admin.PutAsJsonAsync($"{api}/notification-templates/stack.failed", new { subject = "", body = "x" })).ShouldBeFieldErrorAsync("subject", "required");
        await (await admin.PutAsJsonAsync($"{api}/notification-templates/stack.failed", new { subject = "{{stackNmae}} broke", body = "x" })).ShouldBeFieldErrorAsync("subject", "{{stackNmae}}");
        await (await admin.PutAsJsonAsync($"{api}/notification-templates/stack.nope", new { subject = "s", body = "b" })).ShouldBeFieldErrorAsync("eventType", "not an event type");
        await (await admin.GetAsync($"{api}/deliveries?status=Lost")).ShouldBeFieldErrorAsync("status", "must be one of");
        await (await admin.GetAsync($"{api}/deliveries?limit=5000")).ShouldBeFieldErrorAsync("limit", "between 1 and 200");
        (await factory.InScopeAsync(db => db.WebhookSubscriptions.CountAsync(w => w.ProjectId == projectId))).ShouldBe(0);
    }

    [Fact]
    public async Task A_webhook_secret_is_shown_once_when_generated_and_never_again()
    {
        var (admin, projectId) = await ArrangeAsync("hooksecret");

        var created = await admin.PostAsJsonAsync($"/api/v1/projects/{projectId}/webhooks", new { url = "https://example.com/paddock", eventTypes = new[] { "stack.launched" } });

        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        var body = await created.Content.ReadFromJsonAsync<CreatedWebhook>();
        body!.Secret.ShouldStartWith("whsec_");
        body.Secret!.Length.ShouldBeGreaterThan(40);
        (await admin.GetStringAsync($"/api/v1/projects/{projectId}/webhooks")).ShouldNotContain(body.Secret);
        var rotated = await admin.PutAsJsonAsync($"/api/v1/projects/{projectId}/webhooks/{body.Webhook.Id}", new { url = "https://example.com/paddock", eventTypes = new[] { "stack.launched" }, rotateSecret = true });
        var newSecret = (await rotated.Content.ReadFromJsonAsync<CreatedWebhook>())!.Secret;
        newSecret.ShouldNotBeNullOrEmpty();
        newSecret.ShouldNotBe(body.Secret);
        var plain = await admin.PutAsJsonAsync($"/api/v1/projects/{projectId}/webhooks/{body.Webhook.Id}", new { url = "https://example.com/other", eventTypes = new[] { "stack.failed" } });
        (await plain.Content.ReadFromJsonAsync<CreatedWebhook>())!.Secret.ShouldBeNull();
    }

    [Fact]
    public async Task Rules_route_events_to_channels_and_replace_as_a_whole()
    {
        var (admin, projectId) = await ArrangeAsync("rules");
        var mail = await NotificationsFactory.CreateChannelAsync(admin, projectId, new { name = "mail", kind = "Email", recipients = new[] { "ops@example.com" } });
        var hook = await NotificationsFactory.CreateChannelAsync(admin, projectId, new { name = "hook", kind = "Webhook", url = "https://example.com/h" });

        var set = await admin.PutAsJsonAsync($"/api/v1/projects/{projectId}/notification-rules", new
        {
            rules = new[] { new { eventType = "stack.failed", channelId = mail }, new { eventType = "stack.failed", channelId = hook }, new { eventType = "stack.expiring", channelId = mail } },
        });
        set.StatusCode.ShouldBe(HttpStatusCode.OK, await set.Content.ReadAsStringAsync());
        await admin.PutAsJsonAsync($"/api/v1/projects/{projectId}/notification-rules", new { rules = new[] { new { eventType = "stack.expiring", channelId = mail } } });

        var rules = await admin.GetFromJsonAsync<List<RuleBody>>($"/api/v1/projects/{projectId}/notification-rules");
        rules.ShouldBe([new RuleBody("stack.expiring", mail)]);
    }

    [Fact]
    public async Task A_template_preview_renders_the_sample_event_and_saved_templates_replace_the_default()
    {
        var (admin, projectId) = await ArrangeAsync("templates");
        var api = $"/api/v1/projects/{projectId}/notification-templates";

        var preview = await admin.PostAsJsonAsync($"{api}/preview", new { eventType = "stack.failed", subject = "{{stackName}} is {{status}}", body = "Because: {{detail}}" });
        preview.StatusCode.ShouldBe(HttpStatusCode.OK, await preview.Content.ReadAsStringAsync());
        var rendered = await preview.Content.ReadFromJsonAsync<RenderedBody>();
        rendered!.Subject.ShouldBe("sample-web is Failed");
        rendered.Text.ShouldBe("Because: Service 'api' did not become healthy.");
        rendered.Html.ShouldContain("<p>Because: Service &#39;api&#39; did not become healthy.</p>");

        (await admin.PutAsJsonAsync($"{api}/stack.failed", new { subject = "FAILED {{stackName}}", body = "{{detail}}" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        var templates = await admin.GetAllItemsAsync<TemplateBody>(api);
        templates!.Single(t => t.EventType == "stack.failed").ShouldBe(new TemplateBody("stack.failed", "FAILED {{stackName}}", "{{detail}}", true));
        templates!.Single(t => t.EventType == "stack.launched").IsCustom.ShouldBeFalse();
        (await admin.DeleteAsync($"{api}/stack.failed")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await admin.GetAllItemsAsync<TemplateBody>(api)).Single(t => t.EventType == "stack.failed").IsCustom.ShouldBeFalse();
    }

    [Theory]
    [InlineData(ProjectRole.Developer)]
    [InlineData(ProjectRole.Operator)]
    [InlineData(ProjectRole.Viewer)]
    public async Task Members_who_are_not_project_admins_cannot_see_or_manage_channels(ProjectRole role)
    {
        var (admin, projectId) = await ArrangeAsync("nonadmin");
        var channelId = await NotificationsFactory.CreateChannelAsync(admin, projectId, new { name = "mail", kind = "Email", recipients = new[] { "ops@example.com" } });
        var member = await factory.CreateMemberAsync(admin, projectId, role);
        var api = $"/api/v1/projects/{projectId}";

        (await member.Client.GetAsync($"{api}/notification-channels")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await member.Client.PostAsJsonAsync($"{api}/notification-channels", new { name = "mine", kind = "Email", recipients = new[] { "me@example.com" } })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await member.Client.DeleteAsync($"{api}/notification-channels/{channelId}")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await member.Client.PostAsJsonAsync($"{api}/webhooks", new { url = "https://example.com/x", eventTypes = new[] { "stack.launched" } })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await factory.InScopeAsync(db => db.NotificationChannels.CountAsync(c => c.ProjectId == projectId))).ShouldBe(1);
        var projectAdmin = await factory.CreateMemberAsync(admin, projectId, ProjectRole.ProjectAdmin);
        (await projectAdmin.Client.GetAsync($"{api}/notification-channels")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    private async Task<(HttpClient Admin, Guid ProjectId)> ArrangeAsync(string name)
    {
        var admin = await factory.SignInAsAdminAsync();
        return (admin, await PaddockWebFactory.CreateProjectAsync(admin, PaddockWebFactory.UniqueName(name)));
    }

    private sealed record WebhookBody(Guid Id);

    private sealed record CreatedWebhook(WebhookBody Webhook, string? Secret);

    private sealed record RuleBody(string EventType, Guid ChannelId);

    private sealed record RenderedBody(string Subject, string Text, string Html);

    private sealed record TemplateBody(string EventType, string Subject, string Body, bool IsCustom);
}
