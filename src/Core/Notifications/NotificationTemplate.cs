using Paddock.Core.Audit;

namespace Paddock.Core.Notifications;

/// <summary>A project's own wording for one event type; without one, <see cref="TemplateRenderer.Default"/> applies.</summary>
public sealed class NotificationTemplate : IAudited
{
    private NotificationTemplate()
    {
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();

    public Guid ProjectId { get; private set; }

    public string EventType { get; private set; } = "";

    public string Subject { get; private set; } = "";

    public string Body { get; private set; } = "";

    public DateTimeOffset UpdatedAt { get; private set; }

    Guid? IAudited.AuditProjectId => ProjectId;

    public static NotificationTemplate Create(Guid projectId, string eventType) => new() { ProjectId = projectId, EventType = eventType };

    public void Edit(string subject, string body, DateTimeOffset now)
    {
        Subject = subject.Trim();
        Body = body.Trim();
        UpdatedAt = now;
    }
}
