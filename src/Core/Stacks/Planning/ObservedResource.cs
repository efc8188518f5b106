using Paddock.Core.Blueprints;

namespace Paddock.Core.Stacks;

/// <summary>One object the provider found with the stack's label, mapped back from its labels.</summary>
public sealed record ObservedResource
{
    public required string Name { get; init; }

    public required ResourceKind Kind { get; init; }

    public required string ProviderId { get; init; }

    /// <summary>The engine's own name for the object, e.g. <c>paddock-shop-api-1</c>.</summary>
    public string? ProviderName { get; init; }

    public string? SpecHash { get; init; }

    public IReadOnlyDictionary<string, string> FieldHashes { get; init => field = ValueDictionary<string>.From(value); } = ValueDictionary<string>.Empty;

    public ResourceState State { get; init; } = ResourceState.Present;

    public HealthState Health { get; init; } = HealthState.None;

    public string? Image { get; init; }

    public string? Service { get; init; }

    public int? Replica { get; init; }

    public int Level { get; init; }

    public DateTimeOffset? CreatedAt { get; init; }

    /// <summary>Container ports the engine published on the loopback address, for the stack page's endpoint links.</summary>
    public IReadOnlyList<PublishedPort> Ports { get; init => field = ValueList<PublishedPort>.From(value); } = ValueList<PublishedPort>.Empty;
}

public sealed record PublishedPort(int ContainerPort, int HostPort, string Protocol);
