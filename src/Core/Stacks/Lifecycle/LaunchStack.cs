using Microsoft.EntityFrameworkCore;
using Paddock.Core.Approvals;
using Paddock.Core.Blueprints;
using Paddock.Core.Budgets;
using Paddock.Core.Common;
using Paddock.Core.Environments;
using Paddock.Core.Identity;

namespace Paddock.Core.Stacks;

/// <summary>Plans a new stack (preview) or launches it: a Stack, a Launch operation with the plan that was shown, and a queued job.</summary>
public static class LaunchStack
{
    /// <param name="Version">The blueprint version; null for the latest.</param>
    /// <param name="TtlHours">Time to live; null for the environment's default, always capped by its maximum.</param>
    public sealed record Command(Guid ProjectId, Guid BlueprintId, int? Version, Guid EnvironmentId, IReadOnlyDictionary<string, string>? Inputs,
        double? TtlHours, string? Name, string? Reason = null);

    public sealed class Handler(HandlerContext ctx, ISecretProtector protector, IOperationQueue queue, OperationAdmission admission)
    {
        public async Task<Result<LaunchPreview>> PreviewAsync(Command command, CancellationToken ct)
        {
            var prepared = await PrepareAsync(command, ct);
            if (!prepared.IsSuccess)
            {
                return prepared.Error!;
            }

            var p = prepared.Value;
            var assessment = await admission.AssessAsync(Subject(command, p), ct);
            if (ProtectedRefusal(p, assessment) is { } refused)
            {
                return refused;
            }

            return new LaunchPreview(p.Name, PlannedChange.From(p.Plan), p.Plan.Hash, p.ExpiresAt, p.Ttl, assessment.ToPreview());
        }

        public async Task<Result<LaunchResult>> HandleAsync(Command command, CancellationToken ct)
        {
            var prepared = await PrepareAsync(command, ct);
            if (!prepared.IsSuccess)
            {
                return prepared.Error!;
            }

            var p = prepared.Value;
            var subject = Subject(command, p);
            var (assessment, transaction) = await admission.BeginAsync(subject, ct);
            await using var _ = transaction;
            if (ProtectedRefusal(p, assessment) is { } refused)
            {
                return refused;
            }

            if (assessment.Verdict == BudgetVerdict.Refuse)
            {
                return BudgetCheck.Refusal(assessment.Budgets);
            }

            var stack = Stack.Create(command.ProjectId, command.EnvironmentId, command.BlueprintId, p.Version, p.Name,
                StackDesiredState.Protect(protector, p.Spec, command.Inputs ?? new Dictionary<string, string>()), ctx.User.UserId, p.ExpiresAt, ctx.Now);
            // The plan was computed for a stack id of its own; keep the one it was shown with.
            var planned = PlannedChange.From(p.Plan);
            var operation = Operation.Create(stack.Id, stack.ProjectId, OperationKind.Launch, new OperationParameters(BlueprintVersion: p.Version), planned,
                p.Plan.Hash, ctx.User.UserId, ctx.Now);
            ctx.Db.Stacks.Add(stack);
            ctx.Db.Operations.Add(operation);
            var queued = await admission.AdmitAsync(subject, assessment, operation, stack, ct);
            await ctx.Db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            if (queued)
            {
                await queue.EnqueueAsync(operation.Id, ct);
            }

            return new LaunchResult(stack.Id, operation.Id, planned, p.Plan.Hash, operation.Status, assessment.ToPreview());
        }

        /// <summary>Developers may launch into a protected environment only when a policy makes the launch wait for an approver.</summary>
        private static ForbiddenError? ProtectedRefusal(Prepared p, Assessment assessment) =>
            p.NeedsProtectedApproval && assessment.Requirement is null
                ? new ForbiddenError($"'{p.Environment.Name}' is protected: only operators and project admins launch there.")
                : null;

