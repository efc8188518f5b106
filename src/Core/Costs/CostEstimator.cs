using Paddock.Core.Common;
using Paddock.Core.Stacks;

namespace Paddock.Core.Costs;

/// <summary>Plan + rate card -> cost. Pure: the launch dialog, plan views, budgets and approvals all ask it the same way.</summary>
public static class CostEstimator
{
    /// <summary>The hours in an average month (8760 / 12), the convention cloud price lists use.</summary>
    public const decimal HoursPerMonth = 730m;

    public static CostEstimate Estimate(IEnumerable<CostItem> items, RateCard card, TimeSpan? ttl)
    {
        var lines = items.GroupBy(i => (i.Service, Basis: Basis(i, card)))
            .Select(g => new CostLine(g.Key.Service, g.Count(), g.Key.Basis.Text, Round(g.Key.Basis.Hourly * g.Count())))
            .OrderBy(l => l.Service, StringComparer.Ordinal)
            .ToList();
        var hourly = lines.Sum(l => l.Hourly);
        return new CostEstimate(hourly, Round(hourly * HoursPerMonth), ttl is { } t ? Round(hourly * (decimal)t.TotalHours) : null, card.Currency, lines);
    }

    /// <summary>The cost of running at <paramref name="hourly"/> from <paramref name="from"/> until <paramref name="until"/> (zero when it is past).</summary>
    public static decimal Over(decimal hourly, DateTimeOffset from, DateTimeOffset until) =>
        until <= from ? 0 : Round(hourly * (decimal)(until - from).TotalHours);

    /// <summary>
    /// What runs after the plan: every container it creates, updates or leaves alone. Destroy and stop plans run nothing, so cost nothing.
    /// </summary>
    public static IReadOnlyList<CostItem> ItemsOf(Plan plan)
    {
        if (plan.Kind is PlanKind.Destroy or PlanKind.Stop)
        {
            return [];
        }

        return [.. plan.Changes
            .Where(c => c.Action != ChangeAction.Delete && c.Desired?.Container is not null)
            .Select(c => new CostItem(c.Desired!.Service ?? c.Resource, c.Desired.Container!.Cpu, c.Desired.Container.Memory is { } m ? (decimal)m.Bytes / (1024m * 1024 * 1024) : null))];
    }

    public static decimal Round(decimal amount) => Math.Round(amount, 4, MidpointRounding.AwayFromZero);

    private static (string Text, decimal Hourly) Basis(CostItem item, RateCard card)
    {
        if (item.InstanceType is { } type)
        {
            // An instance type missing from the card is charged nothing but says so, rather than failing the launch.
            return card.InstanceTypes.TryGetValue(type, out var price) ? ($"{type}", price) : ($"{type} (no price on the rate card)", 0);
        }

        var cpu = item.Cpu ?? card.DefaultCpu;
        var memory = item.MemoryGib ?? card.DefaultMemoryGib;
        return ($"{cpu.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture)} vCPU, {memory.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture)} GiB",
            (cpu * card.CpuHour) + (memory * card.GibHour));
    }
}

/// <summary>Validation of rate card settings, shared by the API and the page.</summary>
internal static class RateCardRules
{
    public static Error? Validate(RateCardSettings settings)
    {
        var validator = new Validator()
            .Required("name", settings.Name, "Name")
            .MaxLength("name", settings.Name, 80, "Name")
            .When(settings.Currency is null || settings.Currency.Trim().Length != 3, "currency", "Currency is a three-letter code such as USD or EUR.")
            .When(settings.CpuHour < 0, "cpuHour", "The price per vCPU-hour cannot be negative.")
            .When(settings.GibHour < 0, "gibHour", "The price per GiB-hour cannot be negative.")
            .When(settings.DefaultCpu < 0, "defaultCpu", "The default vCPU cannot be negative.")
            .When(settings.DefaultMemoryGib < 0, "defaultMemoryGib", "The default memory cannot be negative.");
        foreach (var (type, price) in settings.InstanceTypes)
        {
            validator.When(string.IsNullOrWhiteSpace(type), "instanceTypes", "An instance type needs a name.")
                .When(price < 0, $"instanceTypes.{type}", $"The price of {type} cannot be negative.");
        }

        return validator.ToError();
    }
}
