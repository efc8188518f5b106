using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.EntityFrameworkCore;
using Paddock.Core.Common;

namespace Paddock.Core.Providers;

internal static class ProviderAccountRules
{
    /// <summary>Checks the settings; on success returns the TLS material to store (protected), or null for none.</summary>
    public static async Task<Result<ProtectedTls?>> ValidateAsync(IPaddockDbContext db, ISecretProtector protector, ProviderAccount? existing,
        ProviderAccountSettings settings, CancellationToken ct)
    {
        var name = settings.Name?.Trim() ?? "";
        var endpoint = settings.Endpoint?.Trim() ?? "";
        var validator = new Validator()
            .Required("name", name, "Name")
            .MaxLength("name", name, 60, "Name")
            .When(!Enum.IsDefined(settings.Kind), "kind", "Kind must be Docker.")
            .Required("endpoint", endpoint, "Endpoint");
        if (endpoint.Length > 0 && EndpointProblem(endpoint) is { } problem)
        {
            validator.Add("endpoint", problem);
        }

        if (existing is { FromConfiguration: true } && endpoint != existing.Endpoint)
        {
            validator.Add("endpoint", "This account follows the Docker:Host setting; change the endpoint there.");
        }

        if (settings.UseTls && endpoint.StartsWith("unix://", StringComparison.Ordinal))
        {
            validator.Add("useTls", "TLS applies to tcp endpoints; a unix socket is protected by file permissions.");
        }

        ProtectedTls? tls = null;
        if (settings.UseTls)
        {
            var typed = settings.Tls;
            var anyTyped = !string.IsNullOrWhiteSpace(typed?.CaCertificate) || !string.IsNullOrWhiteSpace(typed?.ClientCertificate) || !string.IsNullOrWhiteSpace(typed?.ClientKey);
            if (!anyTyped && existing is { UsesTls: true })
            {
                tls = new ProtectedTls(existing.TlsCaCertificate!, existing.TlsClientCertificate!, existing.TlsClientKey!);
            }
            else
            {
                validator
                    .Required("tls.caCertificate", typed?.CaCertificate, "The CA certificate")
                    .Required("tls.clientCertificate", typed?.ClientCertificate, "The client certificate")
                    .Required("tls.clientKey", typed?.ClientKey, "The client key");
                if (validator.IsValid)
                {
                    CheckPem(validator, typed!);
                    tls = new ProtectedTls(protector.Protect(typed!.CaCertificate!.Trim()), protector.Protect(typed.ClientCertificate!.Trim()),
                        protector.Protect(typed.ClientKey!.Trim()));
                }
            }
        }

        if (validator.ToError() is { } invalid)
        {
            return invalid;
        }

        if (await db.ProviderAccounts.AnyAsync(a => a.Id != (existing == null ? Guid.Empty : existing.Id) && a.Name == name, ct))
        {
            return ValidationError.For("name", $"A provider account named '{name}' already exists.");
        }

        return tls;
    }

    private static string? EndpointProblem(string endpoint)
    {
        if (!Uri.TryCreate(endpoint, UriKind.Absolute, out var uri))
        {
            return "Endpoint must be unix:///path/to/docker.sock or tcp://host:port.";
        }

        return uri.Scheme switch
        {
            "unix" when uri.AbsolutePath.Length > 1 => null,
            "unix" => "A unix endpoint needs the socket's absolute path, e.g. unix:///var/run/docker.sock.",
            "tcp" when !string.IsNullOrEmpty(uri.Host) && uri.Port > 0 && endpoint.IndexOf(':', 6) > 0 => null,
            "tcp" => "A tcp endpoint needs a host and a port, e.g. tcp://10.0.0.5:2376.",
            _ => $"'{uri.Scheme}' is not supported: use unix:// or tcp://.",
        };
    }

    private static void CheckPem(Validator validator, TlsMaterial tls)
    {
        try
        {
            using var ca = X509Certificate2.CreateFromPem(tls.CaCertificate);
        }
        catch (CryptographicException)
        {
            validator.Add("tls.caCertificate", "The CA certificate is not a PEM certificate (-----BEGIN CERTIFICATE-----).");
        }

        try
        {
            using var client = X509Certificate2.CreateFromPem(tls.ClientCertificate, tls.ClientKey);
        }
        catch (CryptographicException)
        {
            validator.Add("tls.clientKey", "The client certificate and key are not a matching PEM certificate and private key.");
        }
    }
}
