using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Paddock.Core.Common;

namespace Paddock.Core.Budgets;

/// <summary>One budget's numbers for one operation: what is spent this month, what running stacks hold, what this operation would add.</summary>
public sealed record BudgetUsage(Guid BudgetId, string Scope, decimal Amount, decimal SoftThreshold, decimal HardLimit, decimal Spent, decimal Reserved,
    decimal ThisOperation, string Currency)
{
    public decimal Committed => Spent + Reserved + ThisOperation;

    /// <summary>An operation that adds nothing (destroy, stop, scale down) is never refused: it only makes things better.</summary>
    public bool OverHardLimit => ThisOperation > 0 && Committed > HardLimit;

    public bool OverSoftThreshold => ThisOperation > 0 && Committed > SoftThreshold;

    /// <summary>What is left of the amount after the operation, as a percentage (negative when over).</summary>
    public decimal LeftAfterPercent => Amount <= 0 ? 0 : Math.Round((Amount - Committed) * 100m / Amount, 2);

    public string Numbers =>
        string.Create(CultureInfo.InvariantCulture, $"budget {Amount:0.00} {Currency}, spent {Spent:0.00}, reserved {Reserved:0.00}, this operation {ThisOperation:0.00}");
}

public enum BudgetVerdict
{
    Allow,
    NeedsApproval,
    Refuse,
}

/// <summary>Pure: the verdict over every budget that covers the operation (the project's and its environment's).</summary>
public static class BudgetCheck
{
    public static BudgetVerdict Verdict(IReadOnlyList<BudgetUsage> usages) =>
        usages.Any(u => u.OverHardLimit) ? BudgetVerdict.Refuse
        : usages.Any(u => u.OverSoftThreshold) ? BudgetVerdict.NeedsApproval
        : BudgetVerdict.Allow;

    /// <summary>The refusal, with the numbers, as a field error on <c>budget</c> (the API's ProblemDetails and the dialog both show it).</summary>
    public static ValidationError Refusal(IReadOnlyList<BudgetUsage> usages) => new([.. usages.Where(u => u.OverHardLimit).Select(u => new FieldError("budget",
        string.Create(CultureInfo.InvariantCulture, $"Over the hard limit of the {u.Scope} budget ({u.HardLimit:0.00} {u.Currency}): {u.Numbers}.")))]);

    /// <summary>The lowest percentage of any budget left after the operation; null when no budget covers it.</summary>
    public static decimal? LeftAfterPercent(IReadOnlyList<BudgetUsage> usages) => usages.Count == 0 ? null : usages.Min(u => u.LeftAfterPercent);
}

/// <summary>Reads spent and reserved money for the budgets that cover a project and environment this month.</summary>
internal static class BudgetLedger
{
    public static async Task<List<Budget>> BudgetsForAsync(IPaddockDbContext db, Guid projectId, Guid environmentId, CancellationToken ct) =>
        await db.Budgets.Where(b => b.ProjectId == projectId && (b.EnvironmentId == null || b.EnvironmentId == environmentId)).OrderBy(b => b.Id).ToListAsync(ct);

    /// <param name="replacingStackId">A day-2 operation replaces its stack's reservation: leave that one out.</param>
    public static async Task<List<BudgetUsage>> UsageAsync(IPaddockDbContext db, IReadOnlyList<Budget> budgets, IReadOnlyDictionary<Guid, string> environmentNames,
        DateTimeOffset now, decimal thisOperation, Guid? replacingStackId, CancellationToken ct)
    {
        var month = BudgetReservation.MonthOf(now);
        var result = new List<BudgetUsage>();
        foreach (var budget in budgets)
        {
            var spent = await db.CostEntries.Where(e => e.ProjectId == budget.ProjectId && e.Month == month
                && (budget.EnvironmentId == null || e.EnvironmentId == budget.EnvironmentId)).SumAsync(e => (decimal?)e.Amount, ct) ?? 0;
            var reserved = await db.BudgetReservations.Where(r => r.ProjectId == budget.ProjectId && r.Month == month && r.ReleasedAt == null
                && (budget.EnvironmentId == null || r.EnvironmentId == budget.EnvironmentId) && r.StackId != replacingStackId)
                .SumAsync(r => (decimal?)(r.Amount - r.Accrued > 0 ? r.Amount - r.Accrued : 0), ct) ?? 0;
            var scope = budget.EnvironmentId is { } env ? $"'{environmentNames.GetValueOrDefault(env, "environment")}' environment" : "project";
            result.Add(new BudgetUsage(budget.Id, scope, budget.MonthlyAmount, budget.SoftThreshold, budget.HardLimit, spent, reserved, thisOperation, budget.Currency));
        }

        return result;
    }
}
