using System.Text.Json;
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
        object payload = eventType switch
        {
            EventTypes.StackFailed => stack with { Status = "Failed", Detail = "Service 'api' did not become healthy." },
            EventTypes.StackExpiring => stack with { Detail = "Stack 'sample-web' expires in 15 min; extend it to keep it." },
            EventTypes.StackDestroyed => stack with { Status = "Destroyed", OperationKind = "Destroy" },
            EventTypes.DriftFound => stack with { Detail = "Container 'api' was removed outside Paddock." },
            EventTypes.ApprovalRequested => new
            {
                approvalId = Guid.Empty,
                summary = "Launch sample-web in production",
                requestedBy = "dev@example.com",
                reason = "Release 1.2",
                approveUrl = "https://paddock.example.com/approvals/sample/approve?sig=sample",
                rejectUrl = "https://paddock.example.com/approvals/sample/reject?sig=sample",
            },
            EventTypes.ApprovalDecided => new { approvalId = Guid.Empty, summary = "Launch sample-web in production", outcome = "approved", decidedBy = "lead@example.com", reason = "Looks good" },
            EventTypes.ApprovalTimedOut => new { approvalId = Guid.Empty, summary = "Launch sample-web in production", outcome = "rejected" },
            EventTypes.BudgetThresholdCrossed => new { threshold = "80%", detail = "$812.40 of $1,000.00 used this month." },
            _ => stack,
        };
        return JsonSerializer.Serialize(payload, Json);
    }
}
