using Paddock.Core.Audit;
using Paddock.Core.Identity;
using Paddock.Core.Stacks;

namespace Paddock.Core.Approvals;

/// <summary>
/// An operation waiting for approval, bound to the plan (by hash) and inputs it was requested with: approvals given for
/// another plan never count, and when the plan changes (<see cref="Rebind"/>) earlier approvals stop counting.
/// </summary>
public sealed class ApprovalRequest : IAudited
{
    private ApprovalRequest()
    {
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();

    public Guid ProjectId { get; private set; }

    public Guid OperationId { get; private set; }

    public Guid StackId { get; private set; }

    public Guid EnvironmentId { get; private set; }

    public OperationKind Kind { get; private set; }

    public string PlanHash { get; private set; } = "";

    /// <summary>SHA-256 of the stack's inputs as stored (secrets encrypted), so changed inputs also mean a changed request.</summary>
    public string InputsHash { get; private set; } = "";

    public Guid? RequestedBy { get; private set; }

    public string? Reason { get; private set; }

    public List<ApprovalGate> Gates { get; private set; } = [];

    public ApprovalStatus Status { get; private set; }

    public decimal HourlyCost { get; private set; }

    public decimal MonthlyCost { get; private set; }

    public decimal? CostOverTtl { get; private set; }

    public string Currency { get; private set; } = "USD";

    /// <summary>Why the budget asked for approval, with its numbers; null when it did not.</summary>
    public string? BudgetNote { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? Deadline { get; private set; }

    public TimeoutOutcome TimeoutOutcome { get; private set; }

    public DateTimeOffset? DecidedAt { get; private set; }

    /// <summary>The rejecting reason, or what ended the wait (timed out).</summary>
    public string? Outcome { get; private set; }

    /// <summary>Every decision bumps it, so two deciding at once conflict (optimistic concurrency) instead of both missing the other.</summary>
    [AuditIgnored]
    public int DecisionCount { get; private set; }

    [AuditIgnored]
    public uint Version { get; private set; }

    Guid? IAudited.AuditProjectId => ProjectId;

    public void CountDecision() => DecisionCount++;

    public static ApprovalRequest Create(Operation operation, Stack stack, string inputsHash, ApprovalRequirement requirement, Costs.CostEstimate cost,
        string? budgetNote, string? reason, DateTimeOffset now) => new()
        {
            ProjectId = operation.ProjectId,
            OperationId = operation.Id,
            StackId = stack.Id,
            EnvironmentId = stack.EnvironmentId,
            Kind = operation.Kind,
            PlanHash = operation.PlanHash,
            InputsHash = inputsHash,
            RequestedBy = operation.RequestedBy,
            Reason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim(),
            Gates = [.. requirement.Gates],
            Status = ApprovalStatus.Pending,
            HourlyCost = cost.Hourly,
            MonthlyCost = cost.Monthly,
            CostOverTtl = cost.OverTtl,
            Currency = cost.Currency,
            BudgetNote = budgetNote,
            CreatedAt = now,
            Deadline = requirement.Timeout is { } t ? now + t : null,
            TimeoutOutcome = requirement.TimeoutOutcome,
        };

    public void Approve(DateTimeOffset now) => Finish(ApprovalStatus.Approved, null, now);

    public void Reject(string reason, DateTimeOffset now) => Finish(ApprovalStatus.Rejected, reason, now);

    public void TimeOut(DateTimeOffset now) => Finish(TimeoutOutcome == TimeoutOutcome.Approve ? ApprovalStatus.Approved : ApprovalStatus.TimedOut,
        $"No decision before {Deadline:yyyy-MM-dd HH:mm} UTC: {(TimeoutOutcome == TimeoutOutcome.Approve ? "approved" : "rejected")} by the policy.", now);

    /// <summary>Nobody decided in time: the project admins may now approve, and they get as long again before it is rejected.</summary>
    public void Escalate(DateTimeOffset now)
    {
        EnsurePending();
        var waited = Deadline is { } d ? d - CreatedAt : TimeSpan.FromHours(24);
        Gates = [.. Gates.Select(g => g with { Escalated = true })];
        Deadline = now + waited;
        TimeoutOutcome = TimeoutOutcome.Reject;
        Outcome = "Escalated to the project admins.";
    }

    /// <summary>The plan changed before the operation ran: approvals given for the old one no longer count.</summary>
    public void Rebind(string planHash)
    {
        EnsurePending();
        PlanHash = planHash;
    }

    public bool IsPending => Status == ApprovalStatus.Pending;

    private void Finish(ApprovalStatus status, string? outcome, DateTimeOffset now)
    {
        EnsurePending();
        Status = status;
        Outcome = outcome;
        DecidedAt = now;
    }

    private void EnsurePending()
    {
        if (Status != ApprovalStatus.Pending)
        {
            throw new InvalidOperationException($"Approval request {Id} is {Status}, not pending.");
        }
    }
}

public enum ApprovalStatus
{
    Pending,
    Approved,
    Rejected,
    TimedOut,
    Cancelled,
}

/// <summary>One person's decision on one request, for the plan they saw (<see cref="PlanHash"/>).</summary>
public sealed class ApprovalDecision : IAudited
{
    private ApprovalDecision()
    {
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();

    public Guid RequestId { get; private set; }

    public Guid ProjectId { get; private set; }

    public Guid UserId { get; private set; }

    public bool Approved { get; private set; }

    public string? Reason { get; private set; }

    public string PlanHash { get; private set; } = "";

    /// <summary>The decider's role when they decided: what the gates count.</summary>
    public ProjectRole? Role { get; private set; }

    public bool IsOwner { get; private set; }

    public bool MayDecide { get; private set; }

    /// <summary>portal, api or link.</summary>
    public string Via { get; private set; } = "portal";

    public DateTimeOffset DecidedAt { get; private set; }

    Guid? IAudited.AuditProjectId => ProjectId;

    public ApproverFacts Facts => new(UserId, Role, IsOwner, MayDecide);

    public static ApprovalDecision Create(ApprovalRequest request, ApproverFacts approver, bool approved, string? reason, string planHash, string via,
        DateTimeOffset now) => new()
        {
            RequestId = request.Id,
            ProjectId = request.ProjectId,
            UserId = approver.UserId,
            Approved = approved,
            Reason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim(),
            PlanHash = planHash,
            Role = approver.Role,
            IsOwner = approver.IsOwner,
            MayDecide = approver.MayDecide,
            Via = via,
            DecidedAt = now,
        };
}

/// <summary>
/// A signed, single-use, expiring link to approve or reject one request (for Slack and e-mail messages). The URL carries
/// a Data Protection token naming this row; the row says whether it was used.
/// </summary>
public sealed class ApprovalLink
{
    private ApprovalLink()
    {
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();

    public Guid RequestId { get; private set; }

    public bool Approve { get; private set; }

    public string PlanHash { get; private set; } = "";

    public DateTimeOffset ExpiresAt { get; private set; }

    public DateTimeOffset? UsedAt { get; private set; }

    public Guid? UsedBy { get; private set; }

    public uint Version { get; private set; }

    public static ApprovalLink Create(ApprovalRequest request, bool approve, DateTimeOffset expiresAt) => new()
    {
        RequestId = request.Id,
        Approve = approve,
        PlanHash = request.PlanHash,
        ExpiresAt = expiresAt,
    };

    public void Use(Guid userId, DateTimeOffset now)
    {
        UsedAt = now;
        UsedBy = userId;
    }
}
