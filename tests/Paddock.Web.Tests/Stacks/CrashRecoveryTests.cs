using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;
using System.Text;
using Microsoft.AspNetCore.Hosting;
using Paddock.Testing;
using Xunit.Abstractions;

namespace Paddock.Web.Tests.Stacks;

/// <summary>Paddock's web app without its embedded job server: operations wait for a worker host, which the test starts and kills.</summary>
public sealed class WorkerlessWebFactory : PaddockWebFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Paddock:Jobs:Embedded", "false");
    }
}

/// <summary>
/// The process running a launch dies (kill -9) halfway through 10 services; a new worker host picks the job up again once
/// its lease lapses, re-observes the engine and converges: every service running once, nothing duplicated, nothing left after destroy.
/// </summary>
public sealed class CrashRecoveryTests(WorkerlessWebFactory factory, ITestOutputHelper output) : IClassFixture<WorkerlessWebFactory>, IDisposable
{
    private const int Services = 10;
    private readonly List<WorkerHost> _workers = [];

    [Fact]
    public async Task A_worker_killed_in_the_middle_of_a_ten_service_launch_is_replaced_and_the_stack_converges_without_duplicates_or_orphans()
    {
        var admin = await factory.SignInAsAdminAsync();
        var projectId = await PaddockWebFactory.CreateProjectAsync(admin, PaddockWebFactory.UniqueName("crash"));
        var environmentId = await PaddockWebFactory.CreateEnvironmentAsync(admin, projectId, "test");
        var blueprintId = await StackApi.CreateBlueprintAsync(admin, projectId, "chain", Chain(Services));
        var stackId = await StackApi.LaunchAsync(admin, projectId, environmentId, blueprintId);

        var first = Start();
        var watch = Stopwatch.StartNew();
        while ((await Docker.ContainersOfAsync(stackId)).Count < 3)
        {
            first.HasExited.ShouldBeFalse(first.Output);
            watch.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(90), "the first worker never got going: " + first.Output);
            await Task.Delay(100);
        }

        output.WriteLine($"first worker: {watch.Elapsed.TotalSeconds:0.0} s to 3 containers");
        first.KillHard();
        var atCrash = await Docker.ContainersOfAsync(stackId);
        atCrash.Count.ShouldBeLessThan(Services, "the launch had finished before the worker was killed");
        var stuck = (await admin.GetFromJsonAsync<StackApi.StackBody>(StackApi.StackUrl(projectId, stackId)))!;
        stuck.Operations[0].Status.ShouldBe("Running");

        var second = Start();
        watch.Restart();
        var converged = await StackApi.WaitForAsync(admin, projectId, stackId, "Running", TimeSpan.FromSeconds(120));
        output.WriteLine($"second worker: {watch.Elapsed.TotalSeconds:0.0} s to converge");

        converged.Operations.ShouldHaveSingleItem().Status.ShouldBe("Succeeded");
        var names = (await Docker.RunAsync("ps", "-a", "--filter", $"label=paddock.stack={stackId}", "--format", "{{.Label \"paddock.resource\"}} {{.State}}"))
            .Split('\n', StringSplitOptions.RemoveEmptyEntries);
        names.Length.ShouldBe(Services);
        names.ShouldAllBe(line => line.EndsWith(" running", StringComparison.Ordinal));
        names.Select(line => line.Split(' ')[0]).ShouldBe(Enumerable.Range(1, Services).Select(i => $"s{i}-1"), ignoreOrder: true);
        (await Docker.RunAsync("network", "ls", "-q", "--filter", $"label=paddock.stack={stackId}")).Split('\n').Length.ShouldBe(1);

