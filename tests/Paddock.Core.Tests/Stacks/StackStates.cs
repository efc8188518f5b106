using Paddock.Core.Blueprints;
using Paddock.Core.Stacks;
using Paddock.Core.Tests.Blueprints;

namespace Paddock.Core.Tests.Stacks;

/// <summary>Desired states from blueprints, and observed states as a provider would report them after applying.</summary>
internal static class StackStates
{
    public static readonly StackIdentity Stack = new(Guid.Parse("6b1f3c1e-4c57-4a53-9a53-2f8e7f3b8a11"), "Shop Test");

    /// <summary>web -> api -> db, api with a secret and db with a volume and a health check.</summary>
    public static BlueprintSpec ThreeTier(string apiImage = "acme/api:1", int apiReplicas = 1) => new BlueprintBuilder()
        .WithVariable("db_password", type: VariableType.Secret, required: true)
        .WithService("db", s => s with
        {
            Image = "postgres:16",
            Volumes = [new VolumeSpec { Source = "pgdata", Target = "/var/lib/postgresql/data" }],
            HealthCheck = new HealthCheckSpec { Command = ["pg_isready"] },
            Environment = new Dictionary<string, string> { ["POSTGRES_PASSWORD"] = "${db_password}" },
        })
        .WithService("api", s => s with
        {
            Image = apiImage,
            Replicas = apiReplicas,
            Environment = new Dictionary<string, string> { ["DATABASE_URL"] = "postgres://app:${db_password}@db/app" },
            DependsOn = [new DependencySpec("db", DependencyCondition.Healthy)],
        })
        .WithService("web", s => s with
        {
            Image = "nginx:1",
            Ports = [new PortSpec { ContainerPort = 80, HostPort = 8080 }],
            DependsOn = [new DependencySpec("api")],
        })
        .Build();

    public static DesiredState Desired(BlueprintSpec spec, string password = "s3cret") =>
        DesiredStateBuilder.Build(Stack, BlueprintResolver.Resolve(spec, null, new Dictionary<string, string> { ["db_password"] = password }).Value).Value;

    public static ObservedState Running(DesiredState desired) => new([.. desired.Resources.Select(Observe)]);

    public static ObservedResource Observe(DesiredResource resource) => new()
    {
        Name = resource.Name,
        Kind = resource.Kind,
        ProviderId = "id-" + resource.Name,
        SpecHash = resource.SpecHash,
        FieldHashes = resource.FieldHashes,
        State = resource.Kind == ResourceKind.Container ? ResourceState.Running : ResourceState.Present,
        Image = resource.Container?.Image,
        Service = resource.Service,
        Replica = resource.Replica,
        Level = resource.Level,
    };

    public static ObservedState With(this ObservedState observed, string name, Func<ObservedResource, ObservedResource> change) =>
        new([.. observed.Resources.Select(r => r.Name == name ? change(r) : r)]);

    public static ObservedState Without(this ObservedState observed, string name) =>
        new([.. observed.Resources.Where(r => r.Name != name)]);
}
