namespace Paddock.Core.Providers;

/// <summary>An account as the API and pages show it: whether TLS is used, never the certificates or key.</summary>
public sealed record ProviderAccountDto(Guid Id, string Name, ProviderKind Kind, string Endpoint, bool UsesTls, bool IsDefault, bool FromConfiguration,
    int EnvironmentCount, DateTimeOffset CreatedAt, uint Version)
{
    public static ProviderAccountDto From(ProviderAccount a, int environments) =>
        new(a.Id, a.Name, a.Kind, a.Endpoint, a.UsesTls, a.IsDefault, a.FromConfiguration, environments, a.CreatedAt, a.Version);
}

/// <summary>What an environment's account picker needs: no endpoint, no secrets.</summary>
public sealed record ProviderAccountChoice(Guid Id, string Name, ProviderKind Kind, bool IsDefault);

/// <summary>The connectivity test's answer: the engine's version when it answered, else the reason it did not.</summary>
public sealed record ConnectivityResult(bool Reachable, string? EngineVersion, string? ApiVersion, string? OperatingSystem, string? Error, double ElapsedMs);

/// <summary>
/// Settings of a new or changed account. <paramref name="Tls"/> null keeps what is stored (on update); <paramref name="UseTls"/>
/// false removes stored certificates.
/// </summary>
public sealed record ProviderAccountSettings(string Name, ProviderKind Kind, string Endpoint, bool UseTls, TlsMaterial? Tls, bool IsDefault = false);
