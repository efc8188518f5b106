using Microsoft.EntityFrameworkCore;
using Paddock.Core.Common;
using Paddock.Core.Identity;

namespace Paddock.Core.Approvals;

/// <summary>Who the current user is to the approval gates of a project.</summary>
internal static class Approvers
{
    public static async Task<ApproverFacts?> CurrentAsync(HandlerContext ctx, Guid projectId, CancellationToken ct)
    {
        if (ctx.User.UserId is not { } userId)
        {
            return null;
        }

        var isOwner = await ctx.Db.Users.AsNoTracking().AnyAsync(u => u.Id == userId && u.IsOwner && !u.IsDisabled, ct);
        var role = await ctx.Db.ProjectMembers.AsNoTracking().Where(m => m.ProjectId == projectId && m.UserId == userId)
            .Select(m => (ProjectRole?)m.Role).FirstOrDefaultAsync(ct);
        return new ApproverFacts(userId, role, isOwner, await ctx.Access.HasAsync(Permission.ApprovalsDecide, projectId, ct));
    }

    /// <summary>Why this person may not decide, or null when they may.</summary>
    public static string? CannotDecide(ApprovalRequest request, ApproverFacts approver, IEnumerable<ApprovalDecision> decisions)
    {
        if (!request.IsPending)
        {
            return $"This request is {request.Status.ToString().ToLowerInvariant()}.";
        }

        if (approver.UserId == request.RequestedBy && !request.Gates.Any(g => g.AllowSelfApproval))
        {
            return "You requested this operation: someone else must approve it.";
        }

        if (!PolicyEvaluator.IsEligible(request.Gates, approver, request.RequestedBy))
        {
            return $"You are not one of the approvers it needs ({string.Join("; ", request.Gates.Select(Describe))}).";
        }

        return decisions.Any(d => d.UserId == approver.UserId && d.PlanHash == request.PlanHash) ? "You already decided on this plan." : null;
    }

    public static string Describe(ApprovalGate gate)
    {
        var who = gate.Users.Count > 0 ? (gate.Role is { } r ? $"{r} or named users" : "named users")
            : gate.Role is { } role ? role.ToString() : "anyone who may decide approvals";
        return $"{gate.Required} from {who}{(gate.Escalated ? ", or a project admin (escalated)" : "")}";
    }

    public static int Given(ApprovalRequest request, IEnumerable<ApprovalDecision> decisions) =>
        decisions.Where(d => d.Approved && d.PlanHash == request.PlanHash).Select(d => d.UserId).Distinct().Count();
}

/// <summary>The inbox: requests in every project the user can read (or one project), pending first.</summary>
public static class ListApprovals
{
    public sealed record Query(Guid? ProjectId, bool PendingOnly = true);

    public sealed class Handler(HandlerContext ctx)
    {
        public async Task<Result<IReadOnlyList<ApprovalSummary>>> HandleAsync(Query query, CancellationToken ct)
        {
            if (query.ProjectId is { } pid && await ctx.Access.DemandAsync(Permission.StacksRead, pid, ct) is { } denied)
            {
                return denied;
            }

            var requests = ctx.Db.ApprovalRequests.AsNoTracking().AsQueryable();
            requests = query.ProjectId is { } projectId ? requests.Where(r => r.ProjectId == projectId) : requests;
            requests = query.PendingOnly ? requests.Where(r => r.Status == ApprovalStatus.Pending) : requests;
            var rows = await requests.OrderByDescending(r => r.Status == ApprovalStatus.Pending).ThenByDescending(r => r.CreatedAt).Take(200).ToListAsync(ct);
            var result = new List<ApprovalSummary>();
            foreach (var group in rows.GroupBy(r => r.ProjectId))
            {
                if (!await ctx.Access.HasAsync(Permission.StacksRead, group.Key, ct))
                {
                    continue;
                }

                var approver = await Approvers.CurrentAsync(ctx, group.Key, ct);
                var ids = group.Select(r => r.Id).ToList();
                var decisions = await ctx.Db.ApprovalDecisions.AsNoTracking().Where(d => ids.Contains(d.RequestId)).ToListAsync(ct);
                var stackIds = group.Select(r => r.StackId).ToList();
                var stacks = await ctx.Db.Stacks.AsNoTracking().Where(s => stackIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.Name, ct);
                var project = await ctx.Db.Projects.AsNoTracking().Where(p => p.Id == group.Key).Select(p => p.Name).FirstAsync(ct);
                var environments = await ctx.Db.Environments.AsNoTracking().Where(e => e.ProjectId == group.Key).ToDictionaryAsync(e => e.Id, e => e.Name, ct);
                var requesterIds = group.Select(r => r.RequestedBy).ToList();
                var users = await ctx.Db.Users.AsNoTracking().Where(u => requesterIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Email, ct);
                result.AddRange(group.Select(r =>
                {
                    var own = decisions.Where(d => d.RequestId == r.Id).ToList();
                    return new ApprovalSummary(r.Id, r.ProjectId, project, r.StackId, stacks.GetValueOrDefault(r.StackId, "?"),
                        environments.GetValueOrDefault(r.EnvironmentId, "?"), r.Kind, r.Status,
                        r.RequestedBy is { } by ? users.GetValueOrDefault(by) : null, r.Reason, r.MonthlyCost, r.Currency, Approvers.Given(r, own),
                        r.Gates.Sum(g => g.Required), r.CreatedAt, r.Deadline, approver is { } a && Approvers.CannotDecide(r, a, own) is null);
                }));
            }

            return Result<IReadOnlyList<ApprovalSummary>>.Success(
                [.. result.OrderByDescending(r => r.Status == ApprovalStatus.Pending).ThenByDescending(r => r.CreatedAt)]);
        }
    }
}

