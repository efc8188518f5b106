namespace Paddock.Core.Stacks;

/// <summary>One step of a plan: what to do with one resource and why.</summary>
public sealed record Change
{
    public required ChangeAction Action { get; init; }

    public required string Resource { get; init; }

    public required ResourceKind ResourceKind { get; init; }

    /// <summary>Why, for people: <c>missing</c>, <c>image changed nginx:1 -> nginx:2</c>, <c>not in blueprint</c>.</summary>
    public required string Reason { get; init; }

    /// <summary>
    /// The plan level: changes of one level may run in parallel. A container coming up starts once the services it
    /// depends on are ready; any other change once every lower level is done.
    /// </summary>
    public int Level { get; init; }

    public DesiredResource? Desired { get; init; }

    public ObservedResource? Observed { get; init; }

    public string? Service => Desired?.Service ?? Observed?.Service;

    public override string ToString() => $"{Action} {Resource}: {Reason}";
}
