using System.Collections.Concurrent;
using System.Diagnostics;
using Paddock.Core.Blueprints;
using Paddock.Core.Stacks;

namespace Paddock.Workers.Providers.Execution;

/// <summary>
/// Runs a plan level by level. Inside a level, changes run in parallel (bounded), except the replicas of one service
/// being replaced: those roll one at a time, each waiting for health before the next. A level ends when each of its
/// resources meets the condition its dependents wait for; the first failed level stops the run. NoOps never reach the provider.
/// </summary>
internal sealed class PlanExecutor(IStackProvider provider, ExecutorOptions? options = null, TimeProvider? time = null)
{
    private readonly ExecutorOptions _options = options ?? new ExecutorOptions();
    private readonly TimeProvider _time = time ?? TimeProvider.System;

    public async Task<ExecutionResult> RunAsync(Plan plan, StackSecrets secrets, IProgress<StepEvent>? progress, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(secrets);
        var completed = new ConcurrentQueue<Change>();
        using var gate = new SemaphoreSlim(_options.MaxParallelism);
        foreach (var level in plan.Levels)
        {
            foreach (var noop in level.Changes.Where(c => c.Action == ChangeAction.NoOp))
            {
                Report(progress, noop, StepStatus.Skipped, noop.Reason);
                completed.Enqueue(noop);
            }

            var failures = new ConcurrentQueue<(Change Change, string Error)>();
            var groups = level.Changes
                .Where(c => c.Action != ChangeAction.NoOp)
                .GroupBy(c => c.Action == ChangeAction.Replace && c.Desired?.IsReplicated == true ? "rolling:" + c.Service : "single:" + c.Resource)
                .Select(g => RunGroupAsync([.. g], g.Key.StartsWith("rolling:", StringComparison.Ordinal), plan.Stack, secrets, gate, completed, failures, progress, ct));
            await Task.WhenAll(groups);
            if (failures.TryPeek(out var failure))
            {
                return new ExecutionResult(false, [.. completed], failure.Change, $"{failure.Change.Resource}: {failure.Error}");
            }
        }

        return new ExecutionResult(true, [.. completed]);
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

    private async Task RunGroupAsync(
        IReadOnlyList<Change> changes,
        bool rolling,
        StackIdentity stack,
        StackSecrets secrets,
        SemaphoreSlim gate,
        ConcurrentQueue<Change> completed,
        ConcurrentQueue<(Change, string)> failures,
        IProgress<StepEvent>? progress,
        CancellationToken ct)
    {
        foreach (var change in changes)
        {
            var watch = Stopwatch.StartNew();
            try
            {
                string? id;
                await gate.WaitAsync(ct);
                try
                {
                    Report(progress, change, StepStatus.Started, change.Reason);
                    id = await provider.ApplyAsync(stack, change, secrets, ct);
                }
                finally
                {
                    gate.Release();
                }

                if (ReadyCondition(change, rolling) is { } condition && id is not null)
                {
                    Report(progress, change, StepStatus.Waiting, condition == DependencyCondition.Healthy ? "waiting until healthy" : "waiting until running");
                    await provider.WaitUntilAsync(id, condition, _options.ReadyTimeout, ct);
                }

                Report(progress, change, StepStatus.Succeeded, $"{change.Reason} ({watch.ElapsedMilliseconds} ms)");
                completed.Enqueue(change);
            }
            catch (Exception e) when (e is ProviderException || (e is not OperationCanceledException && !ct.IsCancellationRequested))
            {
                failures.Enqueue((change, e.Message));
                Report(progress, change, StepStatus.Failed, e.Message);
                return;
            }
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
}
