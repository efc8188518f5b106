using Paddock.Core.Audit;

namespace Paddock.Core.Stacks;

/// <summary>
/// One change to a stack with its plan and state machine:
/// Planned -> (AwaitingApproval) -> Queued -> Running -> Succeeded | Failed -> (RolledBack), or Cancelled / Rejected.
/// </summary>
public sealed class Operation : IAudited
{
    private Operation()
    {
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();

    public Guid StackId { get; private set; }

    public Guid ProjectId { get; private set; }

    public OperationKind Kind { get; private set; }

    public OperationStatus Status { get; private set; }

    /// <summary>What the operation asks beyond its kind: the service to scale and to how many, the version to update to.</summary>
    public OperationParameters Parameters { get; private set; } = new();

    /// <summary>The plan shown before it ran (no secret values), and its hash.</summary>
    [AuditIgnored]
    public List<PlannedChange> Plan { get; private set; } = [];

    public string PlanHash { get; private set; } = "";

    public Guid? RequestedBy { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? StartedAt { get; private set; }

    public DateTimeOffset? FinishedAt { get; private set; }

    public string? Error { get; private set; }

    [AuditIgnored]
    public uint Version { get; private set; }

    Guid? IAudited.AuditProjectId => ProjectId;

    public bool IsActive => IsActiveStatus(Status);

    /// <summary>Still to end: waiting for approval, queued or running.</summary>
    public static bool IsActiveStatus(OperationStatus status) =>
        status is OperationStatus.Queued or OperationStatus.Running or OperationStatus.AwaitingApproval;

    public int StepsTotal => Plan.Count(c => c.Action != ChangeAction.NoOp);

    public static Operation Create(Guid stackId, Guid projectId, OperationKind kind, OperationParameters parameters, IReadOnlyList<PlannedChange> plan,
        string planHash, Guid? requestedBy, DateTimeOffset now) => new()
        {
            StackId = stackId,
            ProjectId = projectId,
            Kind = kind,
            Parameters = parameters,
            Plan = [.. plan],
            PlanHash = planHash,
            Status = OperationStatus.Planned,
            RequestedBy = requestedBy,
            CreatedAt = now,
        };

    public void Queue() => Move(OperationStatus.Queued, OperationStatus.Planned, OperationStatus.AwaitingApproval, OperationStatus.Failed);

    /// <summary>A policy or the budget caught it: it waits for approvals (see Approvals/ApprovalRequest) before it is queued.</summary>
    public void AwaitApproval() => Move(OperationStatus.AwaitingApproval, OperationStatus.Planned);

    /// <summary>An approver rejected it, or its approval timed out with a reject outcome.</summary>
    public void Reject(string reason, DateTimeOffset now)
    {
        Move(OperationStatus.Rejected, OperationStatus.AwaitingApproval);
        Error = reason;
        FinishedAt = now;
    }

    /// <summary>A retried job finds the operation Running already: it continues, it does not start over.</summary>
    public void Start(DateTimeOffset now)
    {
        if (Status == OperationStatus.Running)
        {
            return;
        }

        Move(OperationStatus.Running, OperationStatus.Queued);
        StartedAt = now;
        Error = null;
    }

    public void Replan(IReadOnlyList<PlannedChange> plan, string planHash)
    {
        Plan = [.. plan];
        PlanHash = planHash;
    }

    public void Succeed(DateTimeOffset now)
    {
        Move(OperationStatus.Succeeded, OperationStatus.Running);
        FinishedAt = now;
    }

    public void Fail(string error, DateTimeOffset now)
    {
        Move(OperationStatus.Failed, OperationStatus.Running, OperationStatus.Queued);
        Error = error;
        FinishedAt = now;
    }

    public void MarkRolledBack(DateTimeOffset now)
    {
        Move(OperationStatus.RolledBack, OperationStatus.Failed);
        FinishedAt = now;
    }

    public void Cancel(DateTimeOffset now)
    {
        Move(OperationStatus.Cancelled, OperationStatus.Planned, OperationStatus.Queued, OperationStatus.AwaitingApproval);
        FinishedAt = now;
    }

    private void Move(OperationStatus to, params OperationStatus[] from)
    {
        if (!from.Contains(Status))
        {
            throw new InvalidOperationException($"Operation {Id} cannot go from {Status} to {to}.");
        }

        Status = to;
    }
}

public enum OperationKind
{
    Launch,
    Update,
    Scale,
    Start,
    Stop,
    Restart,
    Destroy,
    Rollback,
}

public enum OperationStatus
{
    Planned,
    AwaitingApproval,
    Queued,
    Running,
    Succeeded,
    Failed,
    RolledBack,
    Cancelled,
    Rejected,
}

public sealed record OperationParameters(string? Service = null, int? Replicas = null, int? BlueprintVersion = null, Guid? RollbackOf = null);

/// <summary>A plan change as stored and shown: no container spec, no secrets.</summary>
public sealed record PlannedChange(ChangeAction Action, string Resource, ResourceKind ResourceKind, string Reason, int Level, string? Service)
{
    public static IReadOnlyList<PlannedChange> From(Plan plan) =>
        [.. plan.Changes.Select(c => new PlannedChange(c.Action, c.Resource, c.ResourceKind, c.Reason, c.Level, c.Service))];
}
