using Paddock.Core.Blueprints;
using Paddock.Core.Stacks;
using Paddock.Workers.Providers.Docker;

namespace Paddock.Workers.Tests.Providers;

/// <summary>Busybox blueprints for the private engine: web -> api -> db, each a real process.</summary>
internal static class TestStack
{
    public const string Secret = "hunter2-secret";

    public static StackIdentity NewIdentity(string name) => new(Guid.NewGuid(), $"t-{name}-{Guid.NewGuid():N}"[..30]);

    public static ServiceSpec Db() => new()
    {
        Name = "db",
        Image = LocalBaseImage.Name,
        Command = ["httpd", "-f", "-p", "80", "-h", "/www"],
        Volumes = [new VolumeSpec { Source = "data", Target = "/data" }],
        HealthCheck = new HealthCheckSpec { HttpPath = "/", HttpPort = 80, Interval = TimeSpan.FromMilliseconds(200), Timeout = TimeSpan.FromSeconds(2), Retries = 10 },
    };

    public static ServiceSpec Api(int replicas = 1) => new()
    {
        Name = "api",
        Image = LocalBaseImage.Name,
        Command = ["sh", "-c", "echo api started; echo api ready; exec sleep 3600"],
        Environment = new Dictionary<string, string> { ["DB_URL"] = "http://db/", ["DB_PASSWORD"] = "${db_password}" },
        DependsOn = [new DependencySpec("db", DependencyCondition.Healthy)],
        Replicas = replicas,
        Cpu = 0.5m,
        Memory = MemorySize.Parse("64Mi"),
        Restart = RestartPolicy.UnlessStopped,
    };

    public static ServiceSpec Web() => new()
    {
        Name = "web",
        Image = LocalBaseImage.Name,
        Command = ["httpd", "-f", "-p", "8080", "-h", "/www"],
        Ports = [new PortSpec { ContainerPort = 8080 }],
        DependsOn = [new DependencySpec("api")],
    };

    public static BlueprintSpec Blueprint(params ServiceSpec[] services) => new()
    {
        Name = "test",
        Variables = [new VariableSpec { Name = "db_password", Type = VariableType.Secret, Default = Secret }],
        Services = services.Length > 0 ? services : [Db(), Api(), Web()],
    };

    public static DesiredState Desired(StackIdentity stack, BlueprintSpec spec) =>
        DesiredStateBuilder.Build(stack, BlueprintResolver.Resolve(spec, null, new Dictionary<string, string>()).Value).Value;
}
