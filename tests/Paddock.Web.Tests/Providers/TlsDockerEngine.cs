using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Paddock.Web.Tests.Providers;

/// <summary>
/// A second, real dockerd that only speaks tcp with <c>--tlsverify</c>: its server certificate and a client certificate are
/// signed by a CA made here, so only a client holding that client certificate (and trusting that CA) gets in.
/// </summary>
public sealed class TlsDockerEngine : IAsyncLifetime
{
    private readonly string _dir = Path.Combine(Environment.GetEnvironmentVariable("PADDOCK_TEST_DIR") ?? Path.GetTempPath(), $"tls-{Guid.NewGuid():N}"[..12]);
    private readonly string _bridge = $"pdk{Guid.NewGuid():N}"[..12];
    private Process? _dockerd;
    private bool _bridgeCreated;

    public int Port { get; } = FreePort();

    public string Endpoint => $"tcp://127.0.0.1:{Port}";

    public string CaPem { get; private set; } = "";

    public string ClientCertificatePem { get; private set; } = "";

    public string ClientKeyPem { get; private set; } = "";

    /// <summary>A certificate and key from a CA the engine does not trust.</summary>
    public string StrangerCertificatePem { get; private set; } = "";

    public string StrangerKeyPem { get; private set; } = "";

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_dir);
        var now = DateTimeOffset.UtcNow;
        using var caKey = RSA.Create(2048);
        using var ca = SelfSignedCa("Paddock test CA", caKey, now);
        using var strangerKey = RSA.Create(2048);
        using var stranger = SelfSignedCa("Some other CA", strangerKey, now);
        var (serverPem, serverKeyPem) = Issue(ca, "127.0.0.1", server: true, now);
        (ClientCertificatePem, ClientKeyPem) = Issue(ca, "paddock", server: false, now);
        (StrangerCertificatePem, StrangerKeyPem) = Issue(stranger, "paddock", server: false, now);
        CaPem = ca.ExportCertificatePem();
        await File.WriteAllTextAsync(Path.Combine(_dir, "ca.pem"), CaPem);
        await File.WriteAllTextAsync(Path.Combine(_dir, "server.pem"), serverPem);
        await File.WriteAllTextAsync(Path.Combine(_dir, "server-key.pem"), serverKeyPem);
        await File.WriteAllTextAsync(Path.Combine(_dir, "client.pem"), ClientCertificatePem);
        await File.WriteAllTextAsync(Path.Combine(_dir, "client-key.pem"), ClientKeyPem);

        // Beside the test command's engine: a bridge of its own, no iptables, its own slice of the address pool.
        // Not --bridge=none: a dockerd started with it deletes the host's docker0, which is the other engine's default
        // bridge, and every container started on that engine afterwards fails with "adding interface veth… to bridge".
        await IpAsync("link", "add", _bridge, "type", "bridge");
        _bridgeCreated = true;
        await IpAsync("addr", "add", "10.211.199.1/24", "dev", _bridge);
        await IpAsync("link", "set", _bridge, "up");
        _dockerd = Process.Start(new ProcessStartInfo("dockerd",
        [
            "--host", Endpoint, "--tlsverify", "--tlscacert", Path.Combine(_dir, "ca.pem"), "--tlscert", Path.Combine(_dir, "server.pem"),
            "--tlskey", Path.Combine(_dir, "server-key.pem"), "--data-root", Path.Combine(_dir, "data"), "--exec-root", Path.Combine(_dir, "exec"),
            "--pidfile", Path.Combine(_dir, "docker.pid"), $"--bridge={_bridge}", "--iptables=false", "--ip6tables=false",
            "--default-address-pool", "base=10.211.200.0/21,size=24",
        ])
        { RedirectStandardOutput = true, RedirectStandardError = true })!;
        _dockerd.OutputDataReceived += (_, _) => { };
        _dockerd.ErrorDataReceived += (_, _) => { };
        _dockerd.BeginOutputReadLine();
        _dockerd.BeginErrorReadLine();

        var watch = Stopwatch.StartNew();
        while (await CliAsync("version") is { ExitCode: not 0 } attempt)
        {
            if (watch.Elapsed > TimeSpan.FromSeconds(60) || _dockerd.HasExited)
            {
                throw new InvalidOperationException($"The TLS dockerd did not start: {attempt.Output}");
            }

            await Task.Delay(250);
        }
    }

    public async Task DisposeAsync()
    {
        if (_dockerd is { HasExited: false })
        {
            // SIGTERM, not SIGKILL: dockerd then stops its containers and its containerd instead of leaving them behind.
            using (var term = Process.Start("kill", ["-TERM", _dockerd.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            {
                await term.WaitForExitAsync();
            }

            using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(20));
            try
            {
                await _dockerd.WaitForExitAsync(patience.Token);
            }
            catch (OperationCanceledException)
            {
                _dockerd.Kill();
            }
        }

        _dockerd?.Dispose();
        if (_bridgeCreated)
        {
            await IpAsync("link", "delete", _bridge);
        }

        try
        {
            Directory.Delete(_dir, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    /// <summary>The docker CLI with the client certificate: an independent witness of what runs on this engine.</summary>
    public async Task<(int ExitCode, string Output)> CliAsync(params string[] arguments)
    {
        using var process = Process.Start(new ProcessStartInfo("docker",
        [
            "-H", Endpoint, "--tlsverify", "--tlscacert", Path.Combine(_dir, "ca.pem"), "--tlscert", Path.Combine(_dir, "client.pem"),
            "--tlskey", Path.Combine(_dir, "client-key.pem"), .. arguments,
        ])
        { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, (await output).Trim() + (await error).Trim());
    }

    public async Task<List<string>> ContainersOfAsync(Guid stackId)
    {
        var (code, output) = await CliAsync("ps", "-aq", "--no-trunc", "--filter", $"label=paddock.stack={stackId}");
        return code == 0 ? [.. output.Split('\n', StringSplitOptions.RemoveEmptyEntries)] : throw new InvalidOperationException(output);
    }

    private static async Task IpAsync(params string[] arguments)
    {
        using var process = Process.Start(new ProcessStartInfo("ip", arguments) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var error = process.StandardError.ReadToEndAsync();
        await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"ip {string.Join(' ', arguments)}: {(await error).Trim()}");
        }
    }

    private static X509Certificate2 SelfSignedCa(string name, RSA key, DateTimeOffset now)
    {
        var request = new CertificateRequest($"CN={name}", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        return request.CreateSelfSigned(now.AddDays(-1), now.AddDays(2));
    }

    private static (string Certificate, string Key) Issue(X509Certificate2 ca, string name, bool server, DateTimeOffset now)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest($"CN={name}", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, false));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(
            [server ? new Oid("1.3.6.1.5.5.7.3.1") : new Oid("1.3.6.1.5.5.7.3.2")], false));
        if (server)
        {
            var names = new SubjectAlternativeNameBuilder();
            names.AddIpAddress(IPAddress.Loopback);
            names.AddDnsName("localhost");
            request.CertificateExtensions.Add(names.Build());
        }

        using var certificate = request.Create(ca, now.AddDays(-1), now.AddDays(1), RandomNumberGenerator.GetBytes(12));
        return (certificate.ExportCertificatePem(), key.ExportPkcs8PrivateKeyPem());
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
