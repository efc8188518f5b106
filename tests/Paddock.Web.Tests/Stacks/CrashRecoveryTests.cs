using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;
using System.Text;
using Npgsql;
using Paddock.Testing;
using Xunit.Abstractions;

namespace Paddock.Web.Tests.Stacks;

/// <summary>
/// The process running a launch dies (kill -9) halfway through 10 services; a new worker host picks the job up again once
/// its lease lapses, re-observes the engine and converges: every service running once, nothing duplicated, nothing left after destroy.
/// </summary>
/// <remarks>
/// The web app runs as a child process too (jobs not embedded), on a database of its own: a second in-process host
/// would share Hangfire's and Npgsql's process-wide state with the other tests' host.
/// </remarks>
public sealed class CrashRecoveryTests(ITestOutputHelper output) : IAsyncLifetime, IDisposable
{
    private const int Services = 10;
    private readonly List<ChildHost> _hosts = [];
    private readonly string _database = $"paddock_crash_{Guid.NewGuid():N}";
    private string _connectionString = "";
    private HttpClient _web = null!;

    public async Task InitializeAsync()
    {
        await ServerSqlAsync($"CREATE DATABASE \"{_database}\"");
        _connectionString = new NpgsqlConnectionStringBuilder(TestDatabase.Server) { Database = _database }.ConnectionString;
        var port = FreePort();
        var web = Start("Web", new()
        {
            ["Paddock__Urls"] = $"http://127.0.0.1:{port}",
            ["Paddock__Jobs__Embedded"] = "false",
            ["Paddock__Admin__Email"] = PaddockWebFactory.AdminEmail,
            ["Paddock__Admin__Password"] = PaddockWebFactory.AdminPassword,
            ["Paddock__Sample"] = "false",
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
        });
        _web = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new System.Net.CookieContainer() })
        {
            BaseAddress = new Uri($"http://127.0.0.1:{port}"),
        };
        var watch = Stopwatch.StartNew();
        while (!await LiveAsync())
        {
            web.HasExited.ShouldBeFalse(web.Output);
            watch.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(90), "the web app did not start: " + web.Output);
            await Task.Delay(250);
        }

        (await PaddockWebFactory.PostSignInAsync(_web, PaddockWebFactory.AdminEmail, PaddockWebFactory.AdminPassword)).StatusCode.ShouldBe(System.Net.HttpStatusCode.Redirect);
    }

    public async Task DisposeAsync()
    {
        foreach (var host in _hosts)
        {
            host.Dispose();
        }

        await ServerSqlAsync($"DROP DATABASE IF EXISTS \"{_database}\" WITH (FORCE)");
    }

    [Fact]
    public async Task A_worker_killed_in_the_middle_of_a_ten_service_launch_is_replaced_and_the_stack_converges_without_duplicates_or_orphans()
    {
        var admin = _web;
        var projectId = await PaddockWebFactory.CreateProjectAsync(admin, PaddockWebFactory.UniqueName("crash"));
        var environmentId = await PaddockWebFactory.CreateEnvironmentAsync(admin, projectId, "test");
        var blueprintId = await StackApi.CreateBlueprintAsync(admin, projectId, "chain", Chain(Services));
        var stackId = await StackApi.LaunchAsync(admin, projectId, environmentId, blueprintId);

        var first = StartWorker();
        var watch = Stopwatch.StartNew();
        // New containers are created up front; the launch is halfway when some of them run.
        while ((await RunningAsync(stackId)).Count < 3)
        {
            first.HasExited.ShouldBeFalse(first.Output);
            watch.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(90), "the first worker never got going: " + first.Output);
            await Task.Delay(100);
        }

        output.WriteLine($"first worker: {watch.Elapsed.TotalSeconds:0.0} s to 3 containers");
        first.KillHard();
        var atCrash = await RunningAsync(stackId);
        atCrash.Count.ShouldBeLessThan(Services, "the launch had finished before the worker was killed");
        output.WriteLine($"at the crash: {atCrash.Count} running, {(await Docker.ContainersOfAsync(stackId)).Count} created");
        var stuck = (await admin.GetFromJsonAsync<StackApi.StackBody>(StackApi.StackUrl(projectId, stackId)))!;
        stuck.Operations[0].Status.ShouldBe("Running");

        var second = StartWorker();
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

    public void Dispose() => _web?.Dispose();

    private static async Task<List<string>> RunningAsync(Guid stackId) =>
        [.. (await Docker.RunAsync("ps", "-q", "--filter", $"label=paddock.stack={stackId}", "--filter", "status=running")).Split('\n', StringSplitOptions.RemoveEmptyEntries)];

    private static async Task ServerSqlAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(TestDatabase.Server) { Database = "postgres", Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    private async Task<bool> LiveAsync()
    {
        try
        {
            return (await _web.GetAsync(new Uri("/health/live", UriKind.Relative))).IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }

    /// <summary>A chain s1 &lt;- s2 &lt;- ... each waiting for the previous one to be healthy: slow enough to be killed halfway.</summary>
    private static string Chain(int count)
    {
        var yaml = new StringBuilder("apiVersion: paddock/v1\nkind: Blueprint\nservices:\n");
        for (var i = 1; i <= count; i++)
        {
            yaml.Append(System.Globalization.CultureInfo.InvariantCulture, $"  s{i}:\n    image: paddock/busybox:latest\n    command: [sleep, \"3600\"]\n");
            // Tolerant checks: on a loaded machine an exec of `true` can time out, and this test is about the crash, not health.
            yaml.Append("    healthcheck: { command: [\"true\"], interval: 1s, timeout: 10s, retries: 10, start_period: 30s }\n");
            if (i > 1)
            {
                yaml.Append(System.Globalization.CultureInfo.InvariantCulture, $"    depends_on: {{ s{i - 1}: healthy }}\n");
            }
        }

        return yaml.ToString();
    }

    /// <summary>src/Workers' own host, with a short job lease.</summary>
    private ChildHost StartWorker() => Start("Workers", new() { ["Paddock__Jobs__InvisibilityTimeoutSeconds"] = "5", ["DOTNET_ENVIRONMENT"] = "Development" });

    private ChildHost Start(string project, Dictionary<string, string> settings)
    {
        var host = new ChildHost(project, new Dictionary<string, string>(settings)
        {
            ["ConnectionStrings__Paddock"] = _connectionString,
            ["Docker__Host"] = Environment.GetEnvironmentVariable("PADDOCK_TEST_DOCKER")!,
            ["Paddock__Jobs__WorkerCount"] = "2",
            ["Logging__LogLevel__Default"] = "Warning",
        });
        _hosts.Add(host);
        return host;
    }

    /// <summary>One of Paddock's own hosts (src/Web or src/Workers, as built) as a child process on the test's database and engine.</summary>
    private sealed class ChildHost : IDisposable
    {
        private readonly Process _process;
        private readonly ConcurrentQueue<string> _output = new();

        public ChildHost(string project, Dictionary<string, string> settings)
        {
            var info = new ProcessStartInfo("dotnet", [Dll(project)]) { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var (key, value) in settings)
            {
                info.Environment[key] = value;
            }

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

        private static string Dll(string project)
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Platform.sln")))
            {
                dir = dir.Parent;
            }

            var configuration = AppContext.BaseDirectory.Contains("/Release/", StringComparison.Ordinal) ? "Release" : "Debug";
            var dll = Path.Combine(dir?.FullName ?? throw new InvalidOperationException("Platform.sln not found above the test binaries."),
                "src", project, "bin", configuration, "net10.0", $"Paddock.{project}.dll");
            return File.Exists(dll) ? dll : throw new FileNotFoundException($"Build src/{project} first (the test project's build does).", dll);
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
