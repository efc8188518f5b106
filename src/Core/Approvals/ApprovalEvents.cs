using Paddock.Core.Events;

namespace Paddock.Core.Approvals;

/// <summary>
/// The payload of <c>approval.*</c> events. <see cref="ApproveUrl"/> and <see cref="RejectUrl"/> are signed, single-use,
/// expiring links for Slack buttons and e-mail links; they are present while the request waits for decisions.
/// </summary>
public sealed record ApprovalEventData(
    Guid ProjectId,
    Guid RequestId,
    Guid OperationId,
    Guid StackId,
    string StackName,
    Guid EnvironmentId,
    string Operation,
    string Status,
    string? RequestedBy,
    string? Reason,
    decimal MonthlyCost,
    string Currency,
    int ApprovalsGiven,
    int ApprovalsRequired,
    string Url,
    string? ApproveUrl = null,
    string? RejectUrl = null,
    string? DecidedBy = null,
    string? Decision = null,
    string? Outcome = null,
    DateTimeOffset? Deadline = null);

/// <summary>The payload of <c>budget.threshold_crossed</c>.</summary>
public sealed record BudgetEventData(Guid ProjectId, Guid BudgetId, Guid? EnvironmentId, string Scope, int Percent, decimal Amount, decimal Spent,
    decimal Reserved, string Currency)
{
    public static OutboxMessage Message(Budgets.Budget budget, Budgets.BudgetUsage usage, int percent, DateTimeOffset now) =>
        OutboxMessage.Create(budget.ProjectId, EventTypes.BudgetThresholdCrossed,
            new BudgetEventData(budget.ProjectId, budget.Id, budget.EnvironmentId, usage.Scope, percent, usage.Amount, usage.Spent,
                usage.Reserved + usage.ThisOperation, usage.Currency), now);
}
