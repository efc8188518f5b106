using System.Diagnostics;
using System.Globalization;
using Paddock.Bench;
using Paddock.Core.Blueprints;
using Paddock.Core.Stacks;
using Paddock.Workers.Providers.Docker;
using Paddock.Workers.Providers.Execution;

// `queue [jobs]`: enqueue-to-start latency of the job queue (see QueuePickup); otherwise the launch benchmark below.
if (args is ["queue", ..])
{
    var postgres = Environment.GetEnvironmentVariable("PADDOCK_TEST_POSTGRES") ?? throw new InvalidOperationException("Set PADDOCK_TEST_POSTGRES.");
    await QueuePickup.RunAsync(postgres, args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 50);
    return;
}

// `notify [events] [burst]`: outbox-to-webhook delivery latency and burst throughput (see DeliveryLatency).
if (args is ["notify", ..])
{
    var postgres = Environment.GetEnvironmentVariable("PADDOCK_TEST_POSTGRES") ?? throw new InvalidOperationException("Set PADDOCK_TEST_POSTGRES.");
    await DeliveryLatency.RunAsync(postgres, args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 100,
        args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 500);
    return;
}

// `designer [services] [runs]`: time to interactive of the designer on a large blueprint in headless Chromium (see DesignerOpen).
if (args is ["designer", ..])
{
    await DesignerOpen.RunAsync(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 200, args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 5);
    return;
}

// Launch N busybox services (chains of three: s2 depends on s1, s3 on s2, s5 on s4...) through the executor and through
// `docker-compose up -d` of the exported compose file, alternating, on the same engine; prints medians.
var endpoint = Environment.GetEnvironmentVariable("PADDOCK_TEST_DOCKER") ?? throw new InvalidOperationException("Set PADDOCK_TEST_DOCKER.");
var counts = args.Length > 0 ? args[0].Split(',').Select(int.Parse).ToArray() : [3, 10, 30];
var runs = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 3;

using var provider = new DockerProvider(new DockerClientFactory(), DockerEndpoint.Parse(endpoint), new DockerProviderOptions { StopTimeout = TimeSpan.FromSeconds(1) });
await LocalBaseImage.EnsureAsync(provider.Client);
var parallelism = Environment.GetEnvironmentVariable("PADDOCK_BENCH_PARALLELISM") is { Length: > 0 } p ? int.Parse(p, CultureInfo.InvariantCulture) : new ExecutorOptions().MaxParallelism;
var executor = new PlanExecutor(provider, new ExecutorOptions { MaxParallelism = parallelism });

Console.WriteLine("services | paddock median ms | compose median ms | ratio | unchanged re-apply median ms");
foreach (var count in counts)
{
    var spec = Blueprint(count);
    var ours = new List<double>();
    var compose = new List<double>();
    var reapply = new List<double>();
    for (var run = 0; run < runs; run++)
    {
        foreach (var paddockFirst in run % 2 == 0 ? new[] { true, false } : [false, true])
        {
            if (paddockFirst)
            {
                var stack = new StackIdentity(Guid.NewGuid(), $"bench-{count}-{run}");
                var desired = DesiredStateBuilder.Build(stack, BlueprintResolver.Resolve(spec, null, new Dictionary<string, string>()).Value).Value;
                var watch = Stopwatch.StartNew();
                var plan = Planner.Plan(desired, await provider.ObserveAsync(stack, default));
                var result = await executor.RunAsync(plan, desired.Secrets, null, default);
                ours.Add(watch.Elapsed.TotalMilliseconds);
                if (!result.Succeeded)
                {
                    throw new InvalidOperationException(result.Error);
                }

                watch.Restart();
                var again = Planner.Plan(desired, await provider.ObserveAsync(stack, default));
                await executor.RunAsync(again, desired.Secrets, null, default);
                reapply.Add(watch.Elapsed.TotalMilliseconds);
                await provider.DestroyAsync(stack, default);
            }
            else
            {
                var dir = Directory.CreateTempSubdirectory("paddock-bench-");
                await File.WriteAllTextAsync(Path.Combine(dir.FullName, "docker-compose.yml"), ComposeExporter.Export(spec));
                var project = $"bench{count}c{run}";
                var watch = Stopwatch.StartNew();
                await ComposeAsync(dir.FullName, project, "up", "-d");
                compose.Add(watch.Elapsed.TotalMilliseconds);
                await ComposeAsync(dir.FullName, project, "down", "-v", "-t", "0");
                dir.Delete(true);
            }
        }
    }

    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{count} | {Median(ours):F0} | {Median(compose):F0} | {Median(ours) / Median(compose):F2} | {Median(reapply):F0}"));
}

static double Median(List<double> values)
{
    var sorted = values.Order().ToList();
    return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
}

static BlueprintSpec Blueprint(int count) => new()
{
    Name = $"bench-{count}",
    Services = [.. Enumerable.Range(1, count).Select(i => new ServiceSpec
    {
        Name = $"s{i}",
        Image = LocalBaseImage.Name,
        Command = ["sleep", "3600"],
        DependsOn = i % 3 == 1 ? [] : [new DependencySpec($"s{i - 1}")],
    })],
};

static async Task ComposeAsync(string dir, string project, params string[] arguments)
{
    var start = new ProcessStartInfo("docker-compose") { WorkingDirectory = dir, RedirectStandardError = true, RedirectStandardOutput = true };
    foreach (var argument in (string[])["-p", project, .. arguments])
    {
        start.ArgumentList.Add(argument);
    }

    start.Environment["DOCKER_HOST"] = Environment.GetEnvironmentVariable("PADDOCK_TEST_DOCKER");
    using var process = Process.Start(start)!;
    var error = process.StandardError.ReadToEndAsync();
    await process.StandardOutput.ReadToEndAsync();
    await process.WaitForExitAsync();
    if (process.ExitCode != 0)
    {
        throw new InvalidOperationException($"docker-compose {string.Join(' ', arguments)} failed: {await error}");
    }
}
