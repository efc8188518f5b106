namespace Paddock.Core.Events;

/// <summary>The events Paddock publishes to notification rules and webhook subscriptions (dotted, stable names).</summary>
public static class EventTypes
{
    public const string StackLaunched = "stack.launched";
    public const string StackFailed = "stack.failed";
    public const string StackExpiring = "stack.expiring";
    public const string StackDestroyed = "stack.destroyed";
    public const string DriftFound = "stack.drift_found";
    public const string ApprovalRequested = "approval.requested";
    public const string ApprovalDecided = "approval.decided";
    public const string ApprovalTimedOut = "approval.timed_out";
    public const string BudgetThresholdCrossed = "budget.threshold_crossed";

    public static readonly IReadOnlyList<string> All =
    [
        StackLaunched, StackFailed, StackExpiring, StackDestroyed, DriftFound,
        ApprovalRequested, ApprovalDecided, ApprovalTimedOut, BudgetThresholdCrossed,
    ];
}
