using Microsoft.EntityFrameworkCore;
using Paddock.Core.Stacks;
using Paddock.Data;

namespace Paddock.Workers.Stacks;

/// <summary>Destroys stacks whose time to live has ended (recurring, every minute). The destroy operation is audited as the system's.</summary>
internal sealed class TtlReaperJob(PaddockDbContext db, IOperationQueue queue, TimeProvider time)
{
    public async Task RunAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var expired = await db.Stacks
            .Where(s => s.ExpiresAt != null && s.ExpiresAt < now
                && s.Status != StackStatus.Destroyed && s.Status != StackStatus.Destroying
                && !db.Operations.Any(o => o.StackId == s.Id && (o.Status == OperationStatus.Queued || o.Status == OperationStatus.Running)))
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
}
