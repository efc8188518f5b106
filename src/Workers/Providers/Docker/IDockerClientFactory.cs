using Docker.DotNet;

namespace Paddock.Workers.Providers.Docker;

internal interface IDockerClientFactory
{
    IDockerClient Create(DockerEndpoint endpoint);
}
