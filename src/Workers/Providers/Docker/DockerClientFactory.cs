using Docker.DotNet;

namespace Paddock.Workers.Providers.Docker;

/// <summary>Unix sockets and plain tcp through the library's default transport; TLS client certificates are not wired yet.</summary>
internal sealed class DockerClientFactory : IDockerClientFactory
{
    public IDockerClient Create(DockerEndpoint endpoint)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        return new DockerClientBuilder().WithEndpoint(endpoint.Uri).Build();
    }
}
