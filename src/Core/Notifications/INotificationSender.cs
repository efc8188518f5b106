namespace Paddock.Core.Notifications;

/// <summary>Sends one rendered message to one channel (Slack, e-mail, SMS, webhook); implemented in Workers over HTTP and SMTP.</summary>
public interface INotificationSender
{
    Task<SendOutcome> SendAsync(ChannelTarget target, OutgoingEvent outgoing, RenderedMessage message, CancellationToken ct);
}

/// <summary>A channel as a sender needs it, its secret decrypted (in memory only, never logged).</summary>
public sealed record ChannelTarget(
    ChannelKind Kind,
    string? Secret,
    IReadOnlyList<string> Recipients,
    string? SmsBaseUrl,
    string? SmsAccountSid,
    string? SmsFrom)
{
    public static ChannelTarget From(NotificationChannel channel, string? secret) =>
        new(channel.Kind, secret, channel.Recipients, channel.SmsBaseUrl, channel.SmsAccountSid, channel.SmsFrom);

    public override string ToString() => $"{Kind} channel";
}

/// <summary>The event being sent and its dedupe key (the delivery id), which every receiver gets.</summary>
public sealed record OutgoingEvent(Guid DeliveryId, Guid MessageId, Guid ProjectId, string Type, DateTimeOffset OccurredAt, string PayloadJson);