        watch.Restart();
        await StackApi.RequestAsync(admin, projectId, stackId, "Destroy");
        await StackApi.WaitForAsync(admin, projectId, stackId, "Destroyed");
        output.WriteLine($"destroy: {watch.Elapsed.TotalSeconds:0.0} s");
        (await Docker.ContainersOfAsync(stackId)).ShouldBeEmpty();
        (await Docker.RunAsync("network", "ls", "-q", "--filter", $"label=paddock.stack={stackId}")).ShouldBeEmpty();
        (await Docker.RunAsync("volume", "ls", "-q", "--filter", $"label=paddock.stack={stackId}")).ShouldBeEmpty();
        second.HasExited.ShouldBeFalse(second.Output);
    }

    public void Dispose()
    {
        foreach (var worker in _workers)
        {
            worker.Dispose();
        }
    }

    /// <summary>A chain s1 &lt;- s2 &lt;- ... each waiting for the previous one to be healthy: slow enough to be killed halfway.</summary>
    private static string Chain(int count)
    {
        var yaml = new StringBuilder("apiVersion: paddock/v1\nkind: Blueprint\nservices:\n");
        for (var i = 1; i <= count; i++)
        {
            yaml.Append(System.Globalization.CultureInfo.InvariantCulture, $"  s{i}:\n    image: paddock/busybox:latest\n    command: [sleep, \"3600\"]\n");
            yaml.Append("    healthcheck: { command: [\"true\"], interval: 1s, retries: 3 }\n");
            if (i > 1)
            {
                yaml.Append(System.Globalization.CultureInfo.InvariantCulture, $"    depends_on: {{ s{i - 1}: healthy }}\n");
            }
        }

        return yaml.ToString();
    }

    private WorkerHost Start()
    {
        var worker = new WorkerHost(factory.ConnectionString);
        _workers.Add(worker);
        return worker;
    }

    /// <summary>src/Workers' own host as a child process, on the test's database and engine, with a short job lease.</summary>
    private sealed class WorkerHost : IDisposable
    {
        private readonly Process _process;
        private readonly ConcurrentQueue<string> _output = new();

        public WorkerHost(string connectionString)
        {
            var info = new ProcessStartInfo("dotnet", [WorkerDll()]) { RedirectStandardOutput = true, RedirectStandardError = true };
            info.Environment["ConnectionStrings__Paddock"] = connectionString;
            info.Environment["Docker__Host"] = Environment.GetEnvironmentVariable("PADDOCK_TEST_DOCKER");
            info.Environment["Paddock__Jobs__InvisibilityTimeoutSeconds"] = "5";
            info.Environment["Paddock__Jobs__WorkerCount"] = "2";
            info.Environment["Logging__LogLevel__Default"] = "Warning";
            info.Environment["DOTNET_ENVIRONMENT"] = "Development";
            _process = Process.Start(info)!;
            _process.OutputDataReceived += (_, e) => Keep(e.Data);
            _process.ErrorDataReceived += (_, e) => Keep(e.Data);
            _process.BeginOutputReadLine();
            _process.BeginErrorReadLine();
        }

        public bool HasExited => _process.HasExited;

        public string Output => string.Join('\n', _output);

        /// <summary>SIGKILL: no shutdown hook runs, exactly like a crash or a lost node.</summary>
        public void KillHard()
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        public void Dispose()
        {
            if (!_process.HasExited)
            {
                KillHard();
            }

            _process.Dispose();
        }

        private static string WorkerDll()
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Platform.sln")))
            {
                dir = dir.Parent;
            }

            var configuration = AppContext.BaseDirectory.Contains("/Release/", StringComparison.Ordinal) ? "Release" : "Debug";
            var dll = Path.Combine(dir?.FullName ?? throw new InvalidOperationException("Platform.sln not found above the test binaries."),
                "src", "Workers", "bin", configuration, "net10.0", "Paddock.Workers.dll");
            return File.Exists(dll) ? dll : throw new FileNotFoundException("Build src/Workers first (the test project's build does).", dll);
        }

        private void Keep(string? line)
        {
            if (line is null)
            {
                return;
            }

            _output.Enqueue(line);
            while (_output.Count > 200 && _output.TryDequeue(out _))
            {
            }
        }
    }
}
