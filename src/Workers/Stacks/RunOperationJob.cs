using System.Threading.Channels;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Paddock.Core.Common;
using Paddock.Core.Events;
using Paddock.Core.Stacks;
using Paddock.Data;
using Paddock.Workers.Providers;
using Paddock.Workers.Providers.Execution;

namespace Paddock.Workers.Stacks;

/// <summary>
/// Runs one operation: takes the stack's lock, re-observes the engine, re-plans (so a retried job continues where the
/// last attempt stopped and never duplicates), executes in dependency order (PlanExecutor), and records every step as it happens.
/// </summary>
[AutomaticRetry(Attempts = 0)]
internal sealed class RunOperationJob(
    PaddockDbContext db,
    ISecretProtector protector,
    IStackProviders providers,
    IStackEvents events,
    IServiceScopeFactory scopes,
    TimeProvider time,
    ILogger<RunOperationJob> logger)
{
    public async Task RunAsync(Guid operationId, CancellationToken ct)
    {
        var stackId = await db.Operations.Where(o => o.Id == operationId).Select(o => (Guid?)o.StackId).FirstOrDefaultAsync(ct);
        if (stackId is null)
        {
            logger.LogWarning("Operation {OperationId} does not exist in this database; nothing to run.", operationId);
            return;
        }

        await using var stackLock = await StackLock.AcquireAsync(db.Database.GetConnectionString()!, stackId.Value, ct);
        var operation = await db.Operations.FirstAsync(o => o.Id == operationId, ct);
        if (operation.Status is not (OperationStatus.Queued or OperationStatus.Running))
        {
            return;
        }

        var stack = await db.Stacks.FirstAsync(s => s.Id == operation.StackId, ct);
        operation.Start(time.GetUtcNow());
        await db.SaveMergingAsync(ct);
        Publish(stack, operation, "operation.started");

        try
        {
            var outcome = await ExecuteAsync(stack, operation, ct);
            if (outcome.Succeeded)
            {
                operation.Succeed(time.GetUtcNow());
                stack.MarkStatus(operation.Kind switch
                {
                    OperationKind.Destroy or OperationKind.Rollback => StackStatus.Destroyed,
                    OperationKind.Stop => StackStatus.Stopped,
                    _ => StackStatus.Running,
                });
            }
            else
            {
                operation.Fail(outcome.Error ?? "The operation failed.", time.GetUtcNow());
                stack.MarkStatus(StackStatus.Failed);
            }
        }
        catch (Exception e) when (e is ProviderException or ProviderUnreachableException)
        {
            operation.Fail(e.Message, time.GetUtcNow());
            stack.MarkStatus(StackStatus.Failed);
        }

        if (OutcomeEvent(operation) is { } type)
        {
            db.OutboxMessages.Add(StackEventData.Message(type, stack, time.GetUtcNow(), operation, operation.Error));
        }

        // Merging: a drift check or the metering may have touched the stack while this ran; the outcome must still be recorded.
        await db.SaveMergingAsync(CancellationToken.None);
        Publish(stack, operation, "operation.finished", operation.Error);
    }

    /// <summary>What the outcome tells the people who follow the stack: day-2 successes other than destroy are not news.</summary>
    private static string? OutcomeEvent(Operation operation) => (operation.Status, operation.Kind) switch
    {
        (OperationStatus.Failed, _) => EventTypes.StackFailed,
        (OperationStatus.Succeeded, OperationKind.Launch) => EventTypes.StackLaunched,
        (OperationStatus.Succeeded, OperationKind.Destroy or OperationKind.Rollback) => EventTypes.StackDestroyed,
        _ => null,
    };

    private async Task<ExecutionResult> ExecuteAsync(Stack stack, Operation operation, CancellationToken ct)
    {
        var provider = await providers.ForStackAsync(stack.Id, ct);
        var plan = await PlanAsync(provider, stack, operation, ct);
        if (!plan.IsSuccess)
        {
            return new ExecutionResult(false, [], Error: plan.Error!.Message);
        }

        operation.Replan(PlannedChange.From(plan.Value.Plan), plan.Value.Plan.Hash);
        await db.SaveMergingAsync(ct);

        var steps = Channel.CreateUnbounded<StepEvent>(new UnboundedChannelOptions { SingleReader = true });
        var writer = WriteStepsAsync(stack, operation, steps.Reader);
        var progress = new ChannelProgress(steps.Writer);
        ExecutionResult result;
        try
        {
            var executor = new PlanExecutor(provider, time: time);
            result = await executor.RunAsync(plan.Value.Plan, plan.Value.Secrets, progress, ct);
            if (result.Succeeded && operation.Kind is OperationKind.Destroy or OperationKind.Rollback)
            {
                // Whatever the plan knew of, remove everything labelled with the stack: no orphan survives.
                await provider.DestroyAsync(stack.Identity, ct);
            }
        }
        finally
        {
            steps.Writer.Complete();
            await writer;
        }

        return result;
    }

    private async Task<Result<(Plan Plan, StackSecrets Secrets)>> PlanAsync(IStackProvider provider, Stack stack, Operation operation, CancellationToken ct)
    {
        var observed = await provider.ObserveAsync(stack.Identity, ct);
        var kind = RequestOperation.Handler.PlanKindOf(operation.Kind);
        if (kind == PlanKind.Destroy)
        {
            return (Planner.Plan(PlanKind.Destroy, new DesiredState { Stack = stack.Identity, Resources = [] }, observed), StackSecrets.None);
        }

        var desired = await StackDesiredState.BuildAsync(db, protector, stack, ct);
        return desired.Map(d => (Planner.Plan(kind, d, observed), d.Secrets));
    }

    /// <summary>One writer, its own DbContext: the executor reports from parallel tasks, a DbContext is not thread-safe.</summary>
    private async Task WriteStepsAsync(Stack stack, Operation operation, ChannelReader<StepEvent> reader)
    {
        await using var scope = scopes.CreateAsyncScope();
        var stepsDb = scope.ServiceProvider.GetRequiredService<PaddockDbContext>();
        await foreach (var step in reader.ReadAllAsync())
        {
            try
            {
                stepsDb.OperationSteps.Add(OperationStep.Create(operation.Id, step.At, step.Level, step.Resource, step.Action, step.Status.ToString(), step.Message));
                await stepsDb.SaveChangesAsync();

                Publish(stack, operation, "operation.step", step.ToString());
            }
            catch (DbUpdateException e)
            {
                logger.LogWarning(e, "Could not record step {Step} of operation {OperationId}", step, operation.Id);
            }
        }
    }

    private void Publish(Stack stack, Operation operation, string kind, string? message = null) =>
        events.Publish(new StackEvent(stack.ProjectId, stack.Id, operation.Id, kind, message));

    private sealed class ChannelProgress(ChannelWriter<StepEvent> writer) : IProgress<StepEvent>
    {
        public void Report(StepEvent value) => writer.TryWrite(value);
    }
}
