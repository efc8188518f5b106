using Microsoft.EntityFrameworkCore;
using Paddock.Core.Approvals;
using Paddock.Core.Common;
using Paddock.Core.Stacks;

namespace Paddock.Core.Budgets;

/// <summary>
/// The hourly metering run: charges each running stack's time since the last run at its reserved rate (a <see cref="CostEntry"/>),
/// carries reservations into the next month, releases those of stacks that no longer run, and announces budget thresholds.
/// </summary>
public static class MeterCosts
{
    public sealed record Command;

    public sealed class Handler(HandlerContext ctx)
    {
        private static readonly StackStatus[] Running = [StackStatus.Running, StackStatus.Deploying];

        public async Task<int> HandleAsync(Command command, CancellationToken ct)
        {
            var now = ctx.Now;
            var reservations = await ctx.Db.BudgetReservations.Where(r => r.ReleasedAt == null).OrderBy(r => r.CreatedAt).ToListAsync(ct);
            var stackIds = reservations.Select(r => r.StackId).Distinct().ToList();
            var stacks = await ctx.Db.Stacks.Where(s => stackIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, ct);
            var operationIds = reservations.Select(r => r.OperationId).ToList();
            var operations = await ctx.Db.Operations.AsNoTracking().Where(o => operationIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Status, ct);
            var charged = 0;
            foreach (var reservation in reservations)
            {
                var status = operations.GetValueOrDefault(reservation.OperationId);
                if (status == OperationStatus.AwaitingApproval)
                {
                    continue;
                }

                var stack = stacks[reservation.StackId];
                if (status is OperationStatus.Rejected or OperationStatus.Cancelled || !Running.Contains(stack.Status))
                {
                    reservation.Release(now);
                    continue;
                }

                var current = reservation;
                while (true)
                {
                    var from = current.MeteredUntil;
                    var cost = current.Meter(now);
                    if (cost > 0)
                    {
                        ctx.Db.CostEntries.Add(CostEntry.For(current, from, current.MeteredUntil, cost));
                        charged++;
                    }

                    if (now < current.Until)
                    {
                        break;
                    }

                    current.Release(now);
                    // The month ended while the stack kept running: it holds next month's budget from the first hour.
                    var monthEnd = BudgetReservation.MonthEnd(current.CreatedAt);
                    if (current.Until < monthEnd || (stack.ExpiresAt is { } expires && expires <= current.Until))
                    {
                        break;
                    }

                    current = current.Continue(current.Until, stack.ExpiresAt);
                    ctx.Db.BudgetReservations.Add(current);
                }
            }

            await AnnounceAsync(reservations.Select(r => r.ProjectId).Distinct().ToList(), now, ct);
            await ctx.Db.SaveChangesAsync(ct);
            return charged;
        }

        private async Task AnnounceAsync(IReadOnlyList<Guid> projectIds, DateTimeOffset now, CancellationToken ct)
        {
            var budgets = await ctx.Db.Budgets.Where(b => projectIds.Contains(b.ProjectId)).ToListAsync(ct);
            foreach (var group in budgets.GroupBy(b => b.ProjectId))
            {
                var names = await ctx.Db.Environments.AsNoTracking().Where(e => e.ProjectId == group.Key).ToDictionaryAsync(e => e.Id, e => e.Name, ct);
                var list = group.ToList();
                var usages = await BudgetLedger.UsageAsync(ctx.Db, list, names, now, 0, null, ct);
                foreach (var (budget, usage) in list.Zip(usages))
                {
                    foreach (var percent in budget.Cross(usage.Committed, BudgetReservation.MonthOf(now)))
                    {
                        ctx.Db.OutboxMessages.Add(BudgetEventData.Message(budget, usage, percent, now));
                    }
                }
            }
        }
    }
}
