using Paddock.Core.Audit;

namespace Paddock.Core.Stacks;

/// <summary>A launch of a blueprint version into an environment: what should run (version, inputs, replica overrides) and until when.</summary>
public sealed class Stack : IAudited
{
    private Stack()
    {
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();

    public Guid ProjectId { get; private set; }

    public Guid EnvironmentId { get; private set; }

    public Guid BlueprintId { get; private set; }

    public int BlueprintVersion { get; private set; }

    public string Name { get; private set; } = "";

    /// <summary>Launch inputs; secret values are encrypted (see <see cref="ISecretProtector"/>) and never leave the server.</summary>
    [AuditRedacted]
    public Dictionary<string, string> Inputs { get; private set; } = [];

    /// <summary>Replica counts set by scale operations, over the blueprint's.</summary>
    public Dictionary<string, int> Replicas { get; private set; } = [];

    public Guid? OwnerId { get; private set; }

    public StackStatus Status { get; private set; }

    public DateTimeOffset? ExpiresAt { get; private set; }

    /// <summary>When the owner was last warned that the stack expires, so each warning goes out once.</summary>
    [AuditIgnored]
    public DateTimeOffset? WarnedAt { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>What the last drift check found running differently from the plan ("api-1: missing"), or null when in sync.</summary>
    public string? Drift { get; private set; }

    [AuditIgnored]
    public DateTimeOffset? DriftCheckedAt { get; private set; }

    [AuditIgnored]
    public uint Version { get; private set; }

    Guid? IAudited.AuditProjectId => ProjectId;

    public StackIdentity Identity => new(Id, Name);

    public static Stack Create(Guid projectId, Guid environmentId, Guid blueprintId, int blueprintVersion, string name,
        Dictionary<string, string> inputs, Guid? ownerId, DateTimeOffset? expiresAt, DateTimeOffset now) => new()
        {
            ProjectId = projectId,
            EnvironmentId = environmentId,
            BlueprintId = blueprintId,
            BlueprintVersion = blueprintVersion,
            Name = name,
            Inputs = inputs,
            OwnerId = ownerId,
            ExpiresAt = expiresAt,
            Status = StackStatus.Pending,
            CreatedAt = now,
        };

    public void MarkStatus(StackStatus status) => Status = status;

    public void UseVersion(int version) => BlueprintVersion = version;

    public void Scale(string service, int replicas) => Replicas = new(Replicas) { [service] = replicas };

    public void Extend(DateTimeOffset expiresAt)
    {
        ExpiresAt = expiresAt;
        WarnedAt = null;
    }

    public void MarkWarned(DateTimeOffset now) => WarnedAt = now;

    /// <summary>Records a drift check; only a change of finding is a change of the stack (and so audited).</summary>
    public void RecordDrift(string? drift, DateTimeOffset now)
    {
        Drift = drift;
        DriftCheckedAt = now;
    }
}

public enum StackStatus
{
    Pending,
    Deploying,
    Running,
    Stopped,
    Failed,
    Destroying,
    Destroyed,
}
