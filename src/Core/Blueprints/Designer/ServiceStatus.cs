using Paddock.Core.Stacks;

namespace Paddock.Core.Blueprints.Designer;

/// <summary>
/// One word per service of a launched stack, for the designer's nodes: the worst of its replicas, so a node is green only
/// when every replica is. <c>healthy</c> (all pass their check), <c>running</c> (no check), <c>starting</c> (a check not
/// passed yet, or created but not started), <c>stopped</c> (exited or paused), <c>unhealthy</c> (a check fails, or a
/// replica died or keeps restarting).
/// A service with no container on the engine is <c>missing</c>.
/// </summary>
public static class ServiceStatus
{
    private static readonly string[] WorstFirst = ["unhealthy", "stopped", "starting", "running", "healthy"];

    public static IReadOnlyDictionary<string, string> Of(IEnumerable<string> services, ObservedState observed)
    {
        ArgumentNullException.ThrowIfNull(observed);
        var byService = observed.Containers.Where(c => c.Service is not null).ToLookup(c => c.Service!, StringComparer.Ordinal);
        return services.ToDictionary(s => s, s => Worst(byService[s]), StringComparer.Ordinal);
    }

    private static string Worst(IEnumerable<ObservedResource> replicas)
    {
        var words = replicas.Select(Of).ToHashSet();
        return words.Count == 0 ? "missing" : WorstFirst.First(words.Contains);
    }

    private static string Of(ObservedResource container) => (container.State, container.Health) switch
    {
        (ResourceState.Dead or ResourceState.Restarting, _) or (_, HealthState.Unhealthy) => "unhealthy",
        (ResourceState.Exited or ResourceState.Paused, _) => "stopped",
        (ResourceState.Running, HealthState.Healthy) => "healthy",
        (ResourceState.Running, HealthState.None) => "running",
        _ => "starting",
    };
}
