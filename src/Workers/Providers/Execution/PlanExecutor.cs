using System.Collections.Concurrent;
using System.Diagnostics;
using Paddock.Core.Blueprints;
using Paddock.Core.Stacks;

namespace Paddock.Workers.Providers.Execution;

/// <summary>
/// Runs a plan as a dependency graph. A container being created, replaced or started waits only for the network and
/// volumes and for the services it depends on (each meeting the condition its dependents wait for), so unrelated chains
/// proceed independently (and new containers are created up front, started in dependency order); every other change (deletes, stops, changes whose dependencies are unknown) waits for all lower
/// levels, which keeps deletes dependents-first and after everything else. Changes run in parallel (bounded), except the
/// replicas of one service being replaced: those roll one at a time, each waiting for health before the next. After the
/// first failure nothing new starts; running changes finish. NoOps never reach the provider.
/// </summary>
internal sealed class PlanExecutor(IStackProvider provider, ExecutorOptions? options = null, TimeProvider? time = null)
{
    private readonly ExecutorOptions _options = options ?? new ExecutorOptions();
    private readonly TimeProvider _time = time ?? TimeProvider.System;

    public async Task<ExecutionResult> RunAsync(Plan plan, StackSecrets secrets, IProgress<StepEvent>? progress, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(secrets);
        using var run = new Run(plan.Stack, secrets, progress, _options.MaxParallelism, ct);
        var started = new List<(Step Step, Task Task)>();
        foreach (var step in Steps(plan))
        {
            // Steps come in level order and only wait for lower levels, so every prerequisite has its task already.
            var waits = started.Where(s => step.WaitsFor(s.Step)).ToList();
            // A new container is created as soon as the network and volumes exist, whatever it depends on: creation is most of
            // the engine's work and runs in parallel; only the start waits for the dependencies' conditions.
            var prepared = step.Preparable ? PrepareAsync(step.Changes[0], [.. waits.Where(s => !s.Step.BringsUpContainer).Select(s => s.Task)], run) : null;
            started.Add((step, RunStepAsync(step, [.. waits.Select(s => s.Task)], prepared, run)));
        }

        await Task.WhenAll(started.Select(s => s.Task));

        return run.Failures.TryPeek(out var failure)
            ? new ExecutionResult(false, [.. run.Completed], failure.Change, $"{failure.Change.Resource}: {failure.Error}")
            : new ExecutionResult(true, [.. run.Completed]);
    }

    /// <summary>
    /// Undoes what a failed run created: re-observes (so it works after a crash too) and deletes the resources the plan
    /// meant to create, dependents first. Replaced resources are left as they are; a new apply converges them.
    /// </summary>
    public async Task<ExecutionResult> RollbackAsync(Plan failed, IProgress<StepEvent>? progress, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(failed);
        var created = failed.Changes.Where(c => c.Action == ChangeAction.Create).Select(c => (c.Resource, c.ResourceKind)).ToHashSet();
        var observed = await provider.ObserveAsync(failed.Stack, ct);
        var leftovers = new ObservedState([.. observed.Resources.Where(r => created.Contains((r.Name, r.Kind)))]);
        var undo = Planner.Plan(PlanKind.Destroy, new DesiredState { Stack = failed.Stack, Resources = [] }, leftovers);
        return await RunAsync(undo, StackSecrets.None, progress, ct);
    }

    /// <summary>The plan's changes in level order, grouped: a rolling replacement is one step, every other change its own.</summary>
    private static IEnumerable<Step> Steps(Plan plan) => plan.Changes
        .OrderBy(c => c.Level)
        .GroupBy(c => (c.Level, Key: c.Action == ChangeAction.Replace && c.Desired?.IsReplicated == true ? "rolling:" + c.Service : "single:" + c.Resource))
        .Select(g => new Step(g.Key.Level, [.. g], g.Key.Key.StartsWith("rolling:", StringComparison.Ordinal)));

    private async Task RunStepAsync(Step step, List<Task> prerequisites, Task<string?>? prepared, Run run)
    {
        await Task.WhenAll(prerequisites);
        var preparedId = prepared is null ? null : await prepared;
        if (!run.Failures.IsEmpty || (prepared is not null && preparedId is null))
        {
            return;
        }

        foreach (var change in step.Changes)
        {
            if (!await RunChangeAsync(change, step.Rolling, run, preparedId))
            {
                return;
            }
        }
    }

    /// <summary>Creates a new container without starting it; null when it failed (recorded) or another change failed first.</summary>
    private async Task<string?> PrepareAsync(Change change, List<Task> infrastructure, Run run)
    {
        await Task.WhenAll(infrastructure);
        if (!run.Failures.IsEmpty)
        {
            return null;
        }

        try
        {
            await run.Gate.WaitAsync(run.Ct);
            try
            {
                return run.Failures.IsEmpty ? await provider.PrepareAsync(run.Stack, change, run.Secrets, run.Ct) : null;
            }
            finally
            {
                run.Gate.Release();
            }
        }
        catch (Exception e) when (e is ProviderException || (e is not OperationCanceledException && !run.Ct.IsCancellationRequested))
        {
            run.Failures.Enqueue((change, e.Message));
            Report(run.Progress, change, StepStatus.Failed, e.Message);
            return null;
        }
    }

