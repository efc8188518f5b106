using Paddock.Core.Audit;

namespace Paddock.Core.Notifications;

/// <summary>
/// An outbound webhook: the project's events of the chosen types POSTed as JSON to <see cref="Url"/>, each delivery
/// signed with HMAC-SHA256 under the subscription's secret (stored encrypted, shown once).
/// </summary>
public sealed class WebhookSubscription : IAudited
{
    private WebhookSubscription()
    {
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();

    public Guid ProjectId { get; private set; }

    public string Url { get; private set; } = "";

    public string Description { get; private set; } = "";

    public List<string> EventTypes { get; private set; } = [];

    public bool Enabled { get; private set; } = true;

    [AuditRedacted]
    public string ProtectedSecret { get; private set; } = "";

    public DateTimeOffset CreatedAt { get; private set; }

    [AuditIgnored]
    public uint Version { get; private set; }

    Guid? IAudited.AuditProjectId => ProjectId;

    public static WebhookSubscription Create(Guid projectId, DateTimeOffset now) => new() { ProjectId = projectId, CreatedAt = now };

    public void Apply(WebhookSettings settings)
    {
        Url = settings.Url.Trim();
        Description = settings.Description?.Trim() ?? "";
        EventTypes = settings.EventTypes.Distinct(StringComparer.Ordinal).ToList();
        Enabled = settings.Enabled;
    }

    public void SetSecret(string protectedSecret) => ProtectedSecret = protectedSecret;
}

public sealed record WebhookSettings(string Url, string? Description, IReadOnlyList<string> EventTypes, bool Enabled);
