namespace Paddock.Core.Notifications;

/// <summary>A channel as clients see it: never its secret, only whether it has one and a hint of where it points.</summary>
public sealed record ChannelDto(
    Guid Id,
    Guid ProjectId,
    string Name,
    ChannelKind Kind,
    bool Enabled,
    IReadOnlyList<string> Recipients,
    string? TargetHint,
    bool HasSecret,
    string? SmsBaseUrl,
    string? SmsAccountSid,
    string? SmsFrom,
    IReadOnlyList<string> EventTypes,
    DateTimeOffset CreatedAt,
    uint Version)
{
    public static ChannelDto From(NotificationChannel c, IEnumerable<string> eventTypes) =>
        new(c.Id, c.ProjectId, c.Name, c.Kind, c.Enabled, c.Recipients, c.TargetHint, c.ProtectedSecret is not null, c.SmsBaseUrl, c.SmsAccountSid,
            c.SmsFrom, eventTypes.Order(StringComparer.Ordinal).ToList(), c.CreatedAt, c.Version);
}

public sealed record WebhookDto(Guid Id, Guid ProjectId, string Url, string Description, IReadOnlyList<string> EventTypes, bool Enabled, DateTimeOffset CreatedAt, uint Version)
{
    public static WebhookDto From(WebhookSubscription w) => new(w.Id, w.ProjectId, w.Url, w.Description, w.EventTypes, w.Enabled, w.CreatedAt, w.Version);
}

/// <summary>The answer to creating a webhook (or rotating its secret): the only time the secret is shown.</summary>
public sealed record WebhookWithSecret(WebhookDto Webhook, string? Secret);

public sealed record DeliveryDto(
    Guid Id,
    Guid MessageId,
    string EventType,
    DeliveryTargetKind TargetKind,
    Guid TargetId,
    string TargetName,
    DeliveryStatus Status,
    int Attempts,
    int? LastStatusCode,
    string? LastError,
    int? LastDurationMs,
    DateTimeOffset CreatedAt,
    DateTimeOffset? NextAttemptAt,
    DateTimeOffset? DeliveredAt);

public sealed record DeliveryAttemptDto(int Number, DateTimeOffset AttemptedAt, bool Succeeded, int? StatusCode, int DurationMs, string? Error);

public sealed record DeliveryDetails(DeliveryDto Delivery, IReadOnlyList<DeliveryAttemptDto> Attempts);

public sealed record TemplateDto(string EventType, string Subject, string Body, bool IsCustom);

public sealed record TestSendResult(bool Succeeded, int? StatusCode, int DurationMs, string? Error);
