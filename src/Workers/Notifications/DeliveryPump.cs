using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Paddock.Workers.Notifications;

/// <summary>
/// The quick path from outbox to receivers: polls every <see cref="NotificationOptions.PollIntervalMs"/> (an indexed
/// query on undispatched messages and due deliveries) and drains backlogs without pausing, so a delivery starts within
/// about a quarter of a second of its event. The recurring <see cref="DispatchNotificationsJob"/> is the backstop.
/// </summary>
internal sealed class DeliveryPump(IServiceScopeFactory scopes, IOptions<NotificationOptions> options, ILogger<DeliveryPump> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var idle = TimeSpan.FromMilliseconds(Math.Max(50, options.Value.PollIntervalMs));
        while (!stoppingToken.IsCancellationRequested)
        {
            var worked = 0;
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                worked = await scope.ServiceProvider.GetRequiredService<DeliveryDispatcher>().RunOnceAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // The database may be restarting; the next round tries again.
                logger.LogWarning(e, "Notification dispatch round failed.");
            }

            if (worked == 0)
            {
                try
                {
                    await Task.Delay(idle, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }
}
