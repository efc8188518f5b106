namespace Paddock.Core.Stacks;

public sealed record StackSummary(Guid Id, string Name, StackStatus Status, string Environment, string Blueprint, int BlueprintVersion,
    string? Owner, DateTimeOffset CreatedAt, DateTimeOffset? ExpiresAt, OperationStatus? LastOperationStatus);

public sealed record StackDetails(Guid Id, Guid ProjectId, string Name, StackStatus Status, Guid EnvironmentId, string Environment, bool IsProtected,
    Guid BlueprintId, string Blueprint, int BlueprintVersion, int LatestBlueprintVersion, IReadOnlyDictionary<string, string> Inputs,
    IReadOnlyDictionary<string, int> Replicas, string? Owner, DateTimeOffset CreatedAt, DateTimeOffset? ExpiresAt, IReadOnlyList<OperationDto> Operations,
    string? Drift = null, DateTimeOffset? DriftCheckedAt = null);

public sealed record OperationDto(Guid Id, OperationKind Kind, OperationStatus Status, OperationParameters Parameters, IReadOnlyList<PlannedChange> Plan,
    string PlanHash, string? RequestedBy, DateTimeOffset CreatedAt, DateTimeOffset? StartedAt, DateTimeOffset? FinishedAt, string? Error,
    int StepsDone, int StepsTotal, IReadOnlyList<StepDto> Steps);

public sealed record StepDto(DateTimeOffset At, int Level, string Resource, ChangeAction Action, string Status, string Message);

public sealed record LaunchPreview(string StackName, IReadOnlyList<PlannedChange> Plan, string PlanHash, DateTimeOffset? ExpiresAt, TimeSpan? Ttl,
    Approvals.GovernancePreview? Governance = null);

public sealed record OperationPlan(Guid? OperationId, OperationKind Kind, IReadOnlyList<PlannedChange> Plan, string PlanHash,
    Approvals.GovernancePreview? Governance = null, OperationStatus? Status = null);

public sealed record LaunchResult(Guid StackId, Guid OperationId, IReadOnlyList<PlannedChange> Plan, string PlanHash,
    OperationStatus Status = OperationStatus.Queued, Approvals.GovernancePreview? Governance = null);
