using Microsoft.EntityFrameworkCore;
using Paddock.Core.Common;
using Paddock.Core.Identity;

namespace Paddock.Core.Budgets;

/// <summary>A budget with this month's numbers.</summary>
public sealed record BudgetDto(Guid Id, Guid? EnvironmentId, string Scope, decimal MonthlyAmount, int SoftThresholdPercent, int HardLimitPercent, string Currency,
    decimal Spent, decimal Reserved, decimal UsedPercent);

public static class ProjectBudgets
{
    public sealed record List(Guid ProjectId);

    /// <param name="BudgetId">Null to create.</param>
    public sealed record Save(Guid ProjectId, Guid? BudgetId, BudgetSettings Settings);

    public sealed record Delete(Guid ProjectId, Guid BudgetId);

    public sealed class ListHandler(HandlerContext ctx)
    {
        public async Task<Result<IReadOnlyList<BudgetDto>>> HandleAsync(List query, CancellationToken ct)
        {
            if (await ctx.Access.DemandAsync(Permission.ProjectRead, query.ProjectId, ct) is { } denied)
            {
                return denied;
            }

            var budgets = await ctx.Db.Budgets.AsNoTracking().Where(b => b.ProjectId == query.ProjectId).OrderBy(b => b.EnvironmentId != null).ThenBy(b => b.Id).ToListAsync(ct);
            return Result<IReadOnlyList<BudgetDto>>.Success(await DtosAsync(ctx, query.ProjectId, budgets, ct));
        }
    }

    public sealed class Handler(HandlerContext ctx)
    {
        public async Task<Result<BudgetDto>> HandleAsync(Save command, CancellationToken ct)
        {
            if (await ctx.Access.DemandAsync(Permission.BudgetsManage, command.ProjectId, ct) is { } denied)
            {
                return denied;
            }

            var s = command.Settings;
            var environmentOk = s.EnvironmentId is not { } env || await ctx.Db.Environments.AnyAsync(e => e.Id == env && e.ProjectId == command.ProjectId, ct);
            var duplicate = await ctx.Db.Budgets.AnyAsync(b => b.ProjectId == command.ProjectId && b.EnvironmentId == s.EnvironmentId && b.Id != command.BudgetId, ct);
            var invalid = new Validator()
                .When(s.MonthlyAmount <= 0, "monthlyAmount", "The monthly amount must be more than zero.")
                .When(s.SoftThresholdPercent is < 1 or > 1000, "softThresholdPercent", "The soft threshold is a percentage of the amount, between 1 and 1000.")
                .When(s.HardLimitPercent is < 1 or > 1000, "hardLimitPercent", "The hard limit is a percentage of the amount, between 1 and 1000.")
                .When(s.SoftThresholdPercent > s.HardLimitPercent, "softThresholdPercent", "The soft threshold cannot be above the hard limit.")
                .When(s.Currency is null || s.Currency.Trim().Length != 3, "currency", "Currency is a three-letter code such as USD or EUR.")
                .When(!environmentOk, "environmentId", "Choose an environment of this project.")
                .When(environmentOk && duplicate, "environmentId", s.EnvironmentId is null ? "The project already has a budget." : "That environment already has a budget.")
                .ToError();
            if (invalid is not null)
            {
                return invalid;
            }

            Budget? budget;
            if (command.BudgetId is { } id)
            {
                budget = await ctx.Db.Budgets.FirstOrDefaultAsync(b => b.Id == id && b.ProjectId == command.ProjectId, ct);
                if (budget is null)
                {
                    return NotFoundError.For("Budget", id);
                }

                budget.Apply(s);
            }
            else
            {
                budget = Budget.Create(command.ProjectId, s, ctx.Now);
                ctx.Db.Budgets.Add(budget);
            }

            await ctx.Db.SaveChangesAsync(ct);
            return (await DtosAsync(ctx, command.ProjectId, [budget], ct))[0];
        }
    }

    public sealed class DeleteHandler(HandlerContext ctx)
    {
        public async Task<Result<Unit>> HandleAsync(Delete command, CancellationToken ct)
        {
            if (await ctx.Access.DemandAsync(Permission.BudgetsManage, command.ProjectId, ct) is { } denied)
            {
                return denied;
            }

            var budget = await ctx.Db.Budgets.FirstOrDefaultAsync(b => b.Id == command.BudgetId && b.ProjectId == command.ProjectId, ct);
            if (budget is null)
            {
                return NotFoundError.For("Budget", command.BudgetId);
            }

            ctx.Db.Budgets.Remove(budget);
            await ctx.Db.SaveChangesAsync(ct);
            return Unit.Value;
        }
    }

    private static async Task<IReadOnlyList<BudgetDto>> DtosAsync(HandlerContext ctx, Guid projectId, IReadOnlyList<Budget> budgets, CancellationToken ct)
    {
        var names = await ctx.Db.Environments.AsNoTracking().Where(e => e.ProjectId == projectId).ToDictionaryAsync(e => e.Id, e => e.Name, ct);
        var usages = await BudgetLedger.UsageAsync(ctx.Db, budgets, names, ctx.Now, 0, null, ct);
        return [.. budgets.Zip(usages, (b, u) => new BudgetDto(b.Id, b.EnvironmentId, u.Scope, b.MonthlyAmount, b.SoftThresholdPercent, b.HardLimitPercent,
            b.Currency, u.Spent, u.Reserved, b.MonthlyAmount <= 0 ? 0 : Math.Round(u.Committed * 100m / b.MonthlyAmount, 1)))];
    }
}
