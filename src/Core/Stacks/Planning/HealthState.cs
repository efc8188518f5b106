namespace Paddock.Core.Stacks;

public enum HealthState
{
    /// <summary>The resource has no health check.</summary>
    None,
    Starting,
    Healthy,
    Unhealthy,
}
