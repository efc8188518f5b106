namespace Paddock.Core.Budgets;

/// <summary>
/// Serialises budget checks: a transaction on the handler's own database context holding <c>SELECT ... FOR UPDATE</c> on the
/// budget rows, so two operations competing for the last of a budget cannot both pass. Implemented in Data (PostgreSQL).
/// </summary>
public interface IBudgetLock
{
    Task<IBudgetTransaction> LockAsync(IReadOnlyCollection<Guid> budgetIds, CancellationToken ct);
}

/// <summary>The open transaction; disposing it without <see cref="CommitAsync"/> rolls back and releases the locks.</summary>
public interface IBudgetTransaction : IAsyncDisposable
{
    Task CommitAsync(CancellationToken ct);
}
