using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Paddock.Core.Common;
using Paddock.Core.Identity;

namespace Paddock.Core.Budgets;

/// <summary>One stack's month: spent so far, and the forecast for the month's end (spent plus what it still holds).</summary>
public sealed record CostRow(Guid ProjectId, string Project, Guid EnvironmentId, string Environment, Guid StackId, string Stack, string Owner, decimal HourlyRate,
    decimal Spent, decimal Forecast);

public sealed record DailyCost(DateOnly Day, decimal Amount);

public sealed record CostReport(DateOnly Month, string Currency, decimal Spent, decimal Forecast, IReadOnlyList<CostRow> Rows, IReadOnlyList<DailyCost> Daily)
{
    /// <summary>The rows as CSV (RFC 4180), one line per stack.</summary>
    public string ToCsv()
    {
        var csv = new StringBuilder("month,project,environment,stack,owner,hourly_rate,spent,forecast,currency\r\n");
        foreach (var r in Rows)
        {
            csv.Append(string.Join(',', Month.ToString("yyyy-MM", CultureInfo.InvariantCulture), Quote(r.Project), Quote(r.Environment), Quote(r.Stack), Quote(r.Owner),
                r.HourlyRate.ToString("0.####", CultureInfo.InvariantCulture), r.Spent.ToString("0.####", CultureInfo.InvariantCulture),
                r.Forecast.ToString("0.####", CultureInfo.InvariantCulture), Currency)).Append("\r\n");
        }

        return csv.ToString();
    }

    private static string Quote(string value) =>
        value.IndexOfAny([',', '"', '\r', '\n']) >= 0 || value.StartsWith('=') || value.StartsWith('+') || value.StartsWith('-') || value.StartsWith('@')
            ? "\"" + (value.StartsWith('=') || value.StartsWith('+') || value.StartsWith('-') || value.StartsWith('@') ? "'" : "") + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
            : value;
}

/// <summary>Showback: month-to-date spend and forecast by project, environment, stack and owner, for the projects the user can read.</summary>
public static class GetCosts
{
    public sealed record Query(Guid? ProjectId);

    public sealed class Handler(HandlerContext ctx)
    {
        public async Task<Result<CostReport>> HandleAsync(Query query, CancellationToken ct)
        {
            if (query.ProjectId is { } pid && await ctx.Access.DemandAsync(Permission.StacksRead, pid, ct) is { } denied)
            {
                return denied;
            }

            var month = BudgetReservation.MonthOf(ctx.Now);
            var entries = ctx.Db.CostEntries.AsNoTracking().Where(e => e.Month == month);
            var held = ctx.Db.BudgetReservations.AsNoTracking().Where(r => r.Month == month && r.ReleasedAt == null);
            if (query.ProjectId is { } projectId)
            {
                entries = entries.Where(e => e.ProjectId == projectId);
                held = held.Where(r => r.ProjectId == projectId);
            }

            var spent = await entries.GroupBy(e => new { e.ProjectId, e.StackId }).Select(g => new { g.Key.ProjectId, g.Key.StackId, Amount = g.Sum(e => e.Amount) }).ToListAsync(ct);
            var daily = await entries.Select(e => new { e.ProjectId, e.From, e.Amount }).ToListAsync(ct);
            var reserved = await held.ToListAsync(ct);
            var projectIds = spent.Select(s => s.ProjectId).Concat(reserved.Select(r => r.ProjectId)).Distinct().ToList();
            var readable = new HashSet<Guid>();
            foreach (var id in projectIds)
            {
                if (await ctx.Access.HasAsync(Permission.StacksRead, id, ct))
                {
                    readable.Add(id);
                }
            }

            var stackIds = spent.Where(s => readable.Contains(s.ProjectId)).Select(s => s.StackId)
                .Concat(reserved.Where(r => readable.Contains(r.ProjectId)).Select(r => r.StackId)).Distinct().ToList();
            var stacks = await ctx.Db.Stacks.AsNoTracking().Where(s => stackIds.Contains(s.Id)).ToListAsync(ct);
            var projects = await ctx.Db.Projects.AsNoTracking().Where(p => readable.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, ct);
            var environments = await ctx.Db.Environments.AsNoTracking().Where(e => readable.Contains(e.ProjectId)).ToDictionaryAsync(e => e.Id, e => e.Name, ct);
            var ownerIds = stacks.Select(s => s.OwnerId).ToList();
            var owners = await ctx.Db.Users.AsNoTracking().Where(u => ownerIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Email ?? u.UserName ?? "", ct);
            var rows = stacks.Select(s =>
            {
                var stackSpent = spent.Where(x => x.StackId == s.Id).Sum(x => x.Amount);
                var holding = reserved.Where(r => r.StackId == s.Id).ToList();
                return new CostRow(s.ProjectId, projects.GetValueOrDefault(s.ProjectId, "?"), s.EnvironmentId, environments.GetValueOrDefault(s.EnvironmentId, "?"), s.Id,
                    s.Name, s.OwnerId is { } o ? owners.GetValueOrDefault(o, "?") : "system", holding.Select(r => r.HourlyRate).LastOrDefault(), stackSpent,
                    stackSpent + holding.Sum(r => r.Remaining));
            }).OrderByDescending(r => r.Forecast).ThenBy(r => r.Stack, StringComparer.Ordinal).ToList();
            var days = daily.Where(d => readable.Contains(d.ProjectId)).GroupBy(d => DateOnly.FromDateTime(d.From.UtcDateTime))
                .Select(g => new DailyCost(g.Key, g.Sum(d => d.Amount))).OrderBy(d => d.Day).ToList();
            var currency = await ctx.Db.RateCards.AsNoTracking().Where(c => c.ProviderAccountId == null).Select(c => c.Currency).FirstOrDefaultAsync(ct) ?? "USD";
            return new CostReport(month, currency, rows.Sum(r => r.Spent), rows.Sum(r => r.Forecast), rows, days);
        }
    }
}
