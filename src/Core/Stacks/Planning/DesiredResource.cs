using Paddock.Core.Blueprints;

namespace Paddock.Core.Stacks;

/// <summary>One object the stack should have: the network, a named volume, or one container replica.</summary>
public sealed record DesiredResource
{
    /// <summary>The logical name: <c>network</c>, <c>volume/data</c> or <c>api-2</c>.</summary>
    public required string Name { get; init; }

    public required ResourceKind Kind { get; init; }

    /// <summary>SHA-256 of the canonical form of what the engine gets (secrets hashed, never stored).</summary>
    public required string SpecHash { get; init; }

    /// <summary>Short hashes per spec field, so a changed spec can say what changed.</summary>
    public IReadOnlyDictionary<string, string> FieldHashes { get; init => field = ValueDictionary<string>.From(value); } = ValueDictionary<string>.Empty;

    /// <summary>Dependency level: 0 for the network and volumes, 1 + the deepest dependency for containers.</summary>
    public int Level { get; init; }

    public string? Service { get; init; }

    /// <summary>
    /// The services this one's <c>depends_on</c> names, so the executor can start it as soon as they are ready rather
    /// than after a whole level; null when unknown (the executor then waits for every lower level). Not part of the hash:
    /// the engine never sees it.
    /// </summary>
    public IReadOnlyList<string>? DependsOn { get; init => field = value is null ? null : ValueList<string>.From(value); }

    public int? Replica { get; init; }

    public ContainerSpec? Container { get; init; }

    /// <summary>The strongest condition a dependent service waits for before it starts; null when nothing waits.</summary>
    public DependencyCondition? ReadyCondition { get; init; }

    /// <summary>The service runs more than one replica: updates roll one replica at a time.</summary>
    public bool IsReplicated { get; init; }
}
