namespace Paddock.Workers.Providers.Docker;

internal sealed record DockerProviderOptions
{
    /// <summary>Ports are published on this host address only.</summary>
    public string PublishAddress { get; init; } = "127.0.0.1";

    /// <summary>Grace period of a stop before the engine kills (also used before a replace removes the old container).</summary>
    public TimeSpan StopTimeout { get; init; } = TimeSpan.FromSeconds(10);

    public TimeSpan PollInterval { get; init; } = TimeSpan.FromMilliseconds(100);

    public IReadOnlyList<RegistryCredential> Registries { get; init; } = [];
}
