using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Paddock.Core.Common;
using Paddock.Core.Events;
using Paddock.Core.Stacks;
using Paddock.Data;
using Paddock.Workers.Providers;

namespace Paddock.Workers.Stacks;

/// <summary>
/// Re-observes every running stack and compares it with its plan (recurring): a container removed, stopped or changed
/// by hand shows up on the stack as drift, with the plan's reasons; a re-apply (the stack page's "Heal") restores it.
/// </summary>
internal sealed class DriftCheckJob(PaddockDbContext db, ISecretProtector protector, IStackProviders providers, IStackEvents events, IOperationQueue queue,
    TimeProvider time, ILogger<DriftCheckJob> logger)
{
    public async Task RunAsync(CancellationToken ct)
    {
        var stacks = await db.Stacks
            .Where(s => s.Status == StackStatus.Running
                && !db.Operations.Any(o => o.StackId == s.Id && (o.Status == OperationStatus.Queued || o.Status == OperationStatus.Running)))
            .ToListAsync(ct);
        foreach (var stack in stacks)
        {
            try
            {
                await CheckAsync(stack, ct);
            }
            catch (Exception e) when (e is ProviderException or ProviderUnreachableException)
            {
                logger.LogWarning("Drift check of stack {Stack} skipped: {Reason}", stack.Name, e.Message);
            }
        }
    }

    public async Task CheckAsync(Stack stack, CancellationToken ct)
    {
        var desired = await StackDesiredState.BuildAsync(db, protector, stack, ct);
        if (!desired.IsSuccess)
        {
            return;
        }

        var provider = await providers.ForStackAsync(stack.Id, ct);
        var plan = Planner.Plan(desired.Value, await provider.ObserveAsync(stack.Identity, ct));
        var drift = plan.HasChanges
            ? string.Join("; ", plan.Changes.Where(c => c.Action != ChangeAction.NoOp).Select(c => $"{c.Resource}: {c.Reason}"))
            : null;
        var changed = drift != stack.Drift;
        stack.RecordDrift(drift, time.GetUtcNow());
        if (changed && drift is not null)
        {
            db.OutboxMessages.Add(StackEventData.Message(EventTypes.DriftFound, stack, time.GetUtcNow(), detail: drift));
        }

        var heal = drift is not null && await db.Environments.AnyAsync(e => e.Id == stack.EnvironmentId && e.AutoHeal, ct)
            ? Heal(stack, plan)
            : null;
        await db.SaveChangesAsync(ct);
        if (changed)
        {
            events.Publish(new StackEvent(stack.ProjectId, stack.Id, null, drift is null ? "stack.in-sync" : "stack.drifted", drift));
        }

        if (heal is not null)
        {
            await queue.EnqueueAsync(heal.Id, ct);
            logger.LogInformation("Stack {Stack} drifted ({Drift}); auto-heal queued as operation {Operation}.", stack.Name, drift, heal.Id);
        }
    }

    /// <summary>
    /// What the Heal button does, by the system: an Update operation with the healing plan, audited like any other (no
    /// requester), run by the operation job under the stack's lock, which re-plans against the engine before it acts.
    /// </summary>
    private Operation Heal(Stack stack, Plan plan)
    {
        var operation = Operation.Create(stack.Id, stack.ProjectId, OperationKind.Update, new OperationParameters(), PlannedChange.From(plan), plan.Hash, null,
            time.GetUtcNow());
        operation.Queue();
        stack.MarkStatus(StackStatus.Deploying);
        db.Operations.Add(operation);
        return operation;
    }
}
