using Paddock.Core.Stacks;

namespace Paddock.Core.Approvals;

public sealed record ApprovalSummary(Guid Id, Guid ProjectId, string Project, Guid StackId, string Stack, string Environment, OperationKind Kind,
    ApprovalStatus Status, string? RequestedBy, string? Reason, decimal MonthlyCost, string Currency, int ApprovalsGiven, int ApprovalsRequired,
    DateTimeOffset CreatedAt, DateTimeOffset? Deadline, bool CanDecide);

public sealed record ApprovalDetails(Guid Id, Guid ProjectId, string Project, Guid OperationId, Guid StackId, string Stack, Guid EnvironmentId,
    string Environment, bool EnvironmentProtected, OperationKind Kind, OperationStatus OperationStatus, ApprovalStatus Status, string PlanHash,
    IReadOnlyList<PlannedChange> Plan, string? RequestedBy, string? Reason, decimal HourlyCost, decimal MonthlyCost, decimal? CostOverTtl, string Currency,
    string? BudgetNote, IReadOnlyList<GateDto> Gates, IReadOnlyList<DecisionDto> Decisions, DateTimeOffset CreatedAt, DateTimeOffset? Deadline,
    TimeoutOutcome TimeoutOutcome, string? Outcome, bool CanDecide, string? CannotDecideReason);

public sealed record GateDto(string Name, int Required, int Given, string Approvers, bool AllowSelfApproval);

/// <param name="Counts">Whether it counts: an approval for an older plan does not.</param>
public sealed record DecisionDto(string User, bool Approved, string? Reason, DateTimeOffset DecidedAt, string Via, bool Counts);

public sealed record DecisionResult(Guid RequestId, ApprovalStatus Status, OperationStatus OperationStatus, int ApprovalsGiven, int ApprovalsRequired, string Message,
    string PlanHash);
