using Microsoft.EntityFrameworkCore;
using Paddock.Core.Common;
using Paddock.Core.Identity;
using Paddock.Core.Stacks;

namespace Paddock.Core.Approvals;

public sealed record PolicyDto(Guid Id, string Name, Guid? EnvironmentId, string? Environment, IReadOnlyList<OperationKind> Operations, PolicyConditions Conditions,
    int RequiredApprovals, ProjectRole? ApproverRole, IReadOnlyList<Guid> ApproverUserIds, bool AllowSelfApproval, double? TimeoutHours, TimeoutOutcome TimeoutOutcome);

/// <summary>Approval policies of a project: readable by its members, managed by its admins.</summary>
public static class ApprovalPolicies
{
    public sealed record List(Guid ProjectId);

    /// <param name="PolicyId">Null to create.</param>
    public sealed record Save(Guid ProjectId, Guid? PolicyId, PolicySettings Settings);

    public sealed record Delete(Guid ProjectId, Guid PolicyId);

    public sealed class ListHandler(HandlerContext ctx)
    {
        public async Task<Result<IReadOnlyList<PolicyDto>>> HandleAsync(List query, CancellationToken ct)
        {
            if (await ctx.Access.DemandAsync(Permission.ProjectRead, query.ProjectId, ct) is { } denied)
            {
                return denied;
            }

            var environments = await ctx.Db.Environments.AsNoTracking().Where(e => e.ProjectId == query.ProjectId).ToDictionaryAsync(e => e.Id, e => e.Name, ct);
            var policies = await ctx.Db.ApprovalPolicies.AsNoTracking().Where(p => p.ProjectId == query.ProjectId).OrderBy(p => p.Name).ToListAsync(ct);
            return Result<IReadOnlyList<PolicyDto>>.Success([.. policies.Select(p => ToDto(p, environments))]);
        }
    }

    public sealed class Handler(HandlerContext ctx)
    {
        public async Task<Result<PolicyDto>> HandleAsync(Save command, CancellationToken ct)
        {
            if (await ctx.Access.DemandAsync(Permission.ProjectManage, command.ProjectId, ct) is { } denied)
            {
                return denied;
            }

            var s = command.Settings;
            var environments = await ctx.Db.Environments.AsNoTracking().Where(e => e.ProjectId == command.ProjectId).ToDictionaryAsync(e => e.Id, e => e.Name, ct);
            var members = await ctx.Db.ProjectMembers.AsNoTracking().Where(m => m.ProjectId == command.ProjectId).Select(m => m.UserId).ToListAsync(ct);
            var invalid = new Validator()
                .Required("name", s.Name, "Name")
                .MaxLength("name", s.Name, 80, "Name")
                .When(s.Operations.Count == 0, "operations", "Choose at least one operation the policy covers.")
                .When(s.RequiredApprovals is < 1 or > 10, "requiredApprovals", "Between 1 and 10 approvals.")
                .When(s.EnvironmentId is { } env && !environments.ContainsKey(env), "environmentId", "Choose an environment of this project.")
                .When(s.ApproverUserIds.Any(u => !members.Contains(u)), "approverUserIds", "Named approvers must be members of the project.")
                .When(s.Conditions.MonthlyCostAbove is < 0, "conditions.monthlyCostAbove", "The monthly cost cannot be negative.")
                .When(s.Conditions.BudgetLeftBelowPercent is < 0 or > 100, "conditions.budgetLeftBelowPercent", "A percentage between 0 and 100.")
                .When(s.Timeout is { } t && (t <= TimeSpan.Zero || t > TimeSpan.FromDays(30)), "timeoutHours", "A timeout between a minute and 30 days.")
                .ToError();
            if (invalid is not null)
            {
                return invalid;
            }

            ApprovalPolicy? policy;
            if (command.PolicyId is { } id)
            {
                policy = await ctx.Db.ApprovalPolicies.FirstOrDefaultAsync(p => p.Id == id && p.ProjectId == command.ProjectId, ct);
                if (policy is null)
                {
                    return NotFoundError.For("Approval policy", id);
                }

                policy.Apply(s);
            }
            else
            {
                policy = ApprovalPolicy.Create(command.ProjectId, s, ctx.Now);
                ctx.Db.ApprovalPolicies.Add(policy);
            }

            await ctx.Db.SaveChangesAsync(ct);
            return ToDto(policy, environments);
        }
    }

    public sealed class DeleteHandler(HandlerContext ctx)
    {
        public async Task<Result<Unit>> HandleAsync(Delete command, CancellationToken ct)
        {
            if (await ctx.Access.DemandAsync(Permission.ProjectManage, command.ProjectId, ct) is { } denied)
            {
                return denied;
            }

            var policy = await ctx.Db.ApprovalPolicies.FirstOrDefaultAsync(p => p.Id == command.PolicyId && p.ProjectId == command.ProjectId, ct);
            if (policy is null)
            {
                return NotFoundError.For("Approval policy", command.PolicyId);
            }

            // Requests already waiting keep the gates they were created with.
            ctx.Db.ApprovalPolicies.Remove(policy);
            await ctx.Db.SaveChangesAsync(ct);
            return Unit.Value;
        }
    }

    private static PolicyDto ToDto(ApprovalPolicy p, IReadOnlyDictionary<Guid, string> environments) => new(p.Id, p.Name, p.EnvironmentId,
        p.EnvironmentId is { } e ? environments.GetValueOrDefault(e) : null, p.Operations, p.Conditions, p.RequiredApprovals, p.ApproverRole, p.ApproverUserIds,
        p.AllowSelfApproval, p.Timeout?.TotalHours, p.TimeoutOutcome);
}
