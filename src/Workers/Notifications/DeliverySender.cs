using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Paddock.Core.Common;
using Paddock.Core.Notifications;
using Paddock.Data;

namespace Paddock.Workers.Notifications;

/// <summary>Sends one claimed delivery to its channel or webhook and records the attempt (the delivery's retry state with it).</summary>
internal sealed class DeliverySender(
    PaddockDbContext db,
    ISecretProtector protector,
    INotificationSender sender,
    WebhookSender webhooks,
    IOptions<NotificationOptions> options,
    TimeProvider time,
    ILogger<DeliverySender> logger)
{
    private static readonly RetryPolicy GiveUpNow = new(TimeSpan.Zero, TimeSpan.Zero, 1);

    public async Task SendAsync(Guid deliveryId, CancellationToken ct)
    {
        var delivery = await db.Deliveries.FirstAsync(d => d.Id == deliveryId, ct);
        var message = await db.OutboxMessages.AsNoTracking().FirstAsync(m => m.Id == delivery.MessageId, ct);
        var outgoing = new OutgoingEvent(delivery.Id, message.Id, delivery.ProjectId, message.Type, message.OccurredAt, message.Payload);
        var (outcome, policy) = delivery.TargetKind switch
        {
            DeliveryTargetKind.Channel => await SendToChannelAsync(delivery, outgoing, ct),
            _ => await SendToWebhookAsync(delivery, outgoing, ct),
        };
        var attempt = delivery.Record(outcome, time.GetUtcNow(), policy);
        db.DeliveryAttempts.Add(attempt);
        await db.SaveChangesAsync(ct);
        if (!outcome.Succeeded)
        {
            // Never the target's URL or secret: the id is enough to find it.
            logger.LogInformation("Delivery {DeliveryId} of {EventType} to {TargetKind} {TargetId} failed (attempt {Attempt}): {Error}",
                delivery.Id, delivery.EventType, delivery.TargetKind, delivery.TargetId, delivery.Attempts, outcome.Error);
        }
    }

    private async Task<(SendOutcome, RetryPolicy)> SendToChannelAsync(Delivery delivery, OutgoingEvent outgoing, CancellationToken ct)
    {
        var channel = await db.NotificationChannels.AsNoTracking().FirstOrDefaultAsync(c => c.Id == delivery.TargetId, ct);
        if (channel is null || !channel.Enabled)
        {
            return (SendOutcome.Fail(null, 0, channel is null ? "The channel was deleted." : "The channel is disabled."), GiveUpNow);
        }

        var message = await NotificationComposer.RenderAsync(db, delivery.ProjectId, outgoing.Type, outgoing.PayloadJson, outgoing.OccurredAt, ct);
        var target = ChannelTarget.From(channel, channel.ProtectedSecret is null ? null : protector.Unprotect(channel.ProtectedSecret));
        return (await SendGuardedAsync(() => sender.SendAsync(target, outgoing, message, ct)), options.Value.RetryPolicy);
    }

    private async Task<(SendOutcome, RetryPolicy)> SendToWebhookAsync(Delivery delivery, OutgoingEvent outgoing, CancellationToken ct)
    {
        var webhook = await db.WebhookSubscriptions.AsNoTracking().FirstOrDefaultAsync(w => w.Id == delivery.TargetId, ct);
        if (webhook is null || !webhook.Enabled)
        {
            return (SendOutcome.Fail(null, 0, webhook is null ? "The webhook was deleted." : "The webhook is disabled."), GiveUpNow);
        }

        var secret = protector.Unprotect(webhook.ProtectedSecret);
        return (await SendGuardedAsync(() => webhooks.SendAsync(webhook.Url, secret, outgoing, ct)), options.Value.RetryPolicy);
    }

    // A sender bug must cost one attempt, not the whole batch: the delivery is retried like any failure.
    private async Task<SendOutcome> SendGuardedAsync(Func<Task<SendOutcome>> send)
    {
        try
        {
            return await send();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "A sender failed unexpectedly.");
            return SendOutcome.Fail(null, 0, e.GetType().Name + ": " + e.Message);
        }
    }
}
