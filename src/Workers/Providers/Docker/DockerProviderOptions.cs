namespace Paddock.Workers.Providers.Docker;

internal sealed record DockerProviderOptions
{
    /// <summary>Ports are published on this host address only.</summary>
    public string PublishAddress { get; init; } = "127.0.0.1";

    /// <summary>Grace period of a stop before the engine kills (also used before a replace removes the old container).</summary>
    public TimeSpan StopTimeout { get; init; } = TimeSpan.FromSeconds(10);

    public TimeSpan PollInterval { get; init; } = TimeSpan.FromMilliseconds(100);

    public IReadOnlyList<RegistryCredential> Registries { get; init; } = [];

    /// <summary>
    /// This installation's id: put on every object made, and the only objects (besides unlabelled ones made before
    /// the label existed) that <see cref="DockerProvider.ListStacksAsync"/> reports. Null: no label, every stack listed.
    /// </summary>
    public Guid? Installation { get; init; }
}
