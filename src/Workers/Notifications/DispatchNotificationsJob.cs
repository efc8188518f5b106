namespace Paddock.Workers.Notifications;

/// <summary>Recurring backstop for the pump (every minute): dispatches and sends until there is nothing left or a minute passed.</summary>
internal sealed class DispatchNotificationsJob(DeliveryDispatcher dispatcher, TimeProvider time)
{
    public async Task RunAsync(CancellationToken ct)
    {
        var until = time.GetUtcNow().AddMinutes(1);
        while (time.GetUtcNow() < until && await dispatcher.RunOnceAsync(ct) > 0)
        {
        }
    }
}
