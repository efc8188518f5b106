namespace Paddock.Core.Blueprints.Designer;

/// <summary>A palette entry: what a service dragged onto the canvas starts as.</summary>
public sealed record ServiceTemplate(string Id, string Title, string Description, ServiceSpec Service)
{
    public static IReadOnlyList<ServiceTemplate> All { get; } =
    [
        new("container", "Empty container", "A container with nothing set yet", new ServiceSpec { Name = "container" }),
        new("vm", "Empty VM", "A virtual machine with nothing set yet", new ServiceSpec { Name = "vm", Kind = ServiceKind.Vm }),
        new("web", "Web server", "nginx serving on port 80, checked over HTTP", new ServiceSpec
        {
            Name = "web",
            Image = "nginx:1.27-alpine",
            Ports = [new PortSpec { ContainerPort = 80 }],
            HealthCheck = new HealthCheckSpec { HttpPath = "/", HttpPort = 80, Interval = TimeSpan.FromSeconds(10) },
            Restart = RestartPolicy.UnlessStopped,
        }),
        new("api", "API", "An HTTP API on port 8080 with a health endpoint", new ServiceSpec
        {
            Name = "api",
            Image = "ghcr.io/acme/api:latest",
            Ports = [new PortSpec { ContainerPort = 8080 }],
            Environment = new Dictionary<string, string> { ["PORT"] = "8080" },
            HealthCheck = new HealthCheckSpec { HttpPath = "/health", HttpPort = 8080, Interval = TimeSpan.FromSeconds(10) },
            Replicas = 2,
            Restart = RestartPolicy.UnlessStopped,
        }),
        new("worker", "Worker", "A background worker: no ports, restarts on failure", new ServiceSpec
        {
            Name = "worker",
            Image = "ghcr.io/acme/worker:latest",
            Restart = RestartPolicy.OnFailure,
        }),
        new("db", "Database", "PostgreSQL 16 with a data volume and a readiness check", new ServiceSpec
        {
            Name = "db",
            Image = "postgres:16-alpine",
            Environment = new Dictionary<string, string> { ["POSTGRES_PASSWORD"] = "${db_password}" },
            Ports = [new PortSpec { ContainerPort = 5432 }],
            Volumes = [new VolumeSpec { Source = "db-data", Target = "/var/lib/postgresql/data" }],
            HealthCheck = new HealthCheckSpec { Command = ["pg_isready", "-U", "postgres"], Interval = TimeSpan.FromSeconds(5) },
            Memory = MemorySize.FromMebibytes(512),
            Restart = RestartPolicy.UnlessStopped,
        }),
        new("cache", "Cache", "Redis 7 on port 6379", new ServiceSpec
        {
            Name = "cache",
            Image = "redis:7-alpine",
            Ports = [new PortSpec { ContainerPort = 6379 }],
            HealthCheck = new HealthCheckSpec { Command = ["redis-cli", "ping"], Interval = TimeSpan.FromSeconds(5) },
            Memory = MemorySize.FromMebibytes(256),
            Restart = RestartPolicy.UnlessStopped,
        }),
    ];

    public static ServiceTemplate? Find(string id) => All.FirstOrDefault(t => t.Id == id);

    /// <summary>Variables the template's values refer to, so a dropped database is valid at once.</summary>
    public IEnumerable<VariableSpec> RequiredVariables() => Id switch
    {
        "db" => [new VariableSpec { Name = "db_password", Type = VariableType.Secret, Required = true, Description = "The database superuser's password" }],
        _ => [],
    };
}
