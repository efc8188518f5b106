using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Paddock.Core.Blueprints.Catalog;
using Paddock.Core.Budgets;
using Paddock.Core.Common;
using Paddock.Core.Costs;
using Paddock.Core.Environments;
using Paddock.Core.Events;
using Paddock.Core.Stacks;

namespace Paddock.Core.Approvals;

/// <summary>The operation being admitted: what it is, where, and the plan it was shown with.</summary>
public sealed record AdmissionSubject(Guid ProjectId, ProjectEnvironment Environment, OperationKind Kind, Plan Plan, TimeSpan? Ttl, DateTimeOffset? ExpiresAt,
    Guid BlueprintId, int BlueprintVersion, Guid? StackId = null, string? Reason = null);

/// <summary>What governance says about an operation before it is created: its cost, each budget's numbers, and the approvals it needs.</summary>
public sealed record Assessment(CostEstimate Cost, decimal ThisOperation, IReadOnlyList<BudgetUsage> Budgets, BudgetVerdict Verdict,
    ApprovalRequirement? Requirement)
{
    public GovernancePreview ToPreview() => new(Cost, Budgets, Requirement is not null, Requirement?.Gates.Select(g => g.Name).ToList() ?? [],
        Verdict == BudgetVerdict.Refuse ? BudgetCheck.Refusal(Budgets).Message : null);
}

/// <summary>What the launch dialog and plan views show next to the plan.</summary>
public sealed record GovernancePreview(CostEstimate Cost, IReadOnlyList<BudgetUsage> Budgets, bool NeedsApproval, IReadOnlyList<string> ApprovalGates,
    string? Refusal);

/// <summary>
/// Gates every operation: prices its plan, checks the budgets under a row lock, evaluates the approval policies, and then
/// either queues it or leaves it waiting for approval, reserving its cost either way. Launch and day-2 requests use it alike.
/// </summary>
public sealed class OperationAdmission(HandlerContext ctx, IBudgetLock locks, IApprovalLinkProtector links, IOptions<GovernanceOptions> options)
{
    /// <summary>For previews: no lock, nothing written.</summary>
    public async Task<Assessment> AssessAsync(AdmissionSubject subject, CancellationToken ct)
    {
        var budgets = await BudgetLedger.BudgetsForAsync(ctx.Db, subject.ProjectId, subject.Environment.Id, ct);
        return await AssessAsync(subject, budgets, ct);
    }

    /// <summary>
    /// Opens the transaction that locks the budgets covering the operation and assesses it under that lock. The caller
    /// creates the operation, calls <see cref="Admit"/>, saves, and commits; a competing admission waits for the commit.
    /// </summary>
    public async Task<(Assessment Assessment, IBudgetTransaction Transaction)> BeginAsync(AdmissionSubject subject, CancellationToken ct)
    {
        var ids = await ctx.Db.Budgets.AsNoTracking().Where(b => b.ProjectId == subject.ProjectId && (b.EnvironmentId == null || b.EnvironmentId == subject.Environment.Id))
            .Select(b => b.Id).ToListAsync(ct);
        var transaction = await locks.LockAsync(ids, ct);
        try
        {
            var budgets = await BudgetLedger.BudgetsForAsync(ctx.Db, subject.ProjectId, subject.Environment.Id, ct);
            return (await AssessAsync(subject, budgets, ct), transaction);
        }
        catch
        {
            await transaction.DisposeAsync();
            throw;
        }
    }

    /// <summary>Queues the operation or makes it wait for approval; reserves its cost; writes the events. Returns whether it was queued.</summary>
    public async Task<bool> AdmitAsync(AdmissionSubject subject, Assessment assessment, Operation operation, Stack stack, CancellationToken ct)
    {
        var now = ctx.Now;
        if (assessment.ThisOperation > 0 || (assessment.Cost.Hourly > 0 && subject.Kind is not (OperationKind.Destroy or OperationKind.Stop or OperationKind.Rollback)))
        {
            ctx.Db.BudgetReservations.Add(BudgetReservation.Create(stack.ProjectId, stack.EnvironmentId, stack.Id, operation.Id, stack.OwnerId,
                assessment.Cost.Hourly, now, stack.ExpiresAt));
            await AnnounceThresholdsAsync(assessment, ct);
        }

        if (assessment.Requirement is null)
        {
            StackOperations.Begin(stack, operation);
            await ReleaseOthersAsync(ctx.Db, stack.Id, operation.Id, now, ct);
            return true;
        }

        operation.AwaitApproval();
        var request = ApprovalRequest.Create(operation, stack, InputsHash(stack.Inputs), assessment.Requirement, assessment.Cost,
            assessment.Verdict == BudgetVerdict.NeedsApproval ? string.Join(" ", assessment.Budgets.Where(b => b.OverSoftThreshold).Select(b => $"Over the soft threshold of the {b.Scope} budget: {b.Numbers}.")) : null,
            subject.Reason, now);
        ctx.Db.ApprovalRequests.Add(request);
        ctx.Db.OutboxMessages.Add(Event(EventTypes.ApprovalRequested, request, stack, 0, withLinks: true));
        return false;
    }

