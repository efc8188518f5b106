using System.Net.Http;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using Docker.DotNet;
using Docker.DotNet.Handler.Abstractions;
using Microsoft.Net.Http.Client;

namespace Paddock.Workers.Providers.Docker;

/// <summary>Unix sockets and plain tcp through the library's default transport; tcp with TLS client certificates verified against the account's CA.</summary>
internal sealed class DockerClientFactory : IDockerClientFactory
{
    public IDockerClient Create(DockerEndpoint endpoint)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        var builder = new DockerClientBuilder().WithEndpoint(endpoint.Uri);
        if (endpoint.Tls is { } tls)
        {
            builder = builder.WithAuthProvider(new TlsAuthProvider(tls));
        }

        return builder.Build();
    }

    /// <summary>
    /// What <c>docker --tlsverify</c> does: present the client certificate, and trust the engine only when its certificate
    /// chains to the account's CA (not the machine's store) and names the host we dialled.
    /// </summary>
    private sealed class TlsAuthProvider : IAuthProvider
    {
        private readonly X509Certificate2 _ca;
        private readonly X509Certificate2 _client;

        public TlsAuthProvider(DockerTls tls)
        {
            _ca = X509Certificate2.CreateFromPem(tls.CaCertificate);
            // Re-imported from PKCS#12 so the private key is usable by SslStream on every platform, not only as an ephemeral key.
            using var pem = X509Certificate2.CreateFromPem(tls.ClientCertificate, tls.ClientKey);
            _client = X509CertificateLoader.LoadPkcs12(pem.Export(X509ContentType.Pkcs12), null);
        }

        public bool TlsEnabled => true;

        public HttpMessageHandler ConfigureHandler(HttpMessageHandler handler)
        {
            switch (handler)
            {
                case SocketsHttpHandler sockets:
                    sockets.SslOptions.ClientCertificates = new X509CertificateCollection { _client };
                    sockets.SslOptions.RemoteCertificateValidationCallback = Validate;
                    break;
                case ManagedHandler managed:
                    managed.ClientCertificates = new X509CertificateCollection { _client };
                    managed.ServerCertificateValidationCallback = Validate;
                    break;
            }

            return handler;
        }

        private bool Validate(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
        {
            if (certificate is null || errors.HasFlag(SslPolicyErrors.RemoteCertificateNameMismatch) || errors.HasFlag(SslPolicyErrors.RemoteCertificateNotAvailable))
            {
                return false;
            }

            using var custom = new X509Chain();
            custom.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
            custom.ChainPolicy.CustomTrustStore.Add(_ca);
            custom.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
            using var presented = new X509Certificate2(certificate);
            return custom.Build(presented);
        }
    }
}
