using Paddock.Core.Audit;

namespace Paddock.Core.Notifications;

/// <summary>
/// A place a project's notifications go: a Slack incoming webhook, e-mail recipients, SMS numbers through a
/// Twilio-compatible API, or a generic webhook. Its secret (the Slack or webhook URL, the SMS auth token) is stored
/// encrypted and never leaves the server; <see cref="TargetHint"/> is what people see instead.
/// </summary>
public sealed class NotificationChannel : IAudited
{
    private NotificationChannel()
    {
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();

    public Guid ProjectId { get; private set; }

    public string Name { get; private set; } = "";

    public ChannelKind Kind { get; private set; }

    public bool Enabled { get; private set; } = true;

    /// <summary>E-mail addresses (Email) or E.164 phone numbers (Sms).</summary>
    public List<string> Recipients { get; private set; } = [];

    /// <summary>Twilio-compatible API root, e.g. https://api.twilio.com (Sms only).</summary>
    public string? SmsBaseUrl { get; private set; }

    public string? SmsAccountSid { get; private set; }

    public string? SmsFrom { get; private set; }

    /// <summary>Encrypted with Data Protection: the Slack or webhook URL, or the SMS auth token.</summary>
    [AuditRedacted]
    public string? ProtectedSecret { get; private set; }

    /// <summary>A harmless hint of the secret target (scheme and host of a URL), for lists.</summary>
    public string? TargetHint { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    [AuditIgnored]
    public uint Version { get; private set; }

    Guid? IAudited.AuditProjectId => ProjectId;

    public static NotificationChannel Create(Guid projectId, ChannelKind kind, DateTimeOffset now) =>
        new() { ProjectId = projectId, Kind = kind, CreatedAt = now };

    public void Apply(ChannelSettings settings, string? protectedSecret, string? targetHint)
    {
        Name = settings.Name.Trim();
        Enabled = settings.Enabled;
        Recipients = settings.Recipients.Select(r => r.Trim()).ToList();
        SmsBaseUrl = Kind == ChannelKind.Sms ? (settings.SmsBaseUrl ?? ChannelRules.DefaultSmsBaseUrl).TrimEnd('/') : null;
        SmsAccountSid = Kind == ChannelKind.Sms ? settings.SmsAccountSid?.Trim() : null;
        SmsFrom = Kind == ChannelKind.Sms ? settings.SmsFrom?.Trim() : null;
        if (protectedSecret is not null)
        {
            ProtectedSecret = protectedSecret;
            TargetHint = targetHint;
        }
    }
}

/// <summary>What a person sets on a channel. <see cref="Secret"/> null on update keeps the stored one.</summary>
public sealed record ChannelSettings(
    string Name,
    bool Enabled,
    IReadOnlyList<string> Recipients,
    string? Secret,
    string? SmsBaseUrl,
    string? SmsAccountSid,
    string? SmsFrom);
