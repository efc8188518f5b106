using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
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
    IServiceScopeFactory scopes,
    IOptions<NotificationOptions> options,
    TimeProvider time,
    IEnumerable<ILiveUpdates> live)
{
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
        await PublishLiveAsync(messages, ct);
        return messages.Count;
    }

    /// <summary>
    /// Every domain event also goes to the project's live group (approval inboxes and badges, budget banners), once it is
    /// committed. Best effort: a page that misses one refreshes from the database on its next load.
    /// </summary>
    private async Task PublishLiveAsync(IEnumerable<OutboxMessage> messages, CancellationToken ct)
    {
        if (live.LastOrDefault() is not { } updates)
        {
            return;
        }

        foreach (var message in messages.Where(m => m.ProjectId is not null))
        {
            using var payload = System.Text.Json.JsonDocument.Parse(message.Payload);
            Guid? stackId = payload.RootElement.TryGetProperty("stackId", out var s) && s.TryGetGuid(out var id) ? id : null;
            await updates.PublishAsync(message.ProjectId!.Value, stackId, message.Type, payload.RootElement.Clone(), ct);
        }
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
        // Each send in its own scope (its own DbContext), several at once: one slow receiver does not hold up the rest.
        // Deliveries are therefore not ordered, not even for one target; receivers order by the event's occurredAt.
        await Parallel.ForEachAsync(claimed, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.Value.SendParallelism), CancellationToken = ct },
            async (id, token) =>
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<DeliverySender>().SendAsync(id, token);
            });

        return claimed.Count;
    }
}
