using MudBlazor;
using Paddock.Core.Events;
using Paddock.Core.Notifications;

namespace Paddock.Web.Notifications.Pages;

/// <summary>How the notification pages name and draw channel kinds, targets, events and delivery states.</summary>
internal static class NotificationUi
{
    public static readonly IReadOnlyDictionary<string, string> EventLabels = new Dictionary<string, string>
    {
        [EventTypes.StackLaunched] = "Stack launched",
        [EventTypes.StackFailed] = "Stack failed",
        [EventTypes.StackExpiring] = "Stack expiring",
        [EventTypes.StackDestroyed] = "Stack destroyed",
        [EventTypes.DriftFound] = "Drift found",
        [EventTypes.ApprovalRequested] = "Approval requested",
        [EventTypes.ApprovalDecided] = "Approval decided",
        [EventTypes.ApprovalTimedOut] = "Approval timed out",
        [EventTypes.BudgetThresholdCrossed] = "Budget threshold crossed",
    };

    public static string EventLabel(string type) => EventLabels.TryGetValue(type, out var label) ? label : type;

    public static string IconOf(ChannelKind kind) => kind switch
    {
        ChannelKind.Slack => Icons.Material.Filled.Forum,
        ChannelKind.Email => Icons.Material.Filled.Email,
        ChannelKind.Sms => Icons.Material.Filled.Sms,
        _ => Icons.Material.Filled.Webhook,
    };

    public static string LabelOf(ChannelKind kind) => kind switch
    {
        ChannelKind.Email => "E-mail",
        ChannelKind.Sms => "SMS",
        _ => kind.ToString(),
    };

    public static string TargetOf(ChannelDto channel) => channel.Kind switch
    {
        ChannelKind.Email or ChannelKind.Sms => string.Join(", ", channel.Recipients),
        _ => channel.TargetHint ?? "",
    };

    public static Color ColorOf(DeliveryStatus status) => status switch
    {
        DeliveryStatus.Delivered => Color.Success,
        DeliveryStatus.Failed => Color.Error,
        _ => Color.Warning,
    };
}
