namespace Paddock.Core.Blueprints;

/// <summary>Either a command run in the container (exit code 0 is healthy) or an HTTP GET that must answer 2xx/3xx.</summary>
public sealed record HealthCheckSpec
{
    public IReadOnlyList<string> Command { get; init => field = ValueList<string>.From(value); } = ValueList<string>.Empty;

    public string? HttpPath { get; init; }

    public int? HttpPort { get; init; }

    public TimeSpan Interval { get; init; } = TimeSpan.FromSeconds(30);

    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(30);

    public int Retries { get; init; } = 3;

    public TimeSpan StartPeriod { get; init; } = TimeSpan.Zero;

    public bool IsHttp => HttpPath is not null || HttpPort is not null;
}