        private static AdmissionSubject Subject(Command command, Prepared p) =>
            new(command.ProjectId, p.Environment, OperationKind.Launch, p.Plan, p.Ttl, p.ExpiresAt, command.BlueprintId, p.Version, Reason: command.Reason);

        private async Task<Result<Prepared>> PrepareAsync(Command command, CancellationToken ct)
        {
            if (await ctx.Access.DemandAsync(Permission.StacksLaunch, command.ProjectId, ct) is { } denied)
            {
                return denied;
            }

            var environment = await ctx.Db.Environments.AsNoTracking().FirstOrDefaultAsync(e => e.Id == command.EnvironmentId && e.ProjectId == command.ProjectId, ct);
            if (environment is null)
            {
                return ValidationError.For("environmentId", "Choose an environment of this project.");
            }

            // Without the permission, a launch into a protected environment must wait for an approver (see ProtectedRefusal).
            var needsProtectedApproval = environment.IsProtected && !await ctx.Access.HasAsync(Permission.StacksLaunchProtected, command.ProjectId, ct);

            var blueprint = await ctx.Db.Blueprints.AsNoTracking().FirstOrDefaultAsync(b => b.Id == command.BlueprintId && b.ProjectId == command.ProjectId, ct);
            if (blueprint is null)
            {
                return NotFoundError.For("Blueprint", command.BlueprintId);
            }

            var number = command.Version ?? blueprint.LatestVersion;
            var yaml = await ctx.Db.BlueprintVersions.AsNoTracking()
                .Where(v => v.BlueprintId == blueprint.Id && v.Number == number).Select(v => v.Yaml).FirstOrDefaultAsync(ct);
            if (yaml is null)
            {
                return ValidationError.For("version", $"Version {number} does not exist.");
            }

            var validator = new Validator()
                .When(command.TtlHours is <= 0, "ttlHours", "Time to live must be positive.")
                .When(command.TtlHours is > 24 * 365, "ttlHours", "Time to live can be at most a year.");
            var name = string.IsNullOrWhiteSpace(command.Name) ? $"{blueprint.Name}-{environment.Name}-{Suffix()}" : command.Name.Trim();
            validator.Slug("name", name.Length > 40 ? name[..40] : name, "Stack name");
            if (validator.ToError() is { } invalid)
            {
                return invalid;
            }

            if (await ctx.Db.Stacks.AnyAsync(s => s.ProjectId == command.ProjectId && s.Name == name && s.Status != StackStatus.Destroyed, ct))
            {
                return ValidationError.For("name", $"A stack named '{name}' already exists in this project.");
            }

            var spec = BlueprintYaml.Parse(yaml).Spec!;
            var unknown = (command.Inputs ?? new Dictionary<string, string>()).Keys.Where(k => spec.FindVariable(k) is null).ToList();
            if (unknown.Count > 0)
            {
                return new ValidationError([.. unknown.Select(k => new FieldError($"inputs.{k}", $"The blueprint has no variable '{k}'."))]);
            }

            var identity = new StackIdentity(Guid.Empty, name);
            var desired = StackDesiredState.Build(identity, spec, environment.Name, command.Inputs ?? new Dictionary<string, string>(), new Dictionary<string, int>());
            if (!desired.IsSuccess)
            {
                return desired.Error!;
            }

            var ttl = environment.EffectiveTtl(command.TtlHours is { } hours ? TimeSpan.FromHours(hours) : null);
            var plan = Planner.Plan(desired.Value, new ObservedState([]));
            return new Prepared(name, number, spec, plan, ttl, ttl is { } t ? ctx.Now + t : null, environment, needsProtectedApproval);
        }

        private static string Suffix() => Guid.NewGuid().ToString("N")[..5];
    }

    private sealed record Prepared(string Name, int Version, BlueprintSpec Spec, Plan Plan, TimeSpan? Ttl, DateTimeOffset? ExpiresAt,
        ProjectEnvironment Environment, bool NeedsProtectedApproval);
}
