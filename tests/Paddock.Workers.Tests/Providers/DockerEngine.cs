using Paddock.Workers.Providers.Docker;

namespace Paddock.Workers.Tests.Providers;

/// <summary>The private engine the test command starts. Without it the tests fail, loudly: they never pass by skipping.</summary>
public sealed class DockerEngine : IAsyncLifetime
{
    public const string Variable = "PADDOCK_TEST_DOCKER";

    internal DockerEndpoint Endpoint { get; } = DockerEndpoint.Parse(
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException($"{Variable} is not set: run the tests through scripts/test.sh, which starts a private Docker engine (or export {Variable}=unix:///path/docker.sock)."));

    public async Task InitializeAsync()
    {
        using var provider = CreateProvider();
        await LocalBaseImage.EnsureAsync(provider.Client);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    internal DockerProvider CreateProvider(Guid? installation = null) =>
        new(new DockerClientFactory(), Endpoint, new DockerProviderOptions
        {
            StopTimeout = TimeSpan.FromSeconds(1),
            PollInterval = TimeSpan.FromMilliseconds(50),
            Installation = installation,
        });
}

[CollectionDefinition(Name)]
public sealed class DockerCollection : ICollectionFixture<DockerEngine>
{
    public const string Name = "docker";
}
