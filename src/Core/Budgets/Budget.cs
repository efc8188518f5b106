using Paddock.Core.Audit;

namespace Paddock.Core.Budgets;

/// <summary>
/// A monthly budget for a project, or for one of its environments. Over the soft threshold an operation needs an
/// approval; over the hard limit it is refused. Both are percentages of the amount. Checks lock this row.
/// </summary>
public sealed class Budget : IAudited
{
    public static readonly int[] NotifyAt = [50, 80, 100];

    private Budget()
    {
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();

    public Guid ProjectId { get; private set; }

    /// <summary>Null for the whole project.</summary>
    public Guid? EnvironmentId { get; private set; }

    public decimal MonthlyAmount { get; private set; }

    public int SoftThresholdPercent { get; private set; }

    public int HardLimitPercent { get; private set; }

    public string Currency { get; private set; } = "USD";

    /// <summary>The highest of 50/80/100 percent already announced this month (see <see cref="NotifiedMonth"/>), so each is announced once.</summary>
    [AuditIgnored]
    public int NotifiedPercent { get; private set; }

    [AuditIgnored]
    public DateOnly? NotifiedMonth { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    [AuditIgnored]
    public uint Version { get; private set; }

    Guid? IAudited.AuditProjectId => ProjectId;

    public decimal SoftThreshold => MonthlyAmount * SoftThresholdPercent / 100m;

    public decimal HardLimit => MonthlyAmount * HardLimitPercent / 100m;

    public static Budget Create(Guid projectId, BudgetSettings settings, DateTimeOffset now)
    {
        var budget = new Budget { ProjectId = projectId, CreatedAt = now };
        budget.Apply(settings);
        return budget;
    }

    public void Apply(BudgetSettings settings)
    {
        EnvironmentId = settings.EnvironmentId;
        MonthlyAmount = settings.MonthlyAmount;
        SoftThresholdPercent = settings.SoftThresholdPercent;
        HardLimitPercent = settings.HardLimitPercent;
        Currency = settings.Currency.Trim().ToUpperInvariant();
    }

    /// <summary>The thresholds (50, 80, 100) that <paramref name="committed"/> crosses for the first time this month; records them.</summary>
    public IReadOnlyList<int> Cross(decimal committed, DateOnly month)
    {
        if (NotifiedMonth != month)
        {
            NotifiedMonth = month;
            NotifiedPercent = 0;
        }

        var percent = MonthlyAmount <= 0 ? 100 : committed * 100m / MonthlyAmount;
        var crossed = NotifyAt.Where(t => t > NotifiedPercent && percent >= t).ToList();
        if (crossed.Count > 0)
        {
            NotifiedPercent = crossed[^1];
        }

        return crossed;
    }
}

public sealed record BudgetSettings(Guid? EnvironmentId, decimal MonthlyAmount, int SoftThresholdPercent, int HardLimitPercent, string Currency = "USD");