/// <summary>The navigation badge: pending requests the current user may decide now.</summary>
public static class CountPendingApprovals
{
    public sealed record Query;

    public sealed class Handler(ListApprovals.Handler list)
    {
        public async Task<Result<int>> HandleAsync(Query query, CancellationToken ct)
        {
            var result = await list.HandleAsync(new ListApprovals.Query(null), ct);
            return result.IsSuccess ? result.Value.Count(r => r.CanDecide) : 0;
        }
    }
}

/// <summary>One request as an approver sees it: the plan, its cost, the requester and their reason, the gates and every decision.</summary>
public static class GetApproval
{
    public sealed record Query(Guid ProjectId, Guid RequestId);

    public sealed class Handler(HandlerContext ctx)
    {
        public async Task<Result<ApprovalDetails>> HandleAsync(Query query, CancellationToken ct)
        {
            if (await ctx.Access.DemandAsync(Permission.StacksRead, query.ProjectId, ct) is { } denied)
            {
                return denied;
            }

            var request = await ctx.Db.ApprovalRequests.AsNoTracking().FirstOrDefaultAsync(r => r.Id == query.RequestId && r.ProjectId == query.ProjectId, ct);
            return request is null ? NotFoundError.For("Approval request", query.RequestId) : await DetailsAsync(ctx, request, ct);
        }
    }

    internal static async Task<ApprovalDetails> DetailsAsync(HandlerContext ctx, ApprovalRequest request, CancellationToken ct)
    {
        var operation = await ctx.Db.Operations.AsNoTracking().FirstAsync(o => o.Id == request.OperationId, ct);
        var stack = await ctx.Db.Stacks.AsNoTracking().FirstAsync(s => s.Id == request.StackId, ct);
        var environment = await ctx.Db.Environments.AsNoTracking().FirstAsync(e => e.Id == request.EnvironmentId, ct);
        var project = await ctx.Db.Projects.AsNoTracking().Where(p => p.Id == request.ProjectId).Select(p => p.Name).FirstAsync(ct);
        var decisions = await ctx.Db.ApprovalDecisions.AsNoTracking().Where(d => d.RequestId == request.Id).OrderBy(d => d.DecidedAt).ToListAsync(ct);
        var userIds = decisions.Select(d => (Guid?)d.UserId).Append(request.RequestedBy).ToList();
        var users = await ctx.Db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Email ?? u.Id.ToString(), ct);
        var approver = await Approvers.CurrentAsync(ctx, request.ProjectId, ct);
        var cannot = approver is { } a ? Approvers.CannotDecide(request, a, decisions) : "Sign in to decide.";
        var current = decisions.Where(d => d.Approved && d.PlanHash == request.PlanHash).Select(d => d.Facts).DistinctBy(f => f.UserId).ToList();
        return new ApprovalDetails(request.Id, request.ProjectId, project, request.OperationId, stack.Id, stack.Name, environment.Id, environment.Name,
            environment.IsProtected, request.Kind, operation.Status, request.Status, request.PlanHash, operation.Plan,
            request.RequestedBy is { } by ? users.GetValueOrDefault(by) : null, request.Reason, request.HourlyCost, request.MonthlyCost, request.CostOverTtl,
            request.Currency, request.BudgetNote,
            [.. request.Gates.Select(g => new GateDto(g.Name, g.Required, current.Count(f => g.Counts(f, request.RequestedBy)), Approvers.Describe(g), g.AllowSelfApproval))],
            [.. decisions.Select(d => new DecisionDto(users.GetValueOrDefault(d.UserId, "?"), d.Approved, d.Reason, d.DecidedAt, d.Via, d.PlanHash == request.PlanHash))],
            request.CreatedAt, request.Deadline, request.TimeoutOutcome, request.Outcome, cannot is null, cannot);
    }
}
