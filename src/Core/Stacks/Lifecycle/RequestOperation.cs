using Microsoft.EntityFrameworkCore;
using Paddock.Core.Approvals;
using Paddock.Core.Budgets;
using Paddock.Core.Common;
using Paddock.Core.Identity;

namespace Paddock.Core.Stacks;

/// <summary>
/// Day-2 actions: plan them against what actually runs (shown before anything changes), then queue them.
/// Update, scale and start converge to the blueprint; stop, restart and destroy act on what runs; rollback undoes a failed launch.
/// </summary>
public static class RequestOperation
{
    /// <param name="PreviewOnly">Plan without queuing: what the confirmation dialog shows.</param>
    public sealed record Command(Guid ProjectId, Guid StackId, OperationKind Kind, string? Service = null, int? Replicas = null, int? Version = null,
        bool PreviewOnly = false, string? Reason = null);

    public sealed class Handler(HandlerContext ctx, ISecretProtector protector, IStackRuntime runtime, IOperationQueue queue, OperationAdmission admission)
    {
        public async Task<Result<OperationPlan>> HandleAsync(Command command, CancellationToken ct)
        {
            // Background jobs touch the stack row too (the drift check records what it found every minute). The person asked
            // for no particular version of the stack, so a conflict with them is done again on the fresh row, not refused.
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    return await HandleOnceAsync(command, ct);
                }
                catch (DbUpdateConcurrencyException) when (attempt < 3)
                {
                    ctx.Db.ChangeTracker.Clear();
                }
            }
        }

        private async Task<Result<OperationPlan>> HandleOnceAsync(Command command, CancellationToken ct)
        {
            var stack = await ctx.Db.Stacks.FirstOrDefaultAsync(s => s.Id == command.StackId && s.ProjectId == command.ProjectId, ct);
            if (stack is null)
            {
                return await ctx.Access.DemandAsync(Permission.StacksRead, command.ProjectId, ct) ?? NotFoundError.For("Stack", command.StackId);
            }

            // Owners of a stack may destroy it themselves; everything else is for operators.
            var mayOperate = await ctx.Access.HasAsync(Permission.StacksOperate, command.ProjectId, ct)
                || (command.Kind == OperationKind.Destroy && stack.OwnerId == ctx.User.UserId && await ctx.Access.HasAsync(Permission.StacksLaunch, command.ProjectId, ct));
            if (!mayOperate)
            {
                return await ctx.Access.DemandAsync(Permission.StacksOperate, command.ProjectId, ct) ?? ForbiddenError.Lacks(Permission.StacksOperate);
            }

            if (stack.Status == StackStatus.Destroyed)
            {
                return new ConflictError($"Stack '{stack.Name}' is destroyed.");
            }

            if (await ctx.Db.Operations.AnyAsync(o => o.StackId == stack.Id && (o.Status == OperationStatus.Queued || o.Status == OperationStatus.Running), ct))
            {
                return new ConflictError($"Stack '{stack.Name}' has an operation in progress; wait for it to finish.");
            }

            if (await ctx.Db.Operations.AnyAsync(o => o.StackId == stack.Id && o.Status == OperationStatus.AwaitingApproval, ct))
            {
                return new ConflictError($"Stack '{stack.Name}' has an operation awaiting approval; it must be decided first.");
            }

            var parameters = new OperationParameters(command.Service, command.Replicas, command.Version);
            if (Validate(command) is { } invalid)
            {
                return invalid;
            }

            var planned = await PlanForAsync(stack, command.Kind, parameters, ct);
            if (!planned.IsSuccess)
            {
                return planned.Error!;
            }

            var plan = planned.Value;
            var changes = PlannedChange.From(plan);
            var subject = new AdmissionSubject(stack.ProjectId, (await ctx.Db.Environments.AsNoTracking().FirstAsync(e => e.Id == stack.EnvironmentId, ct)),
                command.Kind, plan, stack.ExpiresAt is { } expires ? expires - ctx.Now : null, stack.ExpiresAt, stack.BlueprintId,
                command.Version ?? stack.BlueprintVersion, stack.Id, command.Reason);
            if (command.PreviewOnly)
            {
                return new OperationPlan(null, command.Kind, changes, plan.Hash, (await admission.AssessAsync(subject, ct)).ToPreview());
            }

            var (assessment, transaction) = await admission.BeginAsync(subject, ct);
            await using var _ = transaction;
            if (assessment.Verdict == BudgetVerdict.Refuse)
            {
                return BudgetCheck.Refusal(assessment.Budgets);
            }

            var operation = Operation.Create(stack.Id, stack.ProjectId, command.Kind, parameters, changes, plan.Hash, ctx.User.UserId, ctx.Now);
            ctx.Db.Operations.Add(operation);
            var queued = await admission.AdmitAsync(subject, assessment, operation, stack, ct);
            await ctx.Db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            if (queued)
            {
                await queue.EnqueueAsync(operation.Id, ct);
            }

            return new OperationPlan(operation.Id, command.Kind, changes, plan.Hash, assessment.ToPreview(), operation.Status);
        }

        /// <summary>
        /// Plans an operation against what actually runs, on a copy of the target settings: nothing is stored. Approvals
        /// re-plan through here before an approved operation is queued, to see whether the plan changed.
        /// </summary>
        internal async Task<Result<Plan>> PlanForAsync(Stack stack, OperationKind kind, OperationParameters parameters, CancellationToken ct)
        {
            var target = await TargetAsync(new Command(stack.ProjectId, stack.Id, kind, parameters.Service, parameters.Replicas, parameters.BlueprintVersion), stack, ct);
            if (!target.IsSuccess)
            {
                return target.Error!;
            }

            ObservedState observed;
            try
            {
                observed = await runtime.ObserveAsync(stack.Identity, ct);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                return new ConflictError($"Cannot plan: {e.Message}");
            }

            return Planner.Plan(PlanKindOf(kind), target.Value, observed);
        }

        private static ValidationError? Validate(Command command) => command.Kind switch
        {
            OperationKind.Launch => ValidationError.For("kind", "Launch creates a new stack; use the launch endpoint."),
            OperationKind.Scale when string.IsNullOrWhiteSpace(command.Service) => ValidationError.For("service", "Choose the service to scale."),
            OperationKind.Scale when command.Replicas is not (>= 0 and <= 100) => ValidationError.For("replicas", "Replicas must be between 0 and 100."),
            OperationKind.Update when command.Version is <= 0 => ValidationError.For("version", "Choose a version."),
            _ => null,
        };

        private async Task<Result<DesiredState>> TargetAsync(Command command, Stack stack, CancellationToken ct)
        {
            if (command.Kind == OperationKind.Update && command.Version is { } version
                && !await ctx.Db.BlueprintVersions.AnyAsync(v => v.BlueprintId == stack.BlueprintId && v.Number == version, ct))
            {
                return ValidationError.For("version", $"Version {version} does not exist.");
            }

            if (command.Kind == OperationKind.Scale)
            {
                var current = await StackDesiredState.BuildAsync(ctx.Db, protector, stack, ct);
                if (current.IsSuccess && !current.Value.Resources.Any(r => r.Service == command.Service))
                {
                    return ValidationError.For("service", $"The stack has no service '{command.Service}'.");
                }

                return await StackDesiredState.BuildAsync(ctx.Db, protector, stack, ct,
                    replicas: new Dictionary<string, int>(stack.Replicas) { [command.Service!] = command.Replicas!.Value });
            }

            return await StackDesiredState.BuildAsync(ctx.Db, protector, stack, ct, command.Kind == OperationKind.Update ? command.Version : null);
        }

        internal static PlanKind PlanKindOf(OperationKind kind) => kind switch
        {
            OperationKind.Stop => PlanKind.Stop,
            OperationKind.Restart => PlanKind.Restart,
            OperationKind.Destroy or OperationKind.Rollback => PlanKind.Destroy,
            OperationKind.Start => PlanKind.Start,
            _ => PlanKind.Apply,
        };
    }
}
