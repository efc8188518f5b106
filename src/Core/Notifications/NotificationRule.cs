using Paddock.Core.Audit;

namespace Paddock.Core.Notifications;

/// <summary>One line of a project's routing: events of <see cref="EventType"/> go to the channel <see cref="ChannelId"/>.</summary>
public sealed class NotificationRule : IAudited
{
    private NotificationRule()
    {
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();

    public Guid ProjectId { get; private set; }

    public string EventType { get; private set; } = "";

    public Guid ChannelId { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    Guid? IAudited.AuditProjectId => ProjectId;

    public static NotificationRule Create(Guid projectId, string eventType, Guid channelId, DateTimeOffset now) =>
        new() { ProjectId = projectId, EventType = eventType, ChannelId = channelId, CreatedAt = now };
}
