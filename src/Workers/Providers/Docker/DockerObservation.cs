using Docker.DotNet.Models;
using Paddock.Core.Stacks;

namespace Paddock.Workers.Providers.Docker;

/// <summary>Maps list responses (never inspects) to observed resources through their labels.</summary>
internal static class DockerObservation
{
    public static ObservedResource? Container(ContainerListResponse container)
    {
        var labels = container.Labels ?? new Dictionary<string, string>();
        if (!labels.TryGetValue(DockerLabels.Resource, out var name))
        {
            return null;
        }

        return new ObservedResource
        {
            Name = name,
            Kind = ResourceKind.Container,
            ProviderId = container.ID,
            ProviderName = container.Names?.FirstOrDefault()?.TrimStart('/'),
            SpecHash = labels.TryGetValue(DockerLabels.SpecHash, out var hash) ? hash : null,
            FieldHashes = DockerLabels.ParseFields(labels.TryGetValue(DockerLabels.SpecFields, out var fields) ? fields : null),
            State = State(container.State),
            Health = Health(container.Health?.Status, container.Status),
            Image = container.Image,
            Service = labels.TryGetValue(DockerLabels.Service, out var service) ? service : null,
            Replica = DockerLabels.Int(labels, DockerLabels.Replica),
            Level = DockerLabels.Int(labels, DockerLabels.Level) ?? 0,
            CreatedAt = new DateTimeOffset(DateTime.SpecifyKind(container.Created, DateTimeKind.Utc)),
            Ports = [.. (container.Ports ?? [])
                .Where(p => p.PublicPort is > 0 && p.IP == "127.0.0.1")
                .Select(p => new PublishedPort(p.PrivatePort, p.PublicPort!.Value, p.Type ?? "tcp"))
                .Distinct()],
        };
    }

    public static ObservedResource? Network(NetworkResponse network) =>
        network.Labels is { } labels && labels.TryGetValue(DockerLabels.Resource, out var name)
            ? new ObservedResource
            {
                Name = name,
                Kind = ResourceKind.Network,
                ProviderId = network.ID,
                ProviderName = network.Name,
                SpecHash = labels.TryGetValue(DockerLabels.SpecHash, out var hash) ? hash : null,
            }
            : null;

    public static ObservedResource? Volume(VolumeResponse volume) =>
        volume.Labels is { } labels && labels.TryGetValue(DockerLabels.Resource, out var name)
            ? new ObservedResource
            {
                Name = name,
                Kind = ResourceKind.Volume,
                ProviderId = volume.Name,
                ProviderName = volume.Name,
                SpecHash = labels.TryGetValue(DockerLabels.SpecHash, out var hash) ? hash : null,
            }
            : null;

    public static ResourceState State(string? state) => state switch
    {
        "running" => ResourceState.Running,
        "created" => ResourceState.Created,
        "restarting" => ResourceState.Restarting,
        "paused" => ResourceState.Paused,
        "exited" => ResourceState.Exited,
        "dead" => ResourceState.Dead,
        "removing" => ResourceState.Removing,
        _ => ResourceState.Unknown,
    };

    /// <summary>Engines before API 1.44 leave Health out of list responses; their status text says "(healthy)" instead.</summary>
    public static HealthState Health(string? status, string? text) => (status ?? "") switch
    {
        "healthy" => HealthState.Healthy,
        "unhealthy" => HealthState.Unhealthy,
        "starting" => HealthState.Starting,
        _ when text is null => HealthState.None,
        _ when text.Contains("(healthy)", StringComparison.Ordinal) => HealthState.Healthy,
        _ when text.Contains("(unhealthy)", StringComparison.Ordinal) => HealthState.Unhealthy,
        _ when text.Contains("(health: starting)", StringComparison.Ordinal) => HealthState.Starting,
        _ => HealthState.None,
    };
}
