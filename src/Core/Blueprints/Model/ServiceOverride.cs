namespace Paddock.Core.Blueprints;

/// <summary>What one environment changes in one service; null means "as in the base spec".</summary>
public sealed record ServiceOverride
{
    public required string Service { get; init; }

    public int? Replicas { get; init; }

    public string? InstanceType { get; init; }

    public string? Image { get; init; }

    /// <summary>Added to (or replacing keys of) the service's environment.</summary>
    public IReadOnlyDictionary<string, string> Environment { get; init => field = ValueDictionary<string>.From(value); } = ValueDictionary<string>.Empty;
}
