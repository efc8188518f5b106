using Paddock.Core.Blueprints;

namespace Paddock.Core.Tests.Blueprints;

public class ComposeImporterTests
{
    private const string Realistic = """
        version: "3.8"
        x-common: &common
          restart: unless-stopped
          labels:
            - "com.acme.stack=shop"
        services:
          db:
            <<: *common
            image: postgres:${PG_VERSION:-16}
            environment:
              POSTGRES_PASSWORD: ${POSTGRES_PASSWORD:?set a password}
              POSTGRES_DB: shop
            volumes:
              - pgdata:/var/lib/postgresql/data
            healthcheck:
              test: ["CMD-SHELL", "pg_isready -U postgres"]
              interval: 10s
              timeout: 5s
              retries: 5
              start_period: 1m30s
          api:
            build: ./api
            image: ghcr.io/acme/api:${TAG-latest}
            command: serve --port 8080 "--name=my api"
            entrypoint: ["/entry.sh"]
            environment:
              - DATABASE_URL=postgres://postgres:${POSTGRES_PASSWORD}@db/shop
              - LOG_LEVEL=$LOG_LEVEL
              - API_KEY
            env_file: .env
            ports:
              - "8080:8080"
              - "127.0.0.1:9090:9090"
              - "7000-7001:7000-7001/udp"
              - target: 9443
                published: 443
                protocol: tcp
            volumes:
              - ./config:/etc/api:ro
              - type: volume
                source: cache
                target: /cache
              - /tmp/scratch
            depends_on:
              db:
                condition: service_healthy
              migrate:
                condition: service_completed_successfully
            deploy:
              replicas: 1
              resources:
                limits:
                  cpus: "0.5"
                  memory: 512m
                reservations:
                  memory: 128m
            networks: [front]
            restart: on-failure
            labels:
              com.acme.team: payments
          migrate:
            image: ghcr.io/acme/api:${TAG-latest}
            command: ["migrate", "--yes"]
            depends_on: [db]
            mem_limit: 1g
            cpus: 0.25
            restart: "no"
        volumes:
          pgdata:
          cache:
            driver: local
        networks:
          front:
        """;

    private static ComposeImportResult Import() => ComposeImporter.Import(Realistic);

    [Fact]
    public void A_realistic_compose_file_becomes_a_valid_blueprint()
    {
        var result = Import();

        result.Errors.ShouldBeEmpty();
        result.Spec.ShouldNotBeNull();
        result.Spec.Services.Select(s => s.Name).ShouldBe(["db", "api", "migrate"]);
        BlueprintValidator.Validate(result.Spec).Where(i => i.Severity == IssueSeverity.Error).ShouldBeEmpty();
    }

    [Fact]
    public void Service_fields_are_carried_over()
    {
        var spec = Import().Spec!;
        var db = spec.FindService("db")!;
        var api = spec.FindService("api")!;
        var migrate = spec.FindService("migrate")!;

        db.Restart.ShouldBe(RestartPolicy.UnlessStopped);
        db.Labels["com.acme.stack"].ShouldBe("shop");
        db.HealthCheck.ShouldBe(new HealthCheckSpec
        {
            Command = ["/bin/sh", "-c", "pg_isready -U postgres"],
            Interval = TimeSpan.FromSeconds(10),
            Timeout = TimeSpan.FromSeconds(5),
            Retries = 5,
            StartPeriod = TimeSpan.FromSeconds(90),
        });
        api.Build.ShouldBe("./api");
        api.Command.ShouldBe(["serve", "--port", "8080", "--name=my api"]);
        api.Entrypoint.ShouldBe(["/entry.sh"]);
        api.Ports.ShouldBe([
            new PortSpec { ContainerPort = 8080, HostPort = 8080 },
            new PortSpec { ContainerPort = 9090, HostPort = 9090, HostIp = "127.0.0.1" },
            new PortSpec { ContainerPort = 7000, HostPort = 7000, Protocol = PortProtocol.Udp },
            new PortSpec { ContainerPort = 7001, HostPort = 7001, Protocol = PortProtocol.Udp },
            new PortSpec { ContainerPort = 9443, HostPort = 443 },
        ]);
        api.Volumes.ShouldBe([
            new VolumeSpec { Type = VolumeType.Bind, Source = "./config", Target = "/etc/api", ReadOnly = true },
            new VolumeSpec { Source = "cache", Target = "/cache" },
        ]);
        api.DependsOn.ShouldBe([new DependencySpec("db", DependencyCondition.Healthy), new DependencySpec("migrate")]);
        api.Cpu.ShouldBe(0.5m);
        api.Memory.ShouldBe(MemorySize.Parse("512Mi"));
        api.Restart.ShouldBe(RestartPolicy.OnFailure);
        migrate.Memory.ShouldBe(MemorySize.Parse("1Gi"));
        migrate.Cpu.ShouldBe(0.25m);
        migrate.Restart.ShouldBe(RestartPolicy.No);
        migrate.DependsOn.ShouldBe([new DependencySpec("db")]);
    }

