using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Paddock.Core.Events;
using Paddock.Data;
using Paddock.Testing;

namespace Paddock.Web.Tests.Notifications;

/// <summary>
/// Paddock with the test command's real SMTP server and quick retries (100 ms doubling to 1 s), so tests of a receiver
/// that is down take seconds, not hours.
/// </summary>
public sealed class NotificationsFactory : PaddockWebFactory
{
    public static string SmtpAddress => Environment.GetEnvironmentVariable("PADDOCK_TEST_SMTP")
        ?? throw new InvalidOperationException("PADDOCK_TEST_SMTP is not set: run the tests with scripts/test.sh, which starts an SMTP server.");

    public static string Maildir => Environment.GetEnvironmentVariable("PADDOCK_TEST_MAILDIR")
        ?? throw new InvalidOperationException("PADDOCK_TEST_MAILDIR is not set.");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        var smtp = SmtpAddress.Split(':');
        builder.UseSetting("Paddock:Smtp:Host", smtp[0]);
        builder.UseSetting("Paddock:Smtp:Port", smtp[1]);
        builder.UseSetting("Paddock:Smtp:From", "Paddock <paddock@paddock.test>");
        builder.UseSetting("Paddock:Notifications:PollIntervalMs", "100");
        builder.UseSetting("Paddock:Notifications:RetryBaseMs", "100");
        builder.UseSetting("Paddock:Notifications:RetryMaxMs", "1000");
        builder.UseSetting("Paddock:Notifications:MaxAttempts", "60");
        builder.UseSetting("Paddock:Notifications:HttpTimeoutSeconds", "5");
    }

    /// <summary>Publishes an event to a project's outbox as the stack and governance code do (in their own transaction).</summary>
    public async Task<Guid> PublishAsync<TPayload>(Guid projectId, string type, TPayload payload)
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PaddockDbContext>();
        var message = OutboxMessage.Create<TPayload>(projectId, type, payload, DateTimeOffset.UtcNow);
        db.OutboxMessages.Add(message);
        await db.SaveChangesAsync();
        return message.Id;
    }

    public async Task<T> InScopeAsync<T>(Func<PaddockDbContext, Task<T>> read)
    {
        await using var scope = Services.CreateAsyncScope();
        return await read(scope.ServiceProvider.GetRequiredService<PaddockDbContext>());
    }

    public static async Task<Guid> CreateChannelAsync(HttpClient client, Guid projectId, object body)
    {
        var response = await client.PostAsJsonAsync($"/api/v1/projects/{projectId}/notification-channels", body);
        response.StatusCode.ShouldBe(System.Net.HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<IdBody>())!.Id;
    }

    public async Task<int> DeliveriesCountAsync(Guid projectId) => await InScopeAsync(db => db.Deliveries.CountAsync(d => d.ProjectId == projectId));

    private sealed record IdBody(Guid Id);
}

[CollectionDefinition(Name)]
public sealed class NotificationsCollection : ICollectionFixture<NotificationsFactory>
{
    public const string Name = "notifications";
}