    /// <summary>Applies one change and waits until it is ready; false when it failed or when another change failed first.</summary>
    private async Task<bool> RunChangeAsync(Change change, bool rolling, Run run, string? preparedId = null)
    {
        if (change.Action == ChangeAction.NoOp)
        {
            Report(run.Progress, change, StepStatus.Skipped, change.Reason);
            run.Completed.Enqueue(change);
            return true;
        }

        var watch = Stopwatch.StartNew();
        try
        {
            string? id;
            await run.Gate.WaitAsync(run.Ct);
            try
            {
                if (!run.Failures.IsEmpty)
                {
                    return false;
                }

                Report(run.Progress, change, StepStatus.Started, change.Reason);
                if (preparedId is not null)
                {
                    await provider.StartAsync(preparedId, run.Ct);
                    id = preparedId;
                }
                else
                {
                    id = await provider.ApplyAsync(run.Stack, change, run.Secrets, run.Ct);
                }
            }
            finally
            {
                run.Gate.Release();
            }

            if (ReadyCondition(change, rolling) is { } condition && id is not null)
            {
                Report(run.Progress, change, StepStatus.Waiting, condition == DependencyCondition.Healthy ? "waiting until healthy" : "waiting until running");
                await provider.WaitUntilAsync(id, condition, _options.ReadyTimeout, run.Ct);
            }

            Report(run.Progress, change, StepStatus.Succeeded, $"{change.Reason} ({watch.ElapsedMilliseconds} ms)");
            run.Completed.Enqueue(change);
            return true;
        }
        catch (Exception e) when (e is ProviderException || (e is not OperationCanceledException && !run.Ct.IsCancellationRequested))
        {
            run.Failures.Enqueue((change, e.Message));
            Report(run.Progress, change, StepStatus.Failed, e.Message);
            return false;
        }
    }

    /// <summary>What to wait for after a change: what dependents need, and health between the replicas of a roll.</summary>
    private static DependencyCondition? ReadyCondition(Change change, bool rolling)
    {
        if (change.Desired is not { Kind: ResourceKind.Container } desired
            || change.Action is not (ChangeAction.Create or ChangeAction.Replace or ChangeAction.Update or ChangeAction.Start or ChangeAction.Restart))
        {
            return null;
        }

        return rolling && desired.Container?.HealthCheck is not null ? DependencyCondition.Healthy : desired.ReadyCondition;
    }

    private void Report(IProgress<StepEvent>? progress, Change change, StepStatus status, string message) =>
        progress?.Report(new StepEvent(_time.GetUtcNow(), change.Level, change.Resource, change.Action, status, message));

    /// <summary>The changes of one step run in order; the step starts when the steps it waits for are done.</summary>
    private sealed class Step(int level, IReadOnlyList<Change> changes, bool rolling)
    {
        public int Level { get; } = level;

        public IReadOnlyList<Change> Changes { get; } = changes;

        public bool Rolling { get; } = rolling;

        /// <summary>The services a container coming up waits for; null when the step waits for every lower level instead.</summary>
        private IReadOnlyList<string>? DependsOn { get; } =
            changes.All(c => c.Desired is { Kind: ResourceKind.Container, DependsOn: not null } && c.Action is not (ChangeAction.Delete or ChangeAction.Stop))
                ? changes[0].Desired!.DependsOn
                : null;

        private string? Service => Changes[0].Service;

        /// <summary>A single new container: it can be created before its dependencies are ready.</summary>
        public bool Preparable => !Rolling && Changes is [{ Action: ChangeAction.Create, ResourceKind: ResourceKind.Container, Desired: not null }];

        /// <summary>A container being created, replaced or started: what a dependent's start waits for, not its creation.</summary>
        public bool BringsUpContainer => Changes[0].ResourceKind == ResourceKind.Container && Changes[0].Action is not (ChangeAction.Delete or ChangeAction.Stop);

        /// <summary>Every lower step, or for a container coming up: the network, volumes, removals and the services it depends on.</summary>
        public bool WaitsFor(Step earlier) =>
            earlier.Level < Level
            && (DependsOn is not { } services
                || earlier.Changes[0].ResourceKind != ResourceKind.Container
                || earlier.Changes[0].Action is ChangeAction.Delete or ChangeAction.Stop
                || (earlier.Service is { } service && services.Contains(service, StringComparer.Ordinal)));
    }

    /// <summary>What every step of one run shares.</summary>
    private sealed class Run(StackIdentity stack, StackSecrets secrets, IProgress<StepEvent>? progress, int parallelism, CancellationToken ct) : IDisposable
    {
        public StackIdentity Stack { get; } = stack;

        public StackSecrets Secrets { get; } = secrets;

        public IProgress<StepEvent>? Progress { get; } = progress;

        public CancellationToken Ct { get; } = ct;

        /// <summary>Bounds the provider calls running at once; waiting for readiness holds no slot.</summary>
        public SemaphoreSlim Gate { get; } = new(parallelism);

        public ConcurrentQueue<Change> Completed { get; } = new();

        public ConcurrentQueue<(Change Change, string Error)> Failures { get; } = new();

        public void Dispose() => Gate.Dispose();
    }
}
