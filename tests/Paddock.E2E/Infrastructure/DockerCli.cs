using System.Diagnostics;

namespace Paddock.E2E.Infrastructure;

/// <summary>The docker CLI against the test command's private engine: an independent witness of what the UI asked for.</summary>
public static class DockerCli
{
    private static string Host => Environment.GetEnvironmentVariable("PADDOCK_TEST_DOCKER")
        ?? throw new InvalidOperationException("PADDOCK_TEST_DOCKER is not set: run the tests with scripts/test.sh, which starts a private Docker engine.");

    public static async Task<List<string>> ContainersOfAsync(Guid stackId) =>
        [.. (await RunAsync("ps", "-aq", "--filter", $"label=paddock.stack={stackId}")).Split('\n', StringSplitOptions.RemoveEmptyEntries)];

    public static async Task<string> RunAsync(params string[] arguments)
    {
        using var process = Process.Start(new ProcessStartInfo("docker", ["-H", Host, .. arguments]) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var output = await process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return process.ExitCode == 0 ? output.Trim() : throw new InvalidOperationException($"docker {string.Join(' ', arguments)}: {error}");
    }
}