    [Fact]
    public void Interpolations_become_variables_referenced_in_the_spec()
    {
        var spec = Import().Spec!;

        spec.FindVariable("PG_VERSION").ShouldBe(new VariableSpec { Name = "PG_VERSION", Default = "16" });
        spec.FindVariable("TAG")!.Default.ShouldBe("latest");
        spec.FindVariable("POSTGRES_PASSWORD").ShouldBe(new VariableSpec
        {
            Name = "POSTGRES_PASSWORD",
            Type = VariableType.Secret,
            Required = true,
            Description = "set a password",
        });
        spec.FindVariable("LOG_LEVEL").ShouldNotBeNull();
        spec.FindVariable("API_KEY")!.Type.ShouldBe(VariableType.Secret);
        spec.FindService("db")!.Image.ShouldBe("postgres:${PG_VERSION}");
        spec.FindService("api")!.Environment.ShouldBe(new Dictionary<string, string>
        {
            ["DATABASE_URL"] = "postgres://postgres:${POSTGRES_PASSWORD}@db/shop",
            ["LOG_LEVEL"] = "${LOG_LEVEL}",
            ["API_KEY"] = "${API_KEY}",
        }, ignoreOrder: true);
    }

    [Fact]
    public void Every_key_not_carried_over_is_a_warning_with_its_path()
    {
        var paths = Import().Warnings.Select(w => w.Path).ToList();

        paths.ShouldBe(
        [
            "version",
            "x-common",
            "volumes.cache.driver",
            "networks",
            "services.api.build",
            "services.api.env_file",
            "services.api.volumes[0]",
            "services.api.volumes[2]",
            "services.api.depends_on.migrate.condition",
            "services.api.deploy.resources.reservations",
            "services.api.networks",
        ], ignoreOrder: true);
        Import().Warnings.ShouldAllBe(w => w.Line != null);
    }

    [Fact]
    public void Defaults_are_inlined_where_a_field_cannot_hold_a_variable()
    {
        var result = ComposeImporter.Import("services:\n  web:\n    image: nginx\n    ports: [\"${PORT:-8080}:80\"]\n");

        result.Spec!.Services[0].Ports.ShouldBe([new PortSpec { ContainerPort = 80, HostPort = 8080 }]);
        result.Warnings.ShouldHaveSingleItem().Path.ShouldBe("services.web.ports[0]");
    }

    [Fact]
    public void Invalid_service_names_are_renamed_and_dependencies_follow()
    {
        var spec = ComposeImporter.Import("services:\n  Web_App:\n    image: nginx\n  worker:\n    image: nginx\n    depends_on: [Web_App]\n").Spec!;

        spec.Services.Select(s => s.Name).ShouldBe(["web-app", "worker"]);
        spec.FindService("worker")!.DependsOn.ShouldBe([new DependencySpec("web-app")]);
    }

    [Fact]
    public void Malformed_compose_is_an_error_with_position()
    {
        var result = ComposeImporter.Import("services:\n  web:\n    image: nginx\n   ports: 80\n");

        result.Spec.ShouldBeNull();
        result.Errors.ShouldHaveSingleItem().Line.ShouldNotBeNull();
    }

    [Fact]
    public void Healthcheck_none_and_list_environment_forms_are_understood()
    {
        var spec = ComposeImporter.Import("services:\n  web:\n    image: nginx\n    healthcheck:\n      test: [\"NONE\"]\n    labels: [\"a=b\"]\n    environment: [\"A=1\", \"B=x=y\"]\n").Spec!;

        var web = spec.Services[0];
        web.HealthCheck.ShouldBeNull();
        web.Labels["a"].ShouldBe("b");
        web.Environment["B"].ShouldBe("x=y");
    }
}
