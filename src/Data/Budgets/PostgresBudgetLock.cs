using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Paddock.Core.Budgets;

namespace Paddock.Data.Budgets;

/// <summary>
/// The budget row lock: a transaction on the request's own DbContext and <c>SELECT ... FOR UPDATE</c> on the budgets, in id
/// order so two operations locking the same pair never deadlock. Read committed is enough: the sums are read after the lock.
/// </summary>
internal sealed class PostgresBudgetLock(PaddockDbContext db) : IBudgetLock
{
    public async Task<IBudgetTransaction> LockAsync(IReadOnlyCollection<Guid> budgetIds, CancellationToken ct)
    {
        var transaction = await db.Database.BeginTransactionAsync(ct);
        if (budgetIds.Count > 0)
        {
            var ids = budgetIds.Order().ToArray();
            await db.Database.ExecuteSqlAsync($"SELECT id FROM budgets WHERE id = ANY({ids}) ORDER BY id FOR UPDATE", ct);
        }

        return new Transaction(transaction);
    }

    private sealed class Transaction(IDbContextTransaction transaction) : IBudgetTransaction
    {
        public Task CommitAsync(CancellationToken ct) => transaction.CommitAsync(ct);

        public ValueTask DisposeAsync() => transaction.DisposeAsync();
    }
}
