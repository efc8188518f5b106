namespace Paddock.Core.Costs;

/// <summary>What a plan costs to run: per hour, per (730-hour) month, and over its time to live when it has one.</summary>
public sealed record CostEstimate(decimal Hourly, decimal Monthly, decimal? OverTtl, string Currency, IReadOnlyList<CostLine> Lines)
{
    public static CostEstimate Zero(string currency) => new(0, 0, 0, currency, []);
}

/// <summary>One service's share: how many replicas or instances, what each is charged for, and the hourly total.</summary>
public sealed record CostLine(string Service, int Count, string Basis, decimal Hourly);

/// <summary>One thing that costs while it runs: a container replica (CPU and memory) or a VM (an instance type).</summary>
public sealed record CostItem(string Service, decimal? Cpu = null, decimal? MemoryGib = null, string? InstanceType = null);
