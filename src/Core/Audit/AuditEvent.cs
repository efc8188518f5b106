namespace Paddock.Core.Audit;

/// <summary>Who did what to which target, when, from where, with the fields before and after.</summary>
public sealed class AuditEvent
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public DateTimeOffset At { get; init; }

    public Guid? ActorId { get; init; }

    public string ActorName { get; init; } = "";

    /// <summary>For example <c>project.created</c>, <c>environment.updated</c>, <c>user.signed-in</c>.</summary>
    public string Action { get; init; } = "";

    public string TargetType { get; init; } = "";

    public Guid? TargetId { get; init; }

    public string TargetName { get; init; } = "";

    public Guid? ProjectId { get; init; }

    public string? ClientAddress { get; init; }

    public List<FieldChange> Changes { get; init; } = [];
}

public sealed record FieldChange(string Field, string? Before, string? After);
