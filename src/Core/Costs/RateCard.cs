using Paddock.Core.Audit;

namespace Paddock.Core.Costs;

/// <summary>
/// Prices for one provider account (or, with no account, the installation's default card used when an account has none).
/// Docker: a price per vCPU-hour and per GiB-hour, for on-premises showback. EC2: a price per instance-hour by instance type.
/// </summary>
public sealed class RateCard : IAudited
{
    private RateCard()
    {
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();

    /// <summary>The provider account these prices are for; null for the default card. No foreign key: accounts live in another feature.</summary>
    public Guid? ProviderAccountId { get; private set; }

    public string Name { get; private set; } = "";

    public string Currency { get; private set; } = "USD";

    public decimal CpuHour { get; private set; }

    public decimal GibHour { get; private set; }

    /// <summary>What a container without a CPU limit is charged for: it can use that much and more, so it is not free.</summary>
    public decimal DefaultCpu { get; private set; }

    public decimal DefaultMemoryGib { get; private set; }

    /// <summary>EC2 price per instance-hour by instance type (t3.micro -> 0.0104).</summary>
    public Dictionary<string, decimal> InstanceTypes { get; private set; } = [];

    public DateTimeOffset UpdatedAt { get; private set; }

    [AuditIgnored]
    public uint Version { get; private set; }

    Guid? IAudited.AuditProjectId => null;

    public static RateCard Create(RateCardSettings settings, DateTimeOffset now)
    {
        var card = new RateCard { ProviderAccountId = settings.ProviderAccountId };
        card.Apply(settings, now);
        return card;
    }

    /// <summary>The card used when nothing is configured: modest on-premises prices and the common EC2 on-demand prices (us-east-1).</summary>
    public static RateCard Default(DateTimeOffset now) => Create(RateCardSettings.Default, now);

    public void Apply(RateCardSettings settings, DateTimeOffset now)
    {
        Name = settings.Name.Trim();
        Currency = settings.Currency.Trim().ToUpperInvariant();
        CpuHour = settings.CpuHour;
        GibHour = settings.GibHour;
        DefaultCpu = settings.DefaultCpu;
        DefaultMemoryGib = settings.DefaultMemoryGib;
        InstanceTypes = new Dictionary<string, decimal>(settings.InstanceTypes, StringComparer.Ordinal);
        UpdatedAt = now;
    }
}

public sealed record RateCardSettings(string Name, string Currency, decimal CpuHour, decimal GibHour, decimal DefaultCpu, decimal DefaultMemoryGib,
    IReadOnlyDictionary<string, decimal> InstanceTypes, Guid? ProviderAccountId = null)
{
    public static readonly RateCardSettings Default = new("Default", "USD", 0.04m, 0.005m, 0.25m, 0.25m, new Dictionary<string, decimal>
    {
        ["t3.nano"] = 0.0052m,
        ["t3.micro"] = 0.0104m,
        ["t3.small"] = 0.0208m,
        ["t3.medium"] = 0.0416m,
        ["t3.large"] = 0.0832m,
        ["m5.large"] = 0.096m,
        ["m5.xlarge"] = 0.192m,
        ["c5.large"] = 0.085m,
        ["r5.large"] = 0.126m,
    });
}
