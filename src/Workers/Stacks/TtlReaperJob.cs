using Microsoft.EntityFrameworkCore;
using Paddock.Core.Audit;
using Paddock.Core.Common;
using Paddock.Core.Events;
using Paddock.Core.Stacks;
using Paddock.Data;

namespace Paddock.Workers.Stacks;

/// <summary>
/// Warns before stacks expire (1 h and 15 min before, as audited <c>stack.expiring</c> events and live events) and
/// destroys stacks whose time to live has ended (recurring, every minute). Its actions are audited as the system's.
/// A stack whose operation awaits approval is left alone: its time to live starts again from the approval, and a
/// rejection or a timeout ends it.
/// </summary>
internal sealed class TtlReaperJob(PaddockDbContext db, IOperationQueue queue, IStackEvents events, TimeProvider time)
{
    private static readonly TimeSpan[] WarnBefore = [TimeSpan.FromHours(1), TimeSpan.FromMinutes(15)];

    public async Task RunAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        await WarnAsync(now, ct);
        var expired = await db.Stacks
            .Where(s => s.ExpiresAt != null && s.ExpiresAt < now
                && s.Status != StackStatus.Destroyed && s.Status != StackStatus.Destroying
                && !db.Operations.Any(o => o.StackId == s.Id && (o.Status == OperationStatus.Queued || o.Status == OperationStatus.Running
                    || o.Status == OperationStatus.AwaitingApproval)))
            .ToListAsync(ct);
        foreach (var stack in expired)
        {
            var operation = Operation.Create(stack.Id, stack.ProjectId, OperationKind.Destroy, new OperationParameters(), [], "", null, now);
            operation.Queue();
            stack.MarkStatus(StackStatus.Destroying);
            db.Operations.Add(operation);
            await db.SaveChangesAsync(ct);
            await queue.EnqueueAsync(operation.Id, ct);
        }
    }

    private async Task WarnAsync(DateTimeOffset now, CancellationToken ct)
    {
        var horizon = now + WarnBefore[0];
        var expiring = await db.Stacks
            .Where(s => s.ExpiresAt != null && s.ExpiresAt > now && s.ExpiresAt <= horizon
                && s.Status != StackStatus.Destroyed && s.Status != StackStatus.Destroying)
            .ToListAsync(ct);
        foreach (var stack in expiring)
        {
            // The latest threshold passed; warn once per threshold (an extension resets WarnedAt).
            var threshold = WarnBefore.Where(t => now >= stack.ExpiresAt!.Value - t).Min();
            if (stack.WarnedAt is { } warned && warned >= stack.ExpiresAt!.Value - threshold)
            {
                continue;
            }

            stack.MarkWarned(now);
            var left = stack.ExpiresAt!.Value - now;
            var message = $"Stack '{stack.Name}' expires in {(int)Math.Ceiling(left.TotalMinutes)} min; extend it to keep it.";
            db.AuditEvents.Add(AuditEntry.For(SystemUser.Instance, now, "stack.expiring", "stack", stack.Id, stack.Name, stack.ProjectId));
            db.OutboxMessages.Add(StackEventData.Message(EventTypes.StackExpiring, stack, now, detail: message));
            await db.SaveChangesAsync(ct);
            events.Publish(new StackEvent(stack.ProjectId, stack.Id, null, "stack.expiring", message));
        }
    }
}
