namespace Paddock.Workers.Providers.Docker;

/// <summary>Where an engine listens (<c>unix:///var/run/docker.sock</c> or <c>tcp://host:2376</c>) and, for TLS, the PEM material to reach it.</summary>
internal sealed record DockerEndpoint(Uri Uri, DockerTls? Tls = null)
{
    public static DockerEndpoint Parse(string text, DockerTls? tls = null) => new(new Uri(text), tls);

    public override string ToString() => Uri.ToString();
}

/// <summary>The engine's CA and the client's certificate and key, in PEM, decrypted only in memory.</summary>
internal sealed record DockerTls(string CaCertificate, string ClientCertificate, string ClientKey)
{
    public override string ToString() => "DockerTls { [redacted] }";
}
