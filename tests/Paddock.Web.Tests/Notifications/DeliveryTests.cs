using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Paddock.Core.Approvals;
using Paddock.Core.Events;
using Paddock.Testing;
using Paddock.Workers.Notifications;

namespace Paddock.Web.Tests.Notifications;

/// <summary>
/// From the outbox to real receivers: the SMTP server the test command starts, and HTTP servers in the test that
/// check what Slack, Twilio and webhook receivers would get, byte for byte.
/// </summary>
[Collection(NotificationsCollection.Name)]
public sealed class DeliveryTests(NotificationsFactory factory)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    [Fact]
    public async Task An_event_routed_to_an_email_channel_arrives_at_the_smtp_server_with_subject_html_and_text()
    {
        var (admin, projectId, projectName) = await ArrangeAsync("mail");
        var recipient = PaddockWebFactory.UniqueEmail("ops");
        await NotificationsFactory.CreateChannelAsync(admin, projectId, new { name = "ops-mail", kind = "Email", recipients = new[] { recipient }, eventTypes = new[] { "stack.failed" } });
        var stackName = PaddockWebFactory.UniqueName("web");

        await factory.PublishAsync(projectId, EventTypes.StackFailed, Stack(projectId, stackName, "Failed", "Service 'db' exited with code 1 <boom>"));

        var mail = await WaitForMailAsync(recipient);
        mail.Subject.ShouldBe($"Stack {stackName} failed");
        mail.From.Mailboxes.Single().Address.ShouldBe("paddock@paddock.test");
        mail.To.Mailboxes.Single().Address.ShouldBe(recipient);
        mail.TextBody!.ShouldContain($"The Launch operation of stack {stackName} in project {projectName} failed.");
        mail.TextBody!.ShouldContain("Service 'db' exited with code 1 <boom>");
        mail.HtmlBody!.ShouldContain($"<h2>Stack {stackName} failed</h2>");
        mail.HtmlBody!.ShouldContain("Service &#39;db&#39; exited with code 1 &lt;boom&gt;");
        mail.Headers["X-Paddock-Event"].ShouldBe("stack.failed");
        var delivery = (await DeliveriesAsync(admin, projectId)).Single();
        mail.Headers["X-Paddock-Delivery"].ShouldBe(delivery.Id.ToString());
        delivery.Status.ShouldBe("Delivered");
        delivery.Attempts.ShouldBe(1);
    }

    [Fact]
    public async Task Slack_gets_a_block_kit_message_with_approve_and_reject_buttons_for_approval_requests()
    {
        var (admin, projectId, projectName) = await ArrangeAsync("slack");
        await using var slack = await HttpReceiver.StartNewAsync();
        await NotificationsFactory.CreateChannelAsync(admin, projectId, new { name = "approvals", kind = "Slack", url = slack.Url("/services/T1/B1/xyz"), eventTypes = new[] { "approval.requested" } });
        var approve = "https://paddock.example.com/approvals/42/approve?sig=abc&exp=1";
        var reject = "https://paddock.example.com/approvals/42/reject?sig=def&exp=1";

        // The payload governance writes for a request (OperationAdmission.Event).
        await factory.PublishAsync(projectId, EventTypes.ApprovalRequested, new ApprovalEventData(projectId, Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(),
            "shop", Guid.NewGuid(), "Launch", "Pending", "dev@example.com", "Release <1.2>", 70.30m, "USD", 0, 2,
            "https://paddock.example.com/approvals?request=42", approve, reject));

        var request = await WaitForRequestAsync(slack);
        request.Method.ShouldBe("POST");
        request.Path.ShouldBe("/services/T1/B1/xyz");
        request.Header("Content-Type").ShouldBe("application/json; charset=utf-8");
        request.Header("X-Paddock-Delivery").ShouldNotBeEmpty();
        var expected = $$$"""
            {"text":"Approval requested: Launch of shop","blocks":[
              {"type":"header","text":{"type":"plain_text","text":"Approval requested: Launch of shop","emoji":true}},
              {"type":"section","text":{"type":"mrkdwn","text":"dev@example.com asks for approval to Launch stack shop in project {{{projectName}}}: about 70.30 USD a month, 2 approval(s) needed.\nReason: Release &lt;1.2&gt;\nhttps://paddock.example.com/approvals?request=42"}},
              {"type":"actions","elements":[
                {"type":"button","text":{"type":"plain_text","text":"Approve"},"url":"{{{approve}}}","style":"primary","action_id":"approve"},
                {"type":"button","text":{"type":"plain_text","text":"Reject"},"url":"{{{reject}}}","style":"danger","action_id":"reject"}]},
              {"type":"context","elements":[{"type":"mrkdwn","text":"Paddock · `approval.requested`"}]}]}
            """;
        Normalize(request.Body).ShouldBe(Normalize(expected));
    }

    [Fact]
    public async Task Sms_is_posted_to_the_twilio_compatible_api_as_a_form_with_basic_auth()
    {
        var (admin, projectId, _) = await ArrangeAsync("sms");
        await using var twilio = await HttpReceiver.StartNewAsync();
        twilio.Status = HttpStatusCode.Created;
        await NotificationsFactory.CreateChannelAsync(admin, projectId, new
        {
            name = "pager",
            kind = "Sms",
            recipients = new[] { "+15551230001", "+15551230002" },
            smsBaseUrl = twilio.Url("/"),
            smsAccountSid = "AC0123456789abcdef",
            smsAuthToken = "tok-secret",
            smsFrom = "+15550009999",
            eventTypes = new[] { "stack.expiring" },
        });
        var stackName = PaddockWebFactory.UniqueName("api");

        await factory.PublishAsync(projectId, EventTypes.StackExpiring, Stack(projectId, stackName, "Running", $"Stack '{stackName}' expires in 15 min; extend it to keep it."));

        await WaitUntilAsync(() => twilio.Requests.Count >= 2);
        var requests = twilio.Requests.ToList();
        requests.Select(r => FormOf(r.Body)["To"]).ShouldBe(["+15551230001", "+15551230002"]);
        foreach (var request in requests)
        {
            request.Method.ShouldBe("POST");
            request.Path.ShouldBe("/2010-04-01/Accounts/AC0123456789abcdef/Messages.json");
            request.Header("Authorization").ShouldBe("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("AC0123456789abcdef:tok-secret")));
            request.Header("Content-Type").ShouldStartWith("application/x-www-form-urlencoded");
            var form = FormOf(request.Body);
            form.Keys.ShouldBe(["To", "From", "Body"], ignoreOrder: true);
            form["From"].ShouldBe("+15550009999");
            form["Body"].ShouldStartWith($"Stack {stackName} expires soon\nStack '{stackName}' expires in 15 min; extend it to keep it.");
        }

        (await DeliveriesAsync(admin, projectId)).Single().LastStatusCode.ShouldBe(201);
    }

    [Fact]
    public async Task Webhook_deliveries_carry_a_signature_that_verifies_with_the_documented_algorithm()
    {
        var (admin, projectId, _) = await ArrangeAsync("hook");
        await using var receiver = await HttpReceiver.StartNewAsync();
        var secret = "a-receiver-chosen-secret-0123456789";
        var created = await admin.PostAsJsonAsync($"/api/v1/projects/{projectId}/webhooks", new { url = receiver.Url("/paddock"), eventTypes = new[] { "stack.launched" }, secret });
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        var stackName = PaddockWebFactory.UniqueName("web");

        var messageId = await factory.PublishAsync(projectId, EventTypes.StackLaunched, Stack(projectId, stackName, "Running", null));
        await factory.PublishAsync(projectId, EventTypes.StackDestroyed, Stack(projectId, stackName, "Destroyed", null));

        var request = await WaitForRequestAsync(receiver);
        // The documented algorithm, written independently: hex(HMAC-SHA256(secret, "<t>.<body>")), t within 5 minutes.
        var parts = request.Header("X-Paddock-Signature").Split(',').Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => p[1]);
        var t = long.Parse(parts["t"], System.Globalization.CultureInfo.InvariantCulture);
        Math.Abs(DateTimeOffset.UtcNow.ToUnixTimeSeconds() - t).ShouldBeLessThan(300);
        var expected = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{t}.{request.Body}")));
        parts["v1"].ShouldBe(expected);
        Core.Notifications.WebhookSignature.Verify(secret, request.Header("X-Paddock-Signature"), request.Body + " ", DateTimeOffset.UtcNow, TimeSpan.FromMinutes(5)).ShouldBeFalse();
        Core.Notifications.WebhookSignature.Verify(secret, request.Header("X-Paddock-Signature"), request.Body, DateTimeOffset.UtcNow.AddMinutes(10), TimeSpan.FromMinutes(5)).ShouldBeFalse();

        using var body = JsonDocument.Parse(request.Body);
        body.RootElement.GetProperty("id").GetGuid().ShouldBe(messageId);
        body.RootElement.GetProperty("type").GetString().ShouldBe("stack.launched");
        body.RootElement.GetProperty("data").GetProperty("stackName").GetString().ShouldBe(stackName);
        request.Header("X-Paddock-Event").ShouldBe("stack.launched");
        await Task.Delay(500);
        receiver.Requests.Count.ShouldBe(1, "stack.destroyed is not subscribed");
    }

    [Fact]
    public async Task A_receiver_down_during_50_events_then_up_again_gets_every_message_exactly_once()
    {
        var (admin, projectId, _) = await ArrangeAsync("outage");
        await using var receiver = await HttpReceiver.StartNewAsync();
        await admin.PostAsJsonAsync($"/api/v1/projects/{projectId}/webhooks", new { url = receiver.Url("/hook"), eventTypes = new[] { "stack.launched" } });
        await receiver.StopAsync();

        var sent = new List<Guid>();
        for (var i = 0; i < 50; i++)
        {
            sent.Add(await factory.PublishAsync(projectId, EventTypes.StackLaunched, Stack(projectId, $"s{i}", "Running", null)));
        }

        // Down long enough for several failed rounds of every delivery.
        await WaitUntilAsync(async () => (await factory.InScopeAsync(db => db.DeliveryAttempts.CountAsync(a => !a.Succeeded
            && db.Deliveries.Any(d => d.Id == a.DeliveryId && d.ProjectId == projectId)))) >= 150);
        receiver.Requests.ShouldBeEmpty();

        await receiver.StartAsync();
        await WaitUntilAsync(() => receiver.Requests.Count >= 50, TimeSpan.FromSeconds(30));
        await Task.Delay(1500);

        var received = receiver.Requests.ToList();
        received.Count.ShouldBe(50, "a message arrived twice");
        received.Select(r => JsonDocument.Parse(r.Body).RootElement.GetProperty("id").GetGuid()).ShouldBe(sent, ignoreOrder: true);
        received.Select(r => r.Header("X-Paddock-Delivery")).Distinct().Count().ShouldBe(50);
        var deliveries = await DeliveriesAsync(admin, projectId);
        deliveries.Count.ShouldBe(50);
        deliveries.ShouldAllBe(d => d.Status == "Delivered" && d.Attempts > 1 && d.LastStatusCode == 200);
    }

    [Fact]
    public async Task Two_dispatchers_at_once_fan_each_message_out_to_each_target_exactly_once()
    {
        var (admin, projectId, _) = await ArrangeAsync("race");
        await NotificationsFactory.CreateChannelAsync(admin, projectId, new { name = "hook-a", kind = "Webhook", url = "http://127.0.0.1:9/a", eventTypes = new[] { "stack.failed" } });
        await NotificationsFactory.CreateChannelAsync(admin, projectId, new { name = "hook-b", kind = "Webhook", url = "http://127.0.0.1:9/b", eventTypes = new[] { "stack.failed" } });
        for (var i = 0; i < 40; i++)
        {
            await factory.PublishAsync(projectId, EventTypes.StackFailed, Stack(projectId, $"s{i}", "Failed", null));
        }

        // The pump runs too: three dispatchers compete for the same messages.
        await Task.WhenAll(Enumerable.Range(0, 2).Select(async _ =>
        {
            await using var scope = factory.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<DeliveryDispatcher>().FanOutAsync(CancellationToken.None);
        }));
        await WaitUntilAsync(async () => await factory.InScopeAsync(db => db.OutboxMessages.CountAsync(m => m.ProjectId == projectId && m.DispatchedAt == null)) == 0);

        (await factory.DeliveriesCountAsync(projectId)).ShouldBe(80);
    }

    [Fact]
    public async Task The_delivery_log_records_failed_attempts_and_redeliver_sends_again_with_the_same_dedupe_key()
    {
        var (admin, projectId, _) = await ArrangeAsync("redeliver");
        await using var receiver = await HttpReceiver.StartNewAsync();
        receiver.Status = HttpStatusCode.InternalServerError;
        var channelId = await NotificationsFactory.CreateChannelAsync(admin, projectId, new { name = "hook", kind = "Webhook", url = receiver.Url("/in"), eventTypes = new[] { "stack.destroyed" } });

        await factory.PublishAsync(projectId, EventTypes.StackDestroyed, Stack(projectId, "gone", "Destroyed", null));
        await WaitUntilAsync(() => receiver.Requests.Count >= 3);
        receiver.Status = HttpStatusCode.OK;
        await WaitUntilAsync(async () => (await DeliveriesAsync(admin, projectId)).Single().Status == "Delivered");

        var delivery = (await DeliveriesAsync(admin, projectId, $"targetId={channelId}")).Single();
        var details = await admin.GetFromJsonAsync<DetailsBody>($"/api/v1/projects/{projectId}/deliveries/{delivery.Id}", Json);
        details!.Attempts.Count.ShouldBeGreaterThanOrEqualTo(4);
        details.Attempts[0].StatusCode.ShouldBe(500);
        details.Attempts[0].Error!.ShouldContain("receiver says no");
        details.Attempts[^1].Succeeded.ShouldBeTrue();
        details.Attempts.ShouldAllBe(a => a.DurationMs >= 0);
        var before = receiver.Requests.Count;

        (await admin.PostAsync($"/api/v1/projects/{projectId}/deliveries/{delivery.Id}/redeliver", null)).StatusCode.ShouldBe(HttpStatusCode.Accepted);

        await WaitUntilAsync(() => receiver.Requests.Count > before);
        receiver.Requests.Select(r => r.Header("X-Paddock-Delivery")).Distinct().ShouldBe([delivery.Id.ToString()]);
        await WaitUntilAsync(async () => (await DeliveriesAsync(admin, projectId)).Single().Attempts == details.Attempts.Count + 1);
        (await admin.PostAsync($"/api/v1/projects/{projectId}/deliveries/{Guid.NewGuid()}/redeliver", null)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_test_button_sends_a_sample_now_and_reports_what_the_receiver_said()
    {
        var (admin, projectId, _) = await ArrangeAsync("testsend");
        await using var slack = await HttpReceiver.StartNewAsync();
        var channelId = await NotificationsFactory.CreateChannelAsync(admin, projectId, new { name = "slack", kind = "Slack", url = slack.Url("/hook") });

        var ok = await admin.PostAsJsonAsync($"/api/v1/projects/{projectId}/notification-channels/{channelId}/test", new { eventType = "approval.requested" });
        var okBody = await ok.Content.ReadFromJsonAsync<TestBody>();
        await slack.StopAsync();
        var down = await (await admin.PostAsJsonAsync($"/api/v1/projects/{projectId}/notification-channels/{channelId}/test", new { })).Content.ReadFromJsonAsync<TestBody>();

        okBody!.Succeeded.ShouldBeTrue();
        okBody.StatusCode.ShouldBe(200);
        slack.Requests.Single().Body.ShouldContain("[Test] Approval requested: Launch of sample-web");
        slack.Requests.Single().Body.ShouldContain("\"action_id\":\"approve\"");
        down!.Succeeded.ShouldBeFalse();
        down.Error.ShouldNotBeNullOrEmpty();
        (await factory.DeliveriesCountAsync(projectId)).ShouldBe(0);
        var memail = await NotificationsFactory.CreateChannelAsync(admin, projectId, new { name = "m", kind = "Email", recipients = new[] { "x@example.com" } });
        await (await admin.PostAsJsonAsync($"/api/v1/projects/{projectId}/notification-channels/{memail}/test", new { eventType = "stack.nope" }))
            .ShouldBeFieldErrorAsync("eventType", "not an event type");
    }

    [Fact]
    public async Task A_channel_pointing_at_the_cloud_metadata_address_is_refused_when_sending()
    {
        var (admin, projectId, _) = await ArrangeAsync("metadata");
        var channelId = await NotificationsFactory.CreateChannelAsync(admin, projectId, new { name = "sneaky", kind = "Slack", url = "http://169.254.169.254/latest/meta-data/" });

        var test = await (await admin.PostAsJsonAsync($"/api/v1/projects/{projectId}/notification-channels/{channelId}/test", new { })).Content.ReadFromJsonAsync<TestBody>();

        test!.Succeeded.ShouldBeFalse();
        test.StatusCode.ShouldBeNull();
        test.Error!.ShouldContain("169.254.169.254, in a network Paddock does not send to");
    }

    internal static StackEventData Stack(Guid projectId, string name, string status, string? detail) =>
        new(projectId, Guid.NewGuid(), name, Guid.NewGuid(), status, Guid.NewGuid(), "Launch", detail, DateTimeOffset.UtcNow.AddMinutes(15));

    private async Task<(HttpClient Admin, Guid ProjectId, string ProjectName)> ArrangeAsync(string name)
    {
        var admin = await factory.SignInAsAdminAsync();
        var projectName = PaddockWebFactory.UniqueName(name);
        return (admin, await PaddockWebFactory.CreateProjectAsync(admin, projectName), projectName);
    }

    internal static async Task<MimeMessage> WaitForMailAsync(string recipient, TimeSpan? timeout = null)
    {
        var folder = Path.Combine(NotificationsFactory.Maildir, "new");
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < (timeout ?? TimeSpan.FromSeconds(20)))
        {
            if (Directory.Exists(folder))
            {
                foreach (var file in Directory.GetFiles(folder))
                {
                    var text = await File.ReadAllTextAsync(file);
                    if (text.Contains(recipient, StringComparison.Ordinal))
                    {
                        return await MimeMessage.LoadAsync(file);
                    }
                }
            }

            await Task.Delay(100);
        }

        throw new ShouldAssertException($"No mail to {recipient} arrived in {NotificationsFactory.Maildir}.");
    }

    private static async Task<ReceivedRequest> WaitForRequestAsync(HttpReceiver receiver)
    {
        await WaitUntilAsync(() => !receiver.Requests.IsEmpty);
        return receiver.Requests.First();
    }

    internal static Task WaitUntilAsync(Func<bool> condition, TimeSpan? timeout = null) => WaitUntilAsync(() => Task.FromResult(condition()), timeout);

    internal static async Task WaitUntilAsync(Func<Task<bool>> condition, TimeSpan? timeout = null)
    {
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < (timeout ?? TimeSpan.FromSeconds(20)))
        {
            if (await condition())
            {
                return;
            }

            await Task.Delay(100);
        }

        throw new ShouldAssertException("The condition did not become true in time.");
    }

    private static async Task<List<DeliveryBody>> DeliveriesAsync(HttpClient client, Guid projectId, string query = "")
    {
        var page = await client.GetFromJsonAsync<PageBody>($"/api/v1/projects/{projectId}/deliveries?limit=200&{query}", Json);
        return page!.Items;
    }

    private static Dictionary<string, string> FormOf(string body) =>
        body.Split('&').Select(p => p.Split('=', 2)).ToDictionary(p => Uri.UnescapeDataString(p[0]), p => Uri.UnescapeDataString(p[1].Replace('+', ' ')));

    private static string Normalize(string json) => JsonSerializer.Serialize(JsonDocument.Parse(json).RootElement);

    private sealed record PageBody(List<DeliveryBody> Items);

    private sealed record DeliveryBody(Guid Id, string Status, int Attempts, int? LastStatusCode);

    private sealed record AttemptBody(int Number, bool Succeeded, int? StatusCode, int DurationMs, string? Error);

    private sealed record DetailsBody(List<AttemptBody> Attempts);

    private sealed record TestBody(bool Succeeded, int? StatusCode, string? Error);
}
