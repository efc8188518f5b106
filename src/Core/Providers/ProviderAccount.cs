using Paddock.Core.Audit;

namespace Paddock.Core.Providers;

/// <summary>What kind of target an account reaches. Swarm and EC2 accounts come later, with their own connection fields.</summary>
public enum ProviderKind
{
    Docker,
}

/// <summary>
/// A target stacks run on: for Docker, one engine by unix socket, tcp, or tcp with TLS client certificates. Environments
/// bind to one account. The certificates are stored encrypted (Data Protection) and never leave the server.
/// </summary>
public sealed class ProviderAccount : IAudited
{
    private ProviderAccount()
    {
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();

    public string Name { get; private set; } = "";

    public ProviderKind Kind { get; private set; }

    /// <summary><c>unix:///var/run/docker.sock</c> or <c>tcp://host:2376</c>.</summary>
    public string Endpoint { get; private set; } = "";

    /// <summary>The CA that signed the engine's certificate, protected; null without TLS.</summary>
    [AuditRedacted]
    public string? TlsCaCertificate { get; private set; }

    [AuditRedacted]
    public string? TlsClientCertificate { get; private set; }

    [AuditRedacted]
    public string? TlsClientKey { get; private set; }

    /// <summary>The account environments use when they name none; seeded from <c>Docker:Host</c> at start.</summary>
    public bool IsDefault { get; private set; }

    /// <summary>Seeded from <c>Docker:Host</c>: its endpoint follows that setting at every start, so it is not edited here.</summary>
    public bool FromConfiguration { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    [AuditIgnored]
    public uint Version { get; private set; }

    public bool UsesTls => TlsClientCertificate is not null;

    Guid? IAudited.AuditProjectId => null;

    public static ProviderAccount Create(string name, ProviderKind kind, string endpoint, ProtectedTls? tls, DateTimeOffset now)
    {
        var account = new ProviderAccount { Name = name.Trim(), Kind = kind, Endpoint = endpoint.Trim(), CreatedAt = now };
        account.UseTls(tls);
        return account;
    }

    public static ProviderAccount FromDockerHost(string endpoint, DateTimeOffset now)
    {
        var account = Create("local", ProviderKind.Docker, endpoint, null, now);
        account.IsDefault = true;
        account.FromConfiguration = true;
        return account;
    }

    public void Rename(string name) => Name = name.Trim();

    public void MoveTo(string endpoint) => Endpoint = endpoint.Trim();

    public void UseTls(ProtectedTls? tls)
    {
        TlsCaCertificate = tls?.CaCertificate;
        TlsClientCertificate = tls?.ClientCertificate;
        TlsClientKey = tls?.ClientKey;
    }

    public void MakeDefault(bool isDefault) => IsDefault = isDefault;
}

/// <summary>TLS material as stored: each PEM protected by <see cref="Common.ISecretProtector"/>.</summary>
public sealed record ProtectedTls(string CaCertificate, string ClientCertificate, string ClientKey);

/// <summary>TLS material as typed (PEM). Lives only for the request that carries it.</summary>
public sealed record TlsMaterial(string? CaCertificate, string? ClientCertificate, string? ClientKey);
