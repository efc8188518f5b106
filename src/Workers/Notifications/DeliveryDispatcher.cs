using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Paddock.Core.Common;
using Paddock.Core.Events;
using Paddock.Core.Notifications;
using Paddock.Data;

namespace Paddock.Workers.Notifications;

/// <summary>
/// Turns outbox messages into deliveries (fan-out) and sends the deliveries that are due (at least once, with
/// exponential backoff). Both steps claim their rows with <c>FOR UPDATE SKIP LOCKED</c>, so any number of dispatchers on
/// any number of nodes share the work without doing it twice; the unique (message, target) key backs that up.
/// </summary>
internal sealed class DeliveryDispatcher(
    PaddockDbContext db,
    ISecretProtector protector,
    INotificationSender sender,
    WebhookSender webhooks,
    IOptions<NotificationOptions> options,
    TimeProvider time,
    ILogger<DeliveryDispatcher> logger)
{
    private static readonly RetryPolicy GiveUpNow = new(TimeSpan.Zero, TimeSpan.Zero, 1);

    /// <summary>How long a sender may hold a claimed delivery before another may take it (a crashed node's claims expire).</summary>
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);

    /// <summary>One round: fan out new messages, then send what is due. Returns how much work it did (0: idle).</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct) => await FanOutAsync(ct) + await SendDueAsync(ct);

    public async Task<int> FanOutAsync(CancellationToken ct)
    {
        var batch = options.Value.BatchSize;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var messages = await db.OutboxMessages
            .FromSql($"SELECT * FROM outbox_messages WHERE dispatched_at IS NULL ORDER BY occurred_at LIMIT {batch} FOR UPDATE SKIP LOCKED")
            .ToListAsync(ct);
        if (messages.Count == 0)
        {
            return 0;
        }

        var now = time.GetUtcNow();
        var projectIds = messages.Where(m => m.ProjectId is not null).Select(m => m.ProjectId!.Value).Distinct().ToList();
        var rules = await (from r in db.NotificationRules
                           join c in db.NotificationChannels on r.ChannelId equals c.Id
                           where projectIds.Contains(r.ProjectId) && c.Enabled
                           select new { r.ProjectId, r.EventType, r.ChannelId }).ToListAsync(ct);
        var hooks = await db.WebhookSubscriptions.AsNoTracking().Where(w => projectIds.Contains(w.ProjectId) && w.Enabled)
            .Select(w => new { w.Id, w.ProjectId, w.EventTypes }).ToListAsync(ct);
        foreach (var message in messages)
        {
            if (message.ProjectId is { } projectId)
            {
                foreach (var rule in rules.Where(r => r.ProjectId == projectId && r.EventType == message.Type))
                {
                    db.Deliveries.Add(Delivery.Create(projectId, message.Id, message.Type, DeliveryTargetKind.Channel, rule.ChannelId, now));
                }

                foreach (var hook in hooks.Where(h => h.ProjectId == projectId && h.EventTypes.Contains(message.Type)))
                {
                    db.Deliveries.Add(Delivery.Create(projectId, message.Id, message.Type, DeliveryTargetKind.Webhook, hook.Id, now));
                }
            }

            message.MarkDispatched(now);
        }

        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return messages.Count;
    }

    public async Task<int> SendDueAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var leaseUntil = now + Lease;
        var batch = options.Value.BatchSize;
        // Claim first, send after: no transaction is held open while a slow receiver answers.
        var claimed = await db.Database.SqlQuery<Guid>($"""
            UPDATE deliveries SET lease_until = {leaseUntil}
            WHERE id IN (SELECT id FROM deliveries
                         WHERE status = 'Pending' AND next_attempt_at <= {now} AND (lease_until IS NULL OR lease_until < {now})
                         ORDER BY next_attempt_at LIMIT {batch} FOR UPDATE SKIP LOCKED)
            RETURNING id AS "Value"
            """).ToListAsync(ct);
        foreach (var id in claimed)
        {
            await SendOneAsync(id, ct);
        }

        return claimed.Count;
    }

    private async Task SendOneAsync(Guid deliveryId, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
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
