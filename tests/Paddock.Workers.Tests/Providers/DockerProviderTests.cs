using System.Diagnostics;
using Docker.DotNet.Models;
using Paddock.Core.Blueprints;
using Paddock.Core.Stacks;
using Paddock.Workers.Providers;
using Paddock.Workers.Providers.Docker;
using Paddock.Workers.Providers.Execution;

namespace Paddock.Workers.Tests.Providers;

[Collection(DockerCollection.Name)]
public sealed class DockerProviderTests(DockerEngine engine) : IAsyncLifetime
{
    private readonly DockerProvider _provider = engine.CreateProvider();
    private readonly StackIdentity _stack = TestStack.NewIdentity("stack");

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await _provider.DestroyAsync(_stack, CancellationToken.None);
        _provider.Dispose();
    }

    [Fact]
    public async Task Launch_runs_every_service_in_order_with_labels_secrets_and_a_local_port()
    {
        var log = new StepLog();
        var (plan, result) = await ApplyAsync(TestStack.Blueprint(), log);

        result.Error.ShouldBeNull();
        result.Succeeded.ShouldBeTrue();
        plan.Count(ChangeAction.Create).ShouldBe(5);
        var observed = await _provider.ObserveAsync(_stack, default);
        observed.Resources.Select(r => r.Name).Order().ShouldBe(["api-1", "db-1", "network", "volume/data", "web-1"]);
        observed.Containers.ShouldAllBe(c => c.State == ResourceState.Running);
        observed.Resources.Single(r => r.Name == "db-1").Health.ShouldBe(HealthState.Healthy);
        log.Events.Where(e => e.Status == StepStatus.Waiting).Select(e => e.Resource).ShouldContain("db-1");
        log.Events.First(e => e.Resource == "api-1" && e.Status == StepStatus.Started).At
            .ShouldBeGreaterThanOrEqualTo(log.Events.First(e => e.Resource == "db-1" && e.Status == StepStatus.Succeeded).At);

        var api = await _provider.Client.Containers.InspectContainerAsync(DockerNames.Container(_stack, "api-1"));
        var labels = api.Config!.Labels;
        labels[DockerLabels.Stack].ShouldBe(_stack.Id.ToString("D"));
        labels[DockerLabels.Resource].ShouldBe("api-1");
        labels[DockerLabels.Service].ShouldBe("api");
        labels[DockerLabels.SpecHash].ShouldBe(plan.Changes.Single(c => c.Resource == "api-1").Desired!.SpecHash);
        api.Config.Env.ShouldContain($"DB_PASSWORD={TestStack.Secret}");
        api.HostConfig!.NanoCPUs.ShouldBe(500_000_000);
        api.HostConfig.Memory.ShouldBe(64L << 20);
        api.HostConfig!.RestartPolicy!.Name.ShouldBe(RestartPolicyKind.UnlessStopped);
        plan.Changes.Single(c => c.Resource == "api-1").Desired!.Container!.Environment["DB_PASSWORD"].ShouldBe(ResolvedBlueprint.Mask);

        var web = await _provider.Client.Containers.InspectContainerAsync(DockerNames.Container(_stack, "web-1"));
        var binding = web.NetworkSettings!.Ports!["8080/tcp"].ShouldHaveSingleItem();
        binding.HostIP.ShouldBe("127.0.0.1");
        using var http = new HttpClient();
        (await http.GetStringAsync($"http://127.0.0.1:{binding.HostPort}/")).ShouldBe("paddock\n");

        var byName = await _provider.ExecAsync(_stack, "web-1", ["wget", "-q", "-O-", "http://db/"], default);
        byName.ShouldSatisfyAllConditions(r => r.ExitCode.ShouldBe(0), r => r.Output.ShouldBe("paddock\n"));
    }

    [Fact]
    public async Task Reapplying_an_unchanged_stack_plans_noops_and_touches_nothing()
    {
        var spec = TestStack.Blueprint();
        await ApplyAsync(spec);
        var before = await _provider.ObserveAsync(_stack, default);

        var counting = new CountingProvider(_provider);
        var watch = Stopwatch.StartNew();
        var observed = await counting.ObserveAsync(_stack, default);
        var plan = Planner.Plan(TestStack.Desired(_stack, spec), observed);
        var result = await new PlanExecutor(counting).RunAsync(plan, StackSecrets.None, null, default);
        watch.Stop();

        plan.HasChanges.ShouldBeFalse();
        result.Succeeded.ShouldBeTrue();
        counting.Applies.ShouldBe(0);
        var after = await _provider.ObserveAsync(_stack, default);
        after.Resources.Select(r => (r.Name, r.ProviderId, r.CreatedAt)).Order().ShouldBe(before.Resources.Select(r => (r.Name, r.ProviderId, r.CreatedAt)).Order());
        watch.ElapsedMilliseconds.ShouldBeLessThan(1000);
    }

    [Fact]
    public async Task Changing_one_service_replaces_only_that_service()
    {
        await ApplyAsync(TestStack.Blueprint());
        var before = Ids(await _provider.ObserveAsync(_stack, default));

        var web = TestStack.Web() with { Command = ["httpd", "-f", "-p", "8080", "-h", "/tmp"] };
        var (plan, result) = await ApplyAsync(TestStack.Blueprint(TestStack.Db(), TestStack.Api(), web));

        result.Succeeded.ShouldBeTrue(result.Error);
        plan.Changes.Where(c => c.Action != ChangeAction.NoOp).ShouldHaveSingleItem().ShouldSatisfyAllConditions(
            c => c.Action.ShouldBe(ChangeAction.Replace),
            c => c.Resource.ShouldBe("web-1"),
            c => c.Reason.ShouldBe("command changed"));
        var after = Ids(await _provider.ObserveAsync(_stack, default));
        after["web-1"].ShouldNotBe(before["web-1"]);
        after.Where(p => p.Key != "web-1").ShouldBe(before.Where(p => p.Key != "web-1"), ignoreOrder: true);
    }

    [Fact]
    public async Task A_service_scales_up_and_down()
    {
        await ApplyAsync(TestStack.Blueprint(TestStack.Db(), TestStack.Api()));

        var (up, upResult) = await ApplyAsync(TestStack.Blueprint(TestStack.Db(), TestStack.Api(replicas: 2)));
        upResult.Succeeded.ShouldBeTrue(upResult.Error);
        up.Changes.Where(c => c.Action != ChangeAction.NoOp).Select(c => $"{c.Action} {c.Resource}").ShouldBe(["Create api-2"]);
        (await _provider.ObserveAsync(_stack, default)).Containers.Count(c => c.Service == "api" && c.State == ResourceState.Running).ShouldBe(2);

        var (down, downResult) = await ApplyAsync(TestStack.Blueprint(TestStack.Db(), TestStack.Api()));
        downResult.Succeeded.ShouldBeTrue(downResult.Error);
        down.Changes.Where(c => c.Action != ChangeAction.NoOp).Select(c => $"{c.Action} {c.Resource}: {c.Reason}").ShouldBe(["Delete api-2: scaled down to 1 replica"]);
        (await _provider.ObserveAsync(_stack, default)).Containers.Select(c => c.Name).Order().ShouldBe(["api-1", "db-1"]);
    }

    [Fact]
    public async Task A_bad_image_fails_the_step_with_the_engine_message_and_rollback_leaves_nothing()
    {
        var api = TestStack.Api() with { Image = "127.0.0.1:1/paddock/missing:1" };
        var spec = TestStack.Blueprint(TestStack.Db(), api, TestStack.Web());

        var (plan, result) = await ApplyAsync(spec);

        result.Succeeded.ShouldBeFalse();
        result.FailedChange!.Resource.ShouldBe("api-1");
        result.Error!.ShouldContain("api-1: Pulling 127.0.0.1:1/paddock/missing:1 failed");
        result.Error!.ShouldContain("connection refused");
        // Containers are created up front; what depends on the failed api never starts.
        var left = await _provider.ObserveAsync(_stack, default);
        left.Containers.ShouldNotContain(c => c.Name == "api-1");
        left.Containers.Where(c => c.State == ResourceState.Running).Select(c => c.Name).ShouldBeSubsetOf(["db-1"]);

        var rollback = await new PlanExecutor(_provider).RollbackAsync(plan, null, default);

        rollback.Succeeded.ShouldBeTrue(rollback.Error);
        (await _provider.ObserveAsync(_stack, default)).Resources.ShouldBeEmpty();
        (await Labelled()).ShouldBe((0, 0, 0));
    }

    [Fact]
    public async Task Destroy_removes_every_object_with_the_stack_label()
    {
        await ApplyAsync(TestStack.Blueprint(TestStack.Db(), TestStack.Api(replicas: 2)));
        (await Labelled()).ShouldBe((3, 1, 1));

        var watch = Stopwatch.StartNew();
        await _provider.DestroyAsync(_stack, default);

        watch.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(5));
        (await Labelled()).ShouldBe((0, 0, 0));
    }

    [Fact]
    public async Task Two_destroys_at_once_both_succeed_and_leave_nothing()
    {
        // A stack's destroy and another node's orphan sweep can remove the same containers at the same moment.
        await ApplyAsync(TestStack.Blueprint(TestStack.Db(), TestStack.Api(replicas: 3)));
        using var other = engine.CreateProvider();

        await Task.WhenAll(_provider.DestroyAsync(_stack, default), other.DestroyAsync(_stack, default));

        (await Labelled()).ShouldBe((0, 0, 0));
    }

    [Fact]
    public async Task An_installation_labels_what_it_makes_and_lists_only_its_own_and_unlabelled_stacks()
    {
        var ours = Guid.NewGuid();
        using var provider = engine.CreateProvider(ours);
        using var theirs = engine.CreateProvider(Guid.NewGuid());
        var theirStack = TestStack.NewIdentity("theirs");
        var legacy = TestStack.NewIdentity("legacy");
        try
        {
            var spec = TestStack.Blueprint(TestStack.Db());
            await LaunchAsync(provider, _stack, spec);
            await LaunchAsync(theirs, theirStack, spec);
            await LaunchAsync(_provider, legacy, spec);

            var db = await provider.Client.Containers.InspectContainerAsync(DockerNames.Container(_stack, "db-1"));
            db.Config!.Labels[DockerLabels.Installation].ShouldBe(ours.ToString("D"));
            var listed = (await provider.ListStacksAsync(default)).Select(s => s.Id).ToList();
            listed.ShouldContain(_stack.Id);
            listed.ShouldContain(legacy.Id, "objects made before the label existed are still this installation's to sweep");
            listed.ShouldNotContain(theirStack.Id);
        }
        finally
        {
            await theirs.DestroyAsync(theirStack, default);
            await provider.DestroyAsync(legacy, default);
        }
    }

    [Fact]
    public async Task Destroy_plan_stops_dependents_first()
    {
        var spec = TestStack.Blueprint();
        await ApplyAsync(spec);
        var plan = Planner.Plan(PlanKind.Destroy, TestStack.Desired(_stack, spec), await _provider.ObserveAsync(_stack, default));

        var result = await new PlanExecutor(_provider).RunAsync(plan, StackSecrets.None, null, default);

        result.Succeeded.ShouldBeTrue(result.Error);
        plan.Levels.Select(l => string.Join(",", l.Changes.Select(c => c.Resource))).ShouldBe(["web-1", "api-1", "db-1", "volume/data", "network"]);
        (await Labelled()).ShouldBe((0, 0, 0));
    }

    [Fact]
    public async Task Logs_stream_as_lines()
    {
        await ApplyAsync(TestStack.Blueprint(TestStack.Db(), TestStack.Api()));

        var lines = new List<string>();
        await foreach (var line in _provider.StreamLogsAsync(_stack, "api-1", follow: false, tail: null, default))
        {
            lines.Add(line);
        }

        lines.ShouldBe(["api started", "api ready"]);
    }

    [Fact]
    public async Task Following_logs_yields_new_lines_until_cancelled()
    {
        var ticker = TestStack.Api() with { Command = ["sh", "-c", "i=0; while true; do i=$((i+1)); echo tick $i; sleep 0.2; done"] };
        await ApplyAsync(TestStack.Blueprint(TestStack.Db(), ticker));
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));

        var lines = new List<string>();
        await foreach (var line in _provider.StreamLogsAsync(_stack, "api-1", follow: true, tail: 0, cts.Token))
        {
            lines.Add(line);
            if (lines.Count == 3)
            {
                break;
            }
        }

        lines.Count.ShouldBe(3);
        lines.ShouldAllBe(l => l.StartsWith("tick "));
    }

    [Fact]
    public async Task Exec_returns_the_exit_code_and_output()
    {
        await ApplyAsync(TestStack.Blueprint(TestStack.Db()));

        var ok = await _provider.ExecAsync(_stack, "db-1", ["cat", "/www/index.html"], default);
        var failed = await _provider.ExecAsync(_stack, "db-1", ["sh", "-c", "echo oops >&2; exit 3"], default);

        ok.ShouldBe(new ExecResult(0, "paddock\n", ""));
        failed.ShouldBe(new ExecResult(3, "", "oops\n"));
    }

    [Fact]
    public async Task Replicas_roll_one_at_a_time_waiting_for_health()
    {
        var api = TestStack.Api(replicas: 2) with
        {
            Command = ["httpd", "-f", "-p", "80", "-h", "/www"],
            HealthCheck = TestStack.Db().HealthCheck,
        };
        await ApplyAsync(TestStack.Blueprint(TestStack.Db(), api));
        var log = new StepLog();

        var (plan, result) = await ApplyAsync(TestStack.Blueprint(TestStack.Db(), api with { Command = ["httpd", "-f", "-p", "80", "-h", "/www", "-v"] }), log);

        result.Succeeded.ShouldBeTrue(result.Error);
        plan.Count(ChangeAction.Replace).ShouldBe(2);
        var steps = log.Events.Where(e => e.Resource.StartsWith("api-", StringComparison.Ordinal)).Select(e => $"{e.Resource} {e.Status}").ToList();
        steps.ShouldBe(["api-1 Started", "api-1 Waiting", "api-1 Succeeded", "api-2 Started", "api-2 Waiting", "api-2 Succeeded"]);
    }

    [Fact]
    public async Task Unrelated_chains_proceed_independently_of_a_slow_dependency()
    {
        static Paddock.Core.Blueprints.ServiceSpec Sleeper(string name, params DependencySpec[] dependsOn) => new()
        {
            Name = name,
            Image = LocalBaseImage.Name,
            Command = ["sleep", "3600"],
            DependsOn = dependsOn,
        };

        var slow = Sleeper("a1") with
        {
            HealthCheck = new HealthCheckSpec { Command = ["sleep 2"], Interval = TimeSpan.FromSeconds(1), Timeout = TimeSpan.FromSeconds(5), Retries = 3 },
        };
        var spec = TestStack.Blueprint(
            slow,
            Sleeper("a2", new DependencySpec("a1", DependencyCondition.Healthy)),
            Sleeper("b1"),
            Sleeper("b2", new DependencySpec("b1")));
        var log = new StepLog();

        var (plan, result) = await ApplyAsync(spec, log);

        result.Succeeded.ShouldBeTrue(result.Error);
        plan.Changes.Single(c => c.Resource == "b2-1").Level.ShouldBe(plan.Changes.Single(c => c.Resource == "a2-1").Level);
        StepEvent At(string resource, StepStatus status) => log.Events.Single(e => e.Resource == resource && e.Status == status);
        At("b2-1", StepStatus.Succeeded).At.ShouldBeLessThan(At("a1-1", StepStatus.Succeeded).At);
        At("a2-1", StepStatus.Started).At.ShouldBeGreaterThanOrEqualTo(At("a1-1", StepStatus.Succeeded).At);
        // Both are created up front; the engine's own clock says which one started first.
        var startedAt = new Dictionary<string, DateTimeOffset>();
        foreach (var name in (string[])["a2-1", "b2-1"])
        {
            var inspect = await _provider.Client.Containers.InspectContainerAsync(DockerNames.Container(_stack, name));
            startedAt[name] = DateTimeOffset.Parse(inspect.State!.StartedAt, System.Globalization.CultureInfo.InvariantCulture);
        }

        startedAt["b2-1"].ShouldBeLessThan(startedAt["a2-1"]);
    }

    [Fact]
    public async Task A_failing_health_check_stops_the_roll()
    {
        var api = TestStack.Api(replicas: 2) with
        {
            Command = ["httpd", "-f", "-p", "80", "-h", "/www"],
            HealthCheck = TestStack.Db().HealthCheck! with { Retries = 2 },
        };
        await ApplyAsync(TestStack.Blueprint(TestStack.Db(), api));
        var before = Ids(await _provider.ObserveAsync(_stack, default));

        var broken = api with { Command = ["httpd", "-f", "-p", "81", "-h", "/www"] };
        var (_, result) = await ApplyAsync(TestStack.Blueprint(TestStack.Db(), broken));

        result.Succeeded.ShouldBeFalse();
        result.FailedChange!.Resource.ShouldBe("api-1");
        result.Error!.ShouldContain("is unhealthy");
        var after = Ids(await _provider.ObserveAsync(_stack, default));
        after["api-2"].ShouldBe(before["api-2"]);
        after["api-1"].ShouldNotBe(before["api-1"]);
    }

    [Fact]
    public async Task A_retried_apply_adopts_what_an_interrupted_run_left_and_creates_no_duplicates()
    {
        var spec = TestStack.Blueprint(TestStack.Db(), TestStack.Api());
        var desired = TestStack.Desired(_stack, spec);
        var first = Planner.Plan(desired, ObservedState.Empty);
        foreach (var change in first.Changes.Where(c => c.Level == 0 || c.Resource == "db-1"))
        {
            await _provider.ApplyAsync(_stack, change, desired.Secrets, default);
        }

        // A stale plan (made before the crash) replayed: existing objects are adopted, not duplicated.
        var replay = await new PlanExecutor(_provider).RunAsync(first, desired.Secrets, null, default);

        replay.Succeeded.ShouldBeTrue(replay.Error);
        (await Labelled()).ShouldBe((2, 1, 1));
        Planner.Plan(desired, await _provider.ObserveAsync(_stack, default)).HasChanges.ShouldBeFalse();
    }

    [Fact]
    public async Task An_unreachable_engine_gives_a_clear_error()
    {
        using var provider = new DockerProvider(new DockerClientFactory(), DockerEndpoint.Parse("unix:///tmp/paddock-no-engine/docker.sock"));

        var error = await Should.ThrowAsync<ProviderUnreachableException>(() => provider.ObserveAsync(_stack, default));

        error.Message.ShouldStartWith("Docker engine at unix:///tmp/paddock-no-engine/docker.sock is unreachable: ");
    }

    private async Task<(Plan Plan, ExecutionResult Result)> ApplyAsync(BlueprintSpec spec, StepLog? log = null)
    {
        var desired = TestStack.Desired(_stack, spec);
        var plan = Planner.Plan(desired, await _provider.ObserveAsync(_stack, default));
        var result = await new PlanExecutor(_provider, new ExecutorOptions { ReadyTimeout = TimeSpan.FromSeconds(20) }).RunAsync(plan, desired.Secrets, log, default);
        return (plan, result);
    }

    private static async Task LaunchAsync(DockerProvider provider, StackIdentity stack, BlueprintSpec spec)
    {
        var desired = TestStack.Desired(stack, spec);
        var result = await new PlanExecutor(provider).RunAsync(Planner.Plan(desired, ObservedState.Empty), desired.Secrets, null, default);
        result.Succeeded.ShouldBeTrue(result.Error);
    }

    private static Dictionary<string, string> Ids(ObservedState observed) =>
        observed.Containers.ToDictionary(c => c.Name, c => c.ProviderId);

    private async Task<(int Containers, int Networks, int Volumes)> Labelled()
    {
        var filter = DockerLabels.StackFilter(_stack.Id);
        var client = _provider.Client;
        var containers = await client.Containers.ListContainersAsync(new ContainersListParameters { All = true, Filters = filter });
        var networks = await client.Networks.ListNetworksAsync(new NetworksListParameters { Filters = filter });
        var volumes = await client.Volumes.ListAsync(new VolumesListParameters { Filters = filter });
        return (containers.Count, networks.Count, volumes.Volumes?.Count ?? 0);
    }
}
