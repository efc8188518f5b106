using System.Formats.Tar;
using Docker.DotNet;
using Docker.DotNet.Models;

namespace Paddock.Workers.Providers.Docker;

/// <summary>
/// A tiny image built from the host's static busybox, for machines that cannot pull: imported through the engine API
/// (<c>POST /images/create?fromSrc=-</c>) from a tar made in memory. Tests and local demo stacks use it.
/// </summary>
internal static class LocalBaseImage
{
    public const string Name = "paddock/busybox:latest";

    private const string BusyboxPath = "/bin/busybox";

    private static readonly string[] Applets =
        ["sh", "ls", "cat", "echo", "sleep", "httpd", "wget", "nc", "env", "true", "false", "mkdir", "rm", "ps", "kill", "date", "hostname", "printf", "test", "grep"];

    /// <summary>Imports the image when the engine lacks it; returns its name.</summary>
    public static async Task<string> EnsureAsync(IDockerClient client, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        try
        {
            await client.Images.InspectImageAsync(Name, ct);
            return Name;
        }
        catch (DockerApiException e) when (DockerErrors.IsNotFound(e))
        {
        }

        using var tar = await BuildTarAsync(ct);
        var errors = new List<string>();
        await client.Images.CreateImageAsync(
            new ImagesCreateParameters { FromSrc = "-", Repo = "paddock/busybox", Tag = "latest" },
            tar,
            null,
            new SyncProgress(m => { if (m.Error?.Message is { } message) errors.Add(message); }),
            ct);
        return errors.Count == 0 ? Name : throw new ProviderException($"Importing {Name} failed: {errors[0]}");
    }

    private static async Task<MemoryStream> BuildTarAsync(CancellationToken ct)
    {
        if (!File.Exists(BusyboxPath))
        {
            throw new InvalidOperationException($"{BusyboxPath} is missing: install busybox-static to build {Name}.");
        }

        var stream = new MemoryStream();
        await using (var writer = new TarWriter(stream, TarEntryFormat.Pax, leaveOpen: true))
        {
            foreach (var directory in new[] { "bin", "tmp", "www", "data" })
            {
                await writer.WriteEntryAsync(new PaxTarEntry(TarEntryType.Directory, directory + "/") { Mode = Permissions("755") }, ct);
            }

            await writer.WriteEntryAsync(BusyboxPath, "bin/busybox", ct);
            foreach (var applet in Applets)
            {
                await writer.WriteEntryAsync(new PaxTarEntry(TarEntryType.SymbolicLink, $"bin/{applet}") { LinkName = "busybox", Mode = Permissions("777") }, ct);
            }

            var index = new PaxTarEntry(TarEntryType.RegularFile, "www/index.html")
            {
                Mode = Permissions("644"),
                DataStream = new MemoryStream("paddock\n"u8.ToArray()),
            };
            await writer.WriteEntryAsync(index, ct);
        }

        stream.Position = 0;
        return stream;
    }

    private static UnixFileMode Permissions(string octal) => (UnixFileMode)Convert.ToInt32(octal, 8);

    private sealed class SyncProgress(Action<JSONMessage> report) : IProgress<JSONMessage>
    {
        public void Report(JSONMessage value) => report(value);
    }
}
