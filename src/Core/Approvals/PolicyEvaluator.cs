using Paddock.Core.Budgets;
using Paddock.Core.Identity;
using Paddock.Core.Stacks;

namespace Paddock.Core.Approvals;

/// <summary>What policies look at: the operation and what it would do to money and to the environment.</summary>
public sealed record OperationFacts(OperationKind Kind, Guid EnvironmentId, bool EnvironmentProtected, decimal MonthlyCost, decimal? BudgetLeftAfterPercent,
    bool VersionPublished, BudgetVerdict Budget = BudgetVerdict.Allow);

/// <summary>One set of approvals an operation needs: how many, from whom. A request is approved when every gate is satisfied.</summary>
public sealed record ApprovalGate(Guid? PolicyId, string Name, int Required, ProjectRole? Role, IReadOnlyList<Guid> Users, bool AllowSelfApproval,
    bool Escalated = false)
{
    /// <summary>Whether a decider (their role in the project at decision time) counts towards this gate.</summary>
    public bool Counts(ApproverFacts approver, Guid? requestedBy)
    {
        if (approver.UserId == requestedBy && !AllowSelfApproval)
        {
            return false;
        }

        if (Users.Contains(approver.UserId))
        {
            return true;
        }

        // Escalated requests go to the project's admins (and the installation owner) whoever the gate named first.
        if (Escalated && (approver.Role == ProjectRole.ProjectAdmin || approver.IsOwner))
        {
            return true;
        }

        if (Role is { } role)
        {
            return approver.Role == role;
        }

        return Users.Count == 0 && approver.MayDecide;
    }
}

/// <summary>Who decided, as the policy sees them: their project role (if any), whether they are the owner, whether they hold approvals.decide.</summary>
public readonly record struct ApproverFacts(Guid UserId, ProjectRole? Role, bool IsOwner, bool MayDecide);

/// <summary>The approvals an operation needs: every gate, and when and how waiting ends.</summary>
public sealed record ApprovalRequirement(IReadOnlyList<ApprovalGate> Gates, TimeSpan? Timeout, TimeoutOutcome TimeoutOutcome);

/// <summary>Pure policy evaluation: which policies catch an operation, and what approvals it then needs.</summary>
public static class PolicyEvaluator
{
    public const string BudgetGateName = "Over the budget's soft threshold";

    public static bool Catches(ApprovalPolicy policy, OperationFacts facts)
    {
        if (!policy.Operations.Contains(facts.Kind) || (policy.EnvironmentId is { } env && env != facts.EnvironmentId))
        {
            return false;
        }

        var c = policy.Conditions;
        return (!c.EnvironmentProtected || facts.EnvironmentProtected)
            && (c.MonthlyCostAbove is not { } cost || facts.MonthlyCost > cost)
            && (c.BudgetLeftBelowPercent is not { } left || (facts.BudgetLeftAfterPercent is { } after && after < left))
            && (!c.VersionNotPublished || !facts.VersionPublished);
    }

    /// <summary>Null when nothing catches the operation: it is queued at once.</summary>
    public static ApprovalRequirement? Evaluate(IEnumerable<ApprovalPolicy> policies, OperationFacts facts)
    {
        var gates = policies.Where(p => Catches(p, facts)).OrderBy(p => p.Name, StringComparer.Ordinal)
            .Select(p => (Gate: new ApprovalGate(p.Id, p.Name, p.RequiredApprovals, p.ApproverRole, p.ApproverUserIds, p.AllowSelfApproval), p.Timeout, p.TimeoutOutcome))
            .ToList();
        if (facts.Budget == BudgetVerdict.NeedsApproval)
        {
            gates.Add((new ApprovalGate(null, BudgetGateName, 1, null, [], false), null, TimeoutOutcome.Reject));
        }

        if (gates.Count == 0)
        {
            return null;
        }

        // The soonest timeout decides when waiting ends, with that policy's outcome.
        var first = gates.Where(g => g.Timeout is not null).OrderBy(g => g.Timeout).FirstOrDefault();
        return new ApprovalRequirement([.. gates.Select(g => g.Gate)], first.Timeout, first.Timeout is null ? TimeoutOutcome.Reject : first.TimeoutOutcome);
    }

    /// <summary>Every gate has enough approvals (bound to the current plan) from people who count towards it.</summary>
    public static bool IsSatisfied(IReadOnlyList<ApprovalGate> gates, IEnumerable<ApproverFacts> approvals, Guid? requestedBy)
    {
        var list = approvals.DistinctBy(a => a.UserId).ToList();
        return gates.All(g => list.Count(a => g.Counts(a, requestedBy)) >= g.Required);
    }

    /// <summary>Whether this person may decide at all: they count towards at least one gate.</summary>
    public static bool IsEligible(IReadOnlyList<ApprovalGate> gates, ApproverFacts approver, Guid? requestedBy) =>
        gates.Any(g => g.Counts(approver, requestedBy));
}
