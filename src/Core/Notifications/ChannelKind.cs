namespace Paddock.Core.Notifications;

/// <summary>Where a notification channel sends messages.</summary>
public enum ChannelKind
{
    Slack,
    Email,
    Sms,
    Webhook,
}
