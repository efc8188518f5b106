using Paddock.Core.Blueprints;

namespace Paddock.Core.Stacks;

/// <summary>
/// Exactly what the engine gets for one container replica, except secret values: <see cref="Environment"/> holds
/// them masked and <see cref="SecretKeys"/> names them; the provider injects the real values from <see cref="StackSecrets"/>.
/// </summary>
public sealed record ContainerSpec
{
    public required string Image { get; init; }

    public IReadOnlyList<string> Command { get; init => field = ValueList<string>.From(value); } = ValueList<string>.Empty;

    public IReadOnlyList<string> Entrypoint { get; init => field = ValueList<string>.From(value); } = ValueList<string>.Empty;

    public IReadOnlyDictionary<string, string> Environment { get; init => field = ValueDictionary<string>.From(value); } = ValueDictionary<string>.Empty;

    public IReadOnlyList<string> SecretKeys { get; init => field = ValueList<string>.From(value); } = ValueList<string>.Empty;

    public IReadOnlyList<PortSpec> Ports { get; init => field = ValueList<PortSpec>.From(value); } = ValueList<PortSpec>.Empty;

    public IReadOnlyList<VolumeSpec> Volumes { get; init => field = ValueList<VolumeSpec>.From(value); } = ValueList<VolumeSpec>.Empty;

    public HealthCheckSpec? HealthCheck { get; init; }

    public decimal? Cpu { get; init; }

    public MemorySize? Memory { get; init; }

    public RestartPolicy? Restart { get; init; }

    public IReadOnlyDictionary<string, string> Labels { get; init => field = ValueDictionary<string>.From(value); } = ValueDictionary<string>.Empty;

    /// <summary>The name other services reach this one by on the stack network.</summary>
    public required string NetworkAlias { get; init; }
}
