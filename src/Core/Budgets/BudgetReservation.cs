namespace Paddock.Core.Budgets;

/// <summary>
/// What a running (or approved-to-run) stack holds of its budgets: its hourly rate until its expiry or the month's end.
/// The metering job turns held money into spent money (<see cref="CostEntry"/>) hour by hour; what is left stays reserved.
/// </summary>
public sealed class BudgetReservation
{
    private BudgetReservation()
    {
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();

    public Guid ProjectId { get; private set; }

    public Guid EnvironmentId { get; private set; }

    public Guid StackId { get; private set; }

    public Guid OperationId { get; private set; }

    public Guid? OwnerId { get; private set; }

    /// <summary>The first day of the month (UTC) the reservation counts against.</summary>
    public DateOnly Month { get; private set; }

    public decimal HourlyRate { get; private set; }

    /// <summary>The rate from <see cref="CreatedAt"/> until <see cref="Until"/>.</summary>
    public decimal Amount { get; private set; }

    /// <summary>What the metering job has already charged against it.</summary>
    public decimal Accrued { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset Until { get; private set; }

    public DateTimeOffset MeteredUntil { get; private set; }

    public DateTimeOffset? ReleasedAt { get; private set; }

    public uint Version { get; private set; }

    public decimal Remaining => ReleasedAt is null ? Math.Max(0, Amount - Accrued) : 0;

    public static BudgetReservation Create(Guid projectId, Guid environmentId, Guid stackId, Guid operationId, Guid? ownerId, decimal hourly,
        DateTimeOffset now, DateTimeOffset? expiresAt) => CreateFrom(projectId, environmentId, stackId, operationId, ownerId, hourly, now, expiresAt);

    /// <summary>The same stack's reservation for the month that starts where this one's ended.</summary>
    public BudgetReservation Continue(DateTimeOffset monthStart, DateTimeOffset? expiresAt) =>
        CreateFrom(ProjectId, EnvironmentId, StackId, OperationId, OwnerId, HourlyRate, monthStart, expiresAt);

    /// <summary>Charges the time from <see cref="MeteredUntil"/> to <paramref name="to"/> (never past <see cref="Until"/>); returns the cost.</summary>
    public decimal Meter(DateTimeOffset to)
    {
        var end = to < Until ? to : Until;
        if (end <= MeteredUntil || ReleasedAt is not null)
        {
            return 0;
        }

        var cost = Costs.CostEstimator.Over(HourlyRate, MeteredUntil, end);
        Accrued += cost;
        MeteredUntil = end;
        return cost;
    }

    public void Release(DateTimeOffset now) => ReleasedAt ??= now;

    public static DateOnly MonthOf(DateTimeOffset at) => new(at.UtcDateTime.Year, at.UtcDateTime.Month, 1);

    public static DateTimeOffset MonthEnd(DateTimeOffset at) =>
        new DateTimeOffset(at.UtcDateTime.Year, at.UtcDateTime.Month, 1, 0, 0, 0, TimeSpan.Zero).AddMonths(1);

    private static BudgetReservation CreateFrom(Guid projectId, Guid environmentId, Guid stackId, Guid operationId, Guid? ownerId, decimal hourly,
        DateTimeOffset from, DateTimeOffset? expiresAt)
    {
        var monthEnd = MonthEnd(from);
        var until = expiresAt is { } e && e < monthEnd ? e : monthEnd;
        return new BudgetReservation
        {
            ProjectId = projectId,
            EnvironmentId = environmentId,
            StackId = stackId,
            OperationId = operationId,
            OwnerId = ownerId,
            Month = MonthOf(from),
            HourlyRate = hourly,
            Amount = Costs.CostEstimator.Over(hourly, from, until),
            CreatedAt = from,
            Until = until < from ? from : until,
            MeteredUntil = from,
        };
    }
}

/// <summary>Money actually spent: one stack's running time over one metering period.</summary>
public sealed class CostEntry
{
    private CostEntry()
    {
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();

    public Guid ProjectId { get; private set; }

    public Guid EnvironmentId { get; private set; }

    public Guid StackId { get; private set; }

    public Guid? OwnerId { get; private set; }

    public DateOnly Month { get; private set; }

    public DateTimeOffset From { get; private set; }

    public DateTimeOffset To { get; private set; }

    public decimal Amount { get; private set; }

    public static CostEntry For(BudgetReservation reservation, DateTimeOffset from, DateTimeOffset to, decimal amount) => new()
    {
        ProjectId = reservation.ProjectId,
        EnvironmentId = reservation.EnvironmentId,
        StackId = reservation.StackId,
        OwnerId = reservation.OwnerId,
        Month = reservation.Month,
        From = from,
        To = to,
        Amount = amount,
    };
}
