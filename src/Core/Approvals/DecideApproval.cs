using Microsoft.EntityFrameworkCore;
using Paddock.Core.Common;
using Paddock.Core.Events;
using Paddock.Core.Identity;
using Paddock.Core.Stacks;

namespace Paddock.Core.Approvals;

/// <summary>
/// Approve or reject, from the portal, the API or a signed link. A decision is for the plan the approver saw
/// (<see cref="Command.PlanHash"/>); when the approvals are complete, a day-2 operation is re-planned against what runs, and
/// if the plan changed the request is rebound to the new plan and earlier approvals stop counting.
/// </summary>
public static class DecideApproval
{
    public sealed record Command(Guid ProjectId, Guid RequestId, bool Approve, string? Reason, string? PlanHash, string Via = "api");

    public sealed class Handler(HandlerContext ctx, OperationAdmission admission, RequestOperation.Handler planner, IOperationQueue queue)
    {
        public async Task<Result<DecisionResult>> HandleAsync(Command command, CancellationToken ct)
        {
            // Members of the project only; whether this one may decide depends on the request (a policy may name them).
            if (await ctx.Access.DemandAsync(Permission.ProjectRead, command.ProjectId, ct) is { } notMember)
            {
                return notMember;
            }

            var invalid = new Validator()
                .When(string.IsNullOrWhiteSpace(command.PlanHash), "planHash", "Say which plan you decide on: the planHash of the request you reviewed.")
                .When(!command.Approve && string.IsNullOrWhiteSpace(command.Reason), "reason", "Say why you reject it.")
                .MaxLength("reason", command.Reason, 1000, "Reason")
                .ToError();
            if (invalid is not null)
            {
                return invalid;
            }

            var request = await ctx.Db.ApprovalRequests.FirstOrDefaultAsync(r => r.Id == command.RequestId && r.ProjectId == command.ProjectId, ct);
            if (request is null)
            {
                return NotFoundError.For("Approval request", command.RequestId);
            }

            var named = ctx.User.UserId is { } userId && request.Gates.Any(g => g.Users.Contains(userId));
            if (await ctx.Access.DemandAsync(Permission.ApprovalsDecide, command.ProjectId, named, ct) is { } denied)
            {
                return denied;
            }

            var approver = (await Approvers.CurrentAsync(ctx, command.ProjectId, ct))!.Value;
            var decisions = await ctx.Db.ApprovalDecisions.Where(d => d.RequestId == request.Id).ToListAsync(ct);
            if (Approvers.CannotDecide(request, approver, decisions) is { } reason)
            {
                return request.IsPending ? new ForbiddenError(reason) : new ConflictError(reason);
            }

            if (command.PlanHash != request.PlanHash)
            {
                return new ConflictError("The plan changed since you reviewed it; review the new plan and decide again.");
            }

            var decision = ApprovalDecision.Create(request, approver, command.Approve, command.Reason, request.PlanHash, command.Via, ctx.Now);
            ctx.Db.ApprovalDecisions.Add(decision);
            request.CountDecision();
            decisions.Add(decision);
            var operation = await ctx.Db.Operations.FirstAsync(o => o.Id == request.OperationId, ct);
            var stack = await ctx.Db.Stacks.FirstAsync(s => s.Id == request.StackId, ct);
            var actor = ctx.User.Email;
            string message;
            var queued = false;
            if (!command.Approve)
            {
                request.Reject(command.Reason!.Trim(), ctx.Now);
                await Outcomes.RejectAsync(ctx.Db, operation, stack, $"Rejected by {actor}: {command.Reason!.Trim()}", ctx.Now, ct);
                message = "Rejected: the operation will not run.";
            }
            else if (!PolicyEvaluator.IsSatisfied(request.Gates, Current(request, decisions), request.RequestedBy))
            {
                message = $"Approved: {Approvers.Given(request, decisions)} of {request.Gates.Sum(g => g.Required)} approvals so far.";
            }
            else if (await ChangedPlanAsync(request, operation, stack, ct) is { } changed)
            {
                request.Rebind(changed.Hash);
                operation.Replan(PlannedChange.From(changed), changed.Hash);
                message = "The plan changed since it was requested (what runs is different now): earlier approvals no longer count; review the new plan.";
            }
            else
            {
                request.Approve(ctx.Now);
                await Outcomes.StartAsync(ctx.Db, operation, stack, ctx.Now, ct);
                queued = true;
                message = "Approved: the operation is queued.";
            }

            ctx.Db.OutboxMessages.Add(admission.Event(EventTypes.ApprovalDecided, request, stack, Approvers.Given(request, decisions), withLinks: true, actor,
                command.Approve ? "approved" : "rejected"));
            try
            {
                await ctx.Db.SaveChangesAsync(ct);
            }
            catch (DbUpdateConcurrencyException)
            {
                return new ConflictError("Someone else decided on this request at the same moment; reload it and decide again.");
            }

            if (queued)
            {
                await queue.EnqueueAsync(operation.Id, ct);
            }

            return new DecisionResult(request.Id, request.Status, operation.Status, Approvers.Given(request, decisions), request.Gates.Sum(g => g.Required), message,
                request.PlanHash);
        }

        private static IEnumerable<ApproverFacts> Current(ApprovalRequest request, IEnumerable<ApprovalDecision> decisions) =>
            decisions.Where(d => d.Approved && d.PlanHash == request.PlanHash).Select(d => d.Facts);

        /// <summary>The new plan when a day-2 operation would now do something else; a launch's plan depends only on its immutable version.</summary>
        private async Task<Plan?> ChangedPlanAsync(ApprovalRequest request, Operation operation, Stack stack, CancellationToken ct)
        {
            if (operation.Kind == OperationKind.Launch)
            {
                return null;
            }

            var plan = await planner.PlanForAsync(stack, operation.Kind, operation.Parameters, ct);
            return plan.IsSuccess && plan.Value.Hash != request.PlanHash ? plan.Value : null;
        }
    }
}

/// <summary>What approval outcomes do to the operation, its stack and its reservations.</summary>
internal static class Outcomes
{
    public static async Task StartAsync(IPaddockDbContext db, Operation operation, Stack stack, DateTimeOffset now, CancellationToken ct)
    {
        StackOperations.Begin(stack, operation);
        // An ephemeral stack's time to live counts from when it goes live, not from when its launch began to wait for approval.
        if (operation.Kind == OperationKind.Launch && stack.ExpiresAt is { } expiresAt && now > operation.CreatedAt)
        {
            stack.Extend(expiresAt + (now - operation.CreatedAt));
        }

        await OperationAdmission.ReleaseOthersAsync(db, stack.Id, operation.Id, now, ct);
    }

    public static async Task RejectAsync(IPaddockDbContext db, Operation operation, Stack stack, string reason, DateTimeOffset now, CancellationToken ct)
    {
        operation.Reject(reason, now);
        // A launch that never ran leaves nothing behind: the stack is over before it began.
        if (operation.Kind == OperationKind.Launch)
        {
            stack.MarkStatus(StackStatus.Destroyed);
        }

        var held = await db.BudgetReservations.Where(r => r.OperationId == operation.Id && r.ReleasedAt == null).ToListAsync(ct);
        held.ForEach(r => r.Release(now));
    }
}
