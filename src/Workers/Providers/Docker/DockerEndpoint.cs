namespace Paddock.Workers.Providers.Docker;

/// <summary>Where an engine listens: <c>unix:///var/run/docker.sock</c> or <c>tcp://host:2376</c>.</summary>
internal sealed record DockerEndpoint(Uri Uri)
{
    public static DockerEndpoint Parse(string text) => new(new Uri(text));

    public override string ToString() => Uri.ToString();
}
