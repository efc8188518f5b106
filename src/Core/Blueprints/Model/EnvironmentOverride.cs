namespace Paddock.Core.Blueprints;

/// <summary>Overrides applied when the blueprint is launched into the environment of that name.</summary>
public sealed record EnvironmentOverride
{
    public required string Name { get; init; }

    /// <summary>Variable defaults for this environment, by variable name.</summary>
    public IReadOnlyDictionary<string, string> Variables { get; init => field = ValueDictionary<string>.From(value); } = ValueDictionary<string>.Empty;

    public IReadOnlyList<ServiceOverride> Services { get; init => field = ValueList<ServiceOverride>.From(value); } = ValueList<ServiceOverride>.Empty;
}
