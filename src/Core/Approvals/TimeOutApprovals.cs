using Microsoft.EntityFrameworkCore;
using Paddock.Core.Common;
using Paddock.Core.Events;
using Paddock.Core.Stacks;

namespace Paddock.Core.Approvals;

/// <summary>
/// Ends the wait of requests past their deadline with the policy's outcome: reject, approve (the operation is queued), or
/// escalate to the project admins (who get as long again before it is rejected). Run by a recurring job as the system.
/// </summary>
public static class TimeOutApprovals
{
    public sealed record Command;

    public sealed class Handler(HandlerContext ctx, OperationAdmission admission, IOperationQueue queue)
    {
        public async Task<int> HandleAsync(Command command, CancellationToken ct)
        {
            var now = ctx.Now;
            var due = await ctx.Db.ApprovalRequests.Where(r => r.Status == ApprovalStatus.Pending && r.Deadline != null && r.Deadline <= now)
                .OrderBy(r => r.Deadline).Take(100).ToListAsync(ct);
            foreach (var request in due)
            {
                var operation = await ctx.Db.Operations.FirstAsync(o => o.Id == request.OperationId, ct);
                var stack = await ctx.Db.Stacks.FirstAsync(s => s.Id == request.StackId, ct);
                var queued = false;
                string outcome;
                switch (request.TimeoutOutcome)
                {
                    case TimeoutOutcome.Escalate:
                        request.Escalate(now);
                        outcome = "escalated";
                        break;
                    case TimeoutOutcome.Approve:
                        request.TimeOut(now);
                        await Outcomes.StartAsync(ctx.Db, operation, stack, now, ct);
                        queued = true;
                        outcome = "approved";
                        break;
                    default:
                        request.TimeOut(now);
                        await Outcomes.RejectAsync(ctx.Db, operation, stack, request.Outcome!, now, ct);
                        outcome = "rejected";
                        break;
                }

                ctx.Db.OutboxMessages.Add(admission.Event(EventTypes.ApprovalTimedOut, request, stack, 0, withLinks: request.IsPending, decision: outcome));
                await ctx.Db.SaveChangesAsync(ct);
                if (queued)
                {
                    await queue.EnqueueAsync(operation.Id, ct);
                }
            }

            return due.Count;
        }
    }
}
