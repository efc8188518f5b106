using Paddock.Core.Blueprints;

namespace Paddock.Core.Tests.Blueprints;

/// <summary>Builds blueprint specs for tests: a valid starting point plus intent-named changes.</summary>
public sealed class BlueprintBuilder
{
    private readonly List<VariableSpec> _variables = [];
    private readonly List<ServiceSpec> _services = [];
    private readonly List<EnvironmentOverride> _environments = [];
    private readonly List<ActionSpec> _actions = [];
    private string? _name = "shop";

    public static ServiceSpec Container(string name, string image = "nginx:1.27") => new() { Name = name, Image = image };

    public BlueprintBuilder Named(string? name)
    {
        _name = name;
        return this;
    }

    public BlueprintBuilder WithServices(int count)
    {
        for (var i = 1; i <= count; i++)
        {
            _services.Add(Container($"svc-{i}"));
        }

        return this;
    }

    public BlueprintBuilder WithService(string name, Func<ServiceSpec, ServiceSpec>? configure = null)
    {
        var service = Container(name);
        _services.Add(configure is null ? service : configure(service));
        return this;
    }

    public BlueprintBuilder WithService(ServiceSpec service)
    {
        _services.Add(service);
        return this;
    }

    public BlueprintBuilder WithVariable(string name, string? defaultValue = null, VariableType type = VariableType.String, bool required = false, params string[] allowed)
    {
        _variables.Add(new VariableSpec { Name = name, Default = defaultValue, Type = type, Required = required, AllowedValues = allowed });
        return this;
    }

    public BlueprintBuilder WithEnvironment(EnvironmentOverride environment)
    {
        _environments.Add(environment);
        return this;
    }

    public BlueprintBuilder WithAction(string name, string service, params string[] command)
    {
        _actions.Add(new ActionSpec { Name = name, Service = service, Command = command });
        return this;
    }

    public BlueprintSpec Build() => new()
    {
        Name = _name,
        Variables = _variables,
        Services = _services,
        Environments = _environments,
        Actions = _actions,
    };

    /// <summary>A blueprint that uses every feature of the format.</summary>
    public static BlueprintSpec Rich() => new BlueprintBuilder()
        .WithVariable("tag", "1.4.2")
        .WithVariable("log_level", "info", VariableType.Enum, false, "debug", "info", "warn")
        .WithVariable("workers", "4", VariableType.Int)
        .WithVariable("db_password", type: VariableType.Secret, required: true)
        .WithService("db", s => s with
        {
            Image = "postgres:16",
            Environment = new Dictionary<string, string> { ["POSTGRES_PASSWORD"] = "${db_password}" },
            Volumes = [new VolumeSpec { Source = "pgdata", Target = "/var/lib/postgresql/data" }],
            Ports = [new PortSpec { ContainerPort = 5432, HostPort = 15432, HostIp = "127.0.0.1" }],
            HealthCheck = new HealthCheckSpec
            {
                Command = ["pg_isready", "-U", "postgres"],
                Interval = TimeSpan.FromSeconds(10),
                Timeout = TimeSpan.FromSeconds(5),
                Retries = 5,
                StartPeriod = TimeSpan.FromSeconds(90),
            },
            Memory = MemorySize.Parse("1Gi"),
            Restart = RestartPolicy.UnlessStopped,
        })
        .WithService("api", s => s with
        {
            Image = "ghcr.io/acme/api:${tag}",
            Command = ["serve", "--workers", "${workers}"],
            Entrypoint = ["/app/entry.sh"],
            Environment = new Dictionary<string, string>
            {
                ["DATABASE_URL"] = "postgres://app:${db_password}@db/app",
                ["LOG_LEVEL"] = "${log_level}",
                ["FEATURE_X"] = "true",
                ["PORT"] = "8080",
            },
            Ports = [new PortSpec { ContainerPort = 8080 }, new PortSpec { ContainerPort = 9125, Protocol = PortProtocol.Udp }],
            Volumes = [new VolumeSpec { Type = VolumeType.Bind, Source = "./config", Target = "/etc/api", ReadOnly = true }],
            DependsOn = [new DependencySpec("db", DependencyCondition.Healthy)],
            HealthCheck = new HealthCheckSpec { HttpPath = "/healthz", HttpPort = 8080, Interval = TimeSpan.FromSeconds(15) },
            Replicas = 2,
            Cpu = 0.5m,
            Memory = MemorySize.Parse("256Mi"),
            Restart = RestartPolicy.OnFailure,
            Labels = new Dictionary<string, string> { ["com.acme.team"] = "payments" },
        })
        .WithService(new ServiceSpec { Name = "batch", Kind = ServiceKind.Vm, MachineImage = "ami-0abc1234", InstanceType = "t3.small" })
        .WithEnvironment(new EnvironmentOverride
        {
            Name = "production",
            Variables = new Dictionary<string, string> { ["log_level"] = "warn" },
            Services =
            [
                new ServiceOverride { Service = "api", Replicas = 4, Environment = new Dictionary<string, string> { ["SENTRY"] = "on" } },
                new ServiceOverride { Service = "batch", InstanceType = "m5.large" },
            ],
        })
        .WithAction("migrate", "api", "api", "migrate", "--yes")
        .Build() with
    { Description = "Shop API with its database" };
}
