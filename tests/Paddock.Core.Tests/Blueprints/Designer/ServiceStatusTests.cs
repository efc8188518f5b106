using Paddock.Core.Blueprints.Designer;
using Paddock.Core.Stacks;

namespace Paddock.Core.Tests.Blueprints.Designer;

public sealed class ServiceStatusTests
{
    [Fact]
    public void A_service_is_as_well_as_its_worst_replica_and_one_without_containers_is_missing()
    {
        var observed = new ObservedState(
        [
            Container("web", 1, ResourceState.Running, HealthState.Healthy),
            Container("web", 2, ResourceState.Running, HealthState.Starting),
            Container("api", 1, ResourceState.Running, HealthState.Healthy),
            Container("api", 2, ResourceState.Running, HealthState.Unhealthy),
            Container("db", 1, ResourceState.Running, HealthState.Healthy),
            Container("worker", 1, ResourceState.Running, HealthState.None),
            Container("batch", 1, ResourceState.Exited, HealthState.None),
            Container("crashy", 1, ResourceState.Restarting, HealthState.None),
        ]);

        var statuses = ServiceStatus.Of(["web", "api", "db", "worker", "batch", "crashy", "cache"], observed);

        statuses.ShouldBe(new Dictionary<string, string>
        {
            ["web"] = "starting",
            ["api"] = "unhealthy",
            ["db"] = "healthy",
            ["worker"] = "running",
            ["batch"] = "stopped",
            ["crashy"] = "unhealthy",
            ["cache"] = "missing",
        });
    }

    private static ObservedResource Container(string service, int replica, ResourceState state, HealthState health) => new()
    {
        Name = $"{service}-{replica}",
        Kind = ResourceKind.Container,
        ProviderId = Guid.NewGuid().ToString("N"),
        Service = service,
        Replica = replica,
        State = state,
        Health = health,
    };
}
