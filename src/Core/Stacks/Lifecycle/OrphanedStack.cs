using Paddock.Core.Audit;

namespace Paddock.Core.Stacks;

/// <summary>
/// Engine objects labelled as a stack that Paddock does not run (unknown, or destroyed in its records): found by the
/// orphan reaper, removed after a grace period unless their environment only reports.
/// </summary>
public sealed class OrphanedStack : IAudited
{
    private OrphanedStack()
    {
    }

    /// <summary>The stack id from the objects' <c>paddock.stack</c> label.</summary>
    public Guid Id { get; private set; }

    public string Name { get; private set; } = "";

    public Guid? ProjectId { get; private set; }

    public DateTimeOffset FirstSeenAt { get; private set; }

    public DateTimeOffset? RemovedAt { get; private set; }

    public bool ReportOnly { get; private set; }

    Guid? IAudited.AuditProjectId => ProjectId;

    public static OrphanedStack Found(Guid id, string name, Guid? projectId, bool reportOnly, DateTimeOffset now) =>
        new() { Id = id, Name = name, ProjectId = projectId, ReportOnly = reportOnly, FirstSeenAt = now };

    public void MarkRemoved(DateTimeOffset now) => RemovedAt = now;

    /// <summary>Seen again after removal (a crash re-created objects): start a new grace period.</summary>
    public void SeenAgain(DateTimeOffset now)
    {
        FirstSeenAt = now;
        RemovedAt = null;
    }
}
