namespace Paddock.Core.Blueprints;

public sealed record ServiceSpec
{
    public required string Name { get; init; }

    public ServiceKind Kind { get; init; } = ServiceKind.Container;

    /// <summary>Container image reference, e.g. <c>ghcr.io/acme/api:1.4</c>.</summary>
    public string? Image { get; init; }

    /// <summary>Machine image of a VM, e.g. an AMI id.</summary>
    public string? MachineImage { get; init; }

    public string? InstanceType { get; init; }

    /// <summary>A build context carried over from compose, a hint for pipelines; never used to launch.</summary>
    public string? Build { get; init; }

    public IReadOnlyList<string> Command { get; init => field = ValueList<string>.From(value); } = ValueList<string>.Empty;

    public IReadOnlyList<string> Entrypoint { get; init => field = ValueList<string>.From(value); } = ValueList<string>.Empty;

    public IReadOnlyDictionary<string, string> Environment { get; init => field = ValueDictionary<string>.From(value); } = ValueDictionary<string>.Empty;

    public IReadOnlyList<PortSpec> Ports { get; init => field = ValueList<PortSpec>.From(value); } = ValueList<PortSpec>.Empty;

    public IReadOnlyList<VolumeSpec> Volumes { get; init => field = ValueList<VolumeSpec>.From(value); } = ValueList<VolumeSpec>.Empty;

    public IReadOnlyList<DependencySpec> DependsOn { get; init => field = ValueList<DependencySpec>.From(value); } = ValueList<DependencySpec>.Empty;

    public HealthCheckSpec? HealthCheck { get; init; }

    public int Replicas { get; init; } = 1;

    /// <summary>CPU limit in cores, e.g. 0.5.</summary>
    public decimal? Cpu { get; init; }

    public MemorySize? Memory { get; init; }

    public RestartPolicy? Restart { get; init; }

    public IReadOnlyDictionary<string, string> Labels { get; init => field = ValueDictionary<string>.From(value); } = ValueDictionary<string>.Empty;
}
