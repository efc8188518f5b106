using System.Diagnostics;

namespace Paddock.Web.Hosting;

/// <summary>
/// The engine a newcomer gets: <c>Docker:Host</c> when set, else the machine's engine, else a private dockerd in
/// Paddock's data folder (root only), started with Paddock and stopped with it.
/// </summary>
internal sealed class EmbeddedDocker
{
    private const string MachineSocket = "/var/run/docker.sock";
    private readonly Process _process;

    private EmbeddedDocker(Process process, string host)
    {
        _process = process;
        Host = host;
    }

    public string Host { get; }

    /// <summary>Returns the private engine it started, or null when an engine is configured, present, or cannot be started here.</summary>
    public static async Task<EmbeddedDocker?> StartIfNeededAsync(IConfiguration configuration, ILogger logger, CancellationToken ct)
    {
        if (configuration["Docker:Host"] is { Length: > 0 } || File.Exists(MachineSocket))
        {
            return null;
        }

        if (Environment.UserName != "root" || !OnPath("dockerd"))
        {
            logger.LogWarning("No Docker engine: set Docker:Host, or install docker.io (scripts/install-deps.sh) and run as root for a private one.");
            return null;
        }

        var root = Path.GetFullPath(Path.Combine(configuration["Paddock:DataDirectory"] ?? ".paddock", "docker"));
        Directory.CreateDirectory(root);
        var socket = Path.Combine(root, "docker.sock");
        var start = new ProcessStartInfo("dockerd",
        [
            "--host", $"unix://{socket}", "--data-root", Path.Combine(root, "data"), "--exec-root", Path.Combine(root, "exec"),
            "--pidfile", Path.Combine(root, "docker.pid"),
            // One network per stack: Docker's default pools hold only about 30 networks; /24s from a /16 hold 256.
            "--default-address-pool", configuration["Paddock:Docker:AddressPool"] ?? "base=10.200.0.0/16,size=24",
        ])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        logger.LogInformation("Starting a private Docker engine at unix://{Socket}", socket);
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        for (var i = 0; i < 150 && !File.Exists(socket); i++)
        {
            await Task.Delay(200, ct);
        }

        return new EmbeddedDocker(process, $"unix://{socket}");
    }

    public void Stop()
    {
        if (_process.HasExited)
        {
            return;
        }

        // dockerd stops its containers and cleans up on SIGTERM.
        Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])?.WaitForExit();
        _process.WaitForExit(TimeSpan.FromSeconds(20));
    }

    private static bool OnPath(string tool) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Any(dir => File.Exists(Path.Combine(dir, tool)));
}
