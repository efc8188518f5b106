using System.Text.Json;
using Paddock.Core.Approvals;
using Paddock.Core.Events;

namespace Paddock.Core.Notifications;

/// <summary>Made-up events of each type, for template previews and test sends.</summary>
public static class SampleEvents
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static string PayloadFor(string eventType)
    {
        var stack = new StackEventData(Guid.Empty, Guid.Empty, "sample-web", Guid.Empty, "Running", Guid.Empty, "Launch",
            "This is a sample event sent by Paddock.", DateTimeOffset.UnixEpoch.AddYears(57));
        var approval = new ApprovalEventData(Guid.Empty, Guid.Empty, Guid.Empty, Guid.Empty, "sample-web", Guid.Empty, "Launch", "Pending",
            "dev@example.com", "Release 1.2", 70.30m, "USD", 0, 2, "https://paddock.example.com/approvals?request=sample",
            "https://paddock.example.com/approvals/link/sample-approve", "https://paddock.example.com/approvals/link/sample-reject");
        object payload = eventType switch
        {
            EventTypes.StackFailed => stack with { Status = "Failed", Detail = "Service 'api' did not become healthy." },
            EventTypes.StackExpiring => stack with { Detail = "Stack 'sample-web' expires in 15 min; extend it to keep it." },
            EventTypes.StackDestroyed => stack with { Status = "Destroyed", OperationKind = "Destroy" },
            EventTypes.DriftFound => stack with { Detail = "Container 'api' was removed outside Paddock." },
            EventTypes.ApprovalRequested => approval,
            EventTypes.ApprovalDecided => approval with
            {
                Status = "Approved",
                DecidedBy = "lead@example.com",
                Decision = "approved",
                ApprovalsGiven = 1,
                ApproveUrl = null,
                RejectUrl = null,
                Outcome = "Approved: the operation is queued.",
            },
            EventTypes.ApprovalTimedOut => approval with
            {
                Status = "TimedOut",
                Decision = "rejected",
                ApproveUrl = null,
                RejectUrl = null,
                Outcome = "No decision before 2026-12-01 18:00 UTC: rejected by the policy.",
            },
            EventTypes.BudgetThresholdCrossed => new BudgetEventData(Guid.Empty, Guid.Empty, null, "project", 80, 1000m, 612.40m, 200m, "USD"),
            _ => stack,
        };
        return JsonSerializer.Serialize(payload, Json);
    }
}