    /// <summary>The <c>approval.*</c> event for a request; with fresh signed links while it still waits.</summary>
    public OutboxMessage Event(string type, ApprovalRequest request, Stack stack, int approvalsGiven, bool withLinks, string? decidedBy = null,
        string? decision = null)
    {
        string? approveUrl = null, rejectUrl = null;
        if (withLinks && request.IsPending)
        {
            (approveUrl, rejectUrl) = NewLinks(request);
        }

        var requester = request.RequestedBy is { } by ? ctx.Db.Users.Local.FirstOrDefault(u => u.Id == by)?.Email : null;
        return OutboxMessage.Create(request.ProjectId, type, new ApprovalEventData(request.ProjectId, request.Id, request.OperationId, stack.Id, stack.Name,
            stack.EnvironmentId, request.Kind.ToString(), request.Status.ToString(), requester ?? request.RequestedBy?.ToString(), request.Reason,
            request.MonthlyCost, request.Currency, approvalsGiven, request.Gates.Sum(g => g.Required), $"{Base}/approvals?request={request.Id}",
            approveUrl, rejectUrl, decidedBy, decision, request.Outcome, request.Deadline), ctx.Now);
    }

    /// <summary>A signed link pair; each link works once, until the request's deadline or the link lifetime, whichever is sooner.</summary>
    public (string Approve, string Reject) NewLinks(ApprovalRequest request)
    {
        var expires = ctx.Now + options.Value.LinkLifetime;
        if (request.Deadline is { } deadline && deadline < expires)
        {
            expires = deadline;
        }

        var approve = ApprovalLink.Create(request, approve: true, expires);
        var reject = ApprovalLink.Create(request, approve: false, expires);
        ctx.Db.ApprovalLinks.Add(approve);
        ctx.Db.ApprovalLinks.Add(reject);
        return ($"{Base}/approvals/link/{links.Protect(approve.Id)}", $"{Base}/approvals/link/{links.Protect(reject.Id)}");
    }

    /// <summary>Once an operation runs, earlier reservations of its stack are replaced by its own.</summary>
    internal static async Task ReleaseOthersAsync(IPaddockDbContext db, Guid stackId, Guid operationId, DateTimeOffset now, CancellationToken ct)
    {
        var others = await db.BudgetReservations.Where(r => r.StackId == stackId && r.OperationId != operationId && r.ReleasedAt == null).ToListAsync(ct);
        others.ForEach(r => r.Release(now));
    }

    internal static string InputsHash(IReadOnlyDictionary<string, string> inputs) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(inputs.OrderBy(i => i.Key, StringComparer.Ordinal).ToList()))));

    private string Base => options.Value.PublicUrl.TrimEnd('/');

    private async Task<Assessment> AssessAsync(AdmissionSubject subject, IReadOnlyList<Budget> budgets, CancellationToken ct)
    {
        var card = await RateCardLookup.ForAsync(ctx.Db, subject.Environment.ProviderAccountId, ctx.Now, ct);
        var cost = CostEstimator.Estimate(CostEstimator.ItemsOf(subject.Plan), card, subject.Ttl);
        var now = ctx.Now;
        var until = subject.ExpiresAt is { } e && e < BudgetReservation.MonthEnd(now) ? e : BudgetReservation.MonthEnd(now);
        var thisOperation = subject.Kind is OperationKind.Destroy or OperationKind.Stop or OperationKind.Rollback ? 0 : CostEstimator.Over(cost.Hourly, now, until);
        var names = await ctx.Db.Environments.AsNoTracking().Where(x => x.ProjectId == subject.ProjectId).ToDictionaryAsync(x => x.Id, x => x.Name, ct);
        var usages = await BudgetLedger.UsageAsync(ctx.Db, budgets, names, now, thisOperation, subject.StackId, ct);
        var verdict = BudgetCheck.Verdict(usages);
        var published = await ctx.Db.BlueprintVersions.AsNoTracking()
            .AnyAsync(v => v.BlueprintId == subject.BlueprintId && v.Number == subject.BlueprintVersion && v.Status == VersionStatus.Published, ct);
        var policies = await ctx.Db.ApprovalPolicies.AsNoTracking().Where(p => p.ProjectId == subject.ProjectId).ToListAsync(ct);
        var facts = new OperationFacts(subject.Kind, subject.Environment.Id, subject.Environment.IsProtected, cost.Monthly, BudgetCheck.LeftAfterPercent(usages),
            published, verdict);
        return new Assessment(cost, thisOperation, usages, verdict, PolicyEvaluator.Evaluate(policies, facts));
    }

    private async Task AnnounceThresholdsAsync(Assessment assessment, CancellationToken ct)
    {
        var month = BudgetReservation.MonthOf(ctx.Now);
        foreach (var usage in assessment.Budgets)
        {
            var budget = await ctx.Db.Budgets.FirstAsync(b => b.Id == usage.BudgetId, ct);
            foreach (var percent in budget.Cross(usage.Committed, month))
            {
                ctx.Db.OutboxMessages.Add(BudgetEventData.Message(budget, usage, percent, ctx.Now));
            }
        }
    }
}
