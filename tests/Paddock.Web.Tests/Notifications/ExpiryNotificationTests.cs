using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Paddock.Testing;
using Paddock.Workers.Stacks;

namespace Paddock.Web.Tests.Notifications;

/// <summary>The TTL reaper's expiry warning, from a real stack on the private engine to a real mailbox, through a rule.</summary>
[Collection(NotificationsCollection.Name)]
public sealed class ExpiryNotificationTests(NotificationsFactory factory)
{
    private const string OneService = """
        apiVersion: paddock/v1
        kind: Blueprint
        services:
          app:
            image: paddock/busybox:latest
            command: [sleep, "3600"]
        """;

    [Fact]
    public async Task An_expiry_warning_reaches_the_owner_by_email_through_a_rule()
    {
        var admin = await factory.SignInAsAdminAsync();
        var projectId = await PaddockWebFactory.CreateProjectAsync(admin, PaddockWebFactory.UniqueName("expiry"));
        var environmentId = await PaddockWebFactory.CreateEnvironmentAsync(admin, projectId, "test");
        var recipient = PaddockWebFactory.UniqueEmail("owner");
        await NotificationsFactory.CreateChannelAsync(admin, projectId, new { name = "owners", kind = "Email", recipients = new[] { recipient }, eventTypes = new[] { "stack.expiring" } });
        var created = await admin.PostAsJsonAsync($"/api/v1/projects/{projectId}/blueprints", new { name = "expiring", yaml = OneService });
        var blueprintId = (await created.Content.ReadFromJsonAsync<SavedBody>())!.BlueprintId;
        var launched = await admin.PostAsJsonAsync($"/api/v1/projects/{projectId}/stacks", new { blueprintId, environmentId, name = "soon-gone", ttlHours = 0.5 });
        launched.StatusCode.ShouldBe(HttpStatusCode.Created, await launched.Content.ReadAsStringAsync());
        var stackId = (await launched.Content.ReadFromJsonAsync<LaunchBody>())!.StackId;
        await WaitForRunningAsync(admin, projectId, stackId);

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<TtlReaperJob>().RunAsync(CancellationToken.None);
        }

        var mail = await DeliveryTests.WaitForMailAsync(recipient);
        mail.Subject.ShouldStartWith("Stack ");
        mail.Subject.ShouldEndWith(" expires soon");
        mail.TextBody!.ShouldContain("min; extend it to keep it.");
        mail.TextBody!.ShouldContain("It expires at ");
        await admin.PostAsJsonAsync($"/api/v1/projects/{projectId}/stacks/{stackId}/operations", new { kind = "Destroy" });
    }

    private static async Task WaitForRunningAsync(HttpClient client, Guid projectId, Guid stackId)
    {
        var watch = Stopwatch.StartNew();
        var status = "";
        while (watch.Elapsed < TimeSpan.FromSeconds(60))
        {
            status = (await client.GetFromJsonAsync<StatusBody>($"/api/v1/projects/{projectId}/stacks/{stackId}"))!.Status;
            if (status == "Running")
            {
                return;
            }

            await Task.Delay(200);
        }

        throw new ShouldAssertException($"Stack {stackId} stayed {status}.");
    }

    private sealed record SavedBody(Guid BlueprintId);

    private sealed record LaunchBody(Guid StackId);

    private sealed record StatusBody(string Status);
}
