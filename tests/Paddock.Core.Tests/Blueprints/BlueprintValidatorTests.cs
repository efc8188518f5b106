using Paddock.Core.Blueprints;

namespace Paddock.Core.Tests.Blueprints;

public class BlueprintValidatorTests
{
    private static List<BlueprintIssue> Errors(BlueprintSpec spec) =>
        BlueprintValidator.Validate(spec).Where(i => i.Severity == IssueSeverity.Error).ToList();

    private static BlueprintIssue SingleError(BlueprintSpec spec) => Errors(spec).ShouldHaveSingleItem();

    [Fact]
    public void A_rich_blueprint_has_no_errors()
    {
        Errors(BlueprintBuilder.Rich()).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("Api")]
    [InlineData("1api")]
    [InlineData("api_v2")]
    [InlineData("a-very-long-service-name-that-goes-beyond-forty")]
    public void Service_names_must_be_lower_case_slugs(string name)
    {
        SingleError(new BlueprintBuilder().WithService(name).Build()).Path.ShouldBe($"services.{name}");
    }

    [Fact]
    public void Duplicate_service_names_are_errors()
    {
        SingleError(new BlueprintBuilder().WithService("api").WithService("api").Build()).Message.ShouldContain("more than once");
    }

    [Theory]
    [InlineData("nginx")]
    [InlineData("nginx:1.27-alpine")]
    [InlineData("localhost:5000/team/app:v1")]
    [InlineData("ghcr.io/acme/api@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef")]
    [InlineData("ghcr.io/acme/api:${tag}")]
    public void Valid_image_references_pass(string image)
    {
        Errors(new BlueprintBuilder().WithService("api", s => s with { Image = image }).WithVariable("tag", "1").Build()).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("Nginx")]
    [InlineData("nginx:")]
    [InlineData("nginx@sha256:short")]
    [InlineData("my image")]
    public void Invalid_image_references_are_errors(string image)
    {
        SingleError(new BlueprintBuilder().WithService("api", s => s with { Image = image }).Build()).Path.ShouldBe("services.api.image");
    }

    [Fact]
    public void Ports_outside_the_range_are_errors_at_the_port_field()
    {
        var spec = new BlueprintBuilder().WithService("api", s => s with
        {
            Ports = [new PortSpec { ContainerPort = 80 }, new PortSpec { ContainerPort = 80, HostPort = 70000 }],
        }).Build();

        SingleError(spec).Path.ShouldBe("services.api.ports[1].host");
    }

    [Fact]
    public void Host_port_clash_across_services_is_reported_with_line_and_column()
    {
        const string yaml = """
            apiVersion: paddock/v1
            kind: Blueprint
            services:
              web:
                image: nginx
                ports: ["8080:80"]
              api:
                image: nginx
                ports:
                  - "9000:9000"
                  - "8080:8080"
            """;
        var parsed = BlueprintYaml.Parse(yaml);

        var issue = BlueprintValidator.Validate(parsed.Spec!, parsed.SourceMap).ShouldHaveSingleItem();

        issue.Path.ShouldBe("services.api.ports[1].host");
        issue.Message.ShouldContain("'web'");
        (issue.Line, issue.Column).ShouldBe((11, 9));
    }

    [Fact]
    public void A_fixed_host_port_with_several_replicas_clashes_with_itself()
    {
        var spec = new BlueprintBuilder().WithService("api", s => s with { Replicas = 3, Ports = [new PortSpec { ContainerPort = 80, HostPort = 8080 }] }).Build();

        SingleError(spec).Message.ShouldContain("3 replicas");
    }

    [Fact]
    public void Same_host_port_on_tcp_and_udp_is_not_a_clash()
    {
        var spec = new BlueprintBuilder()
            .WithService("a", s => s with { Ports = [new PortSpec { ContainerPort = 53, HostPort = 53 }] })
            .WithService("b", s => s with { Ports = [new PortSpec { ContainerPort = 53, HostPort = 53, Protocol = PortProtocol.Udp }] })
            .Build();

        Errors(spec).ShouldBeEmpty();
    }

    [Fact]
    public void Unknown_dependencies_are_errors()
    {
        SingleError(new BlueprintBuilder().WithService("api", s => s with { DependsOn = [new DependencySpec("cache")] }).Build())
            .Path.ShouldBe("services.api.depends_on.cache");
    }

    [Fact]
    public void Cycle_is_reported_with_its_path()
    {
        var spec = new BlueprintBuilder()
            .WithService("web", s => s with { DependsOn = [new DependencySpec("api")] })
            .WithService("api", s => s with { DependsOn = [new DependencySpec("worker")] })
            .WithService("worker", s => s with { DependsOn = [new DependencySpec("web")] })
            .Build();

        var issue = SingleError(spec);

        issue.Message.ShouldBe("Dependency cycle: web -> api -> worker -> web.");
        issue.Path.ShouldBe("services.web.depends_on");
    }

    [Fact]
    public void References_to_undefined_variables_are_errors_in_env_command_and_image()
    {
        var spec = new BlueprintBuilder().WithService("api", s => s with
        {
            Image = "api:${tag}",
            Command = ["run", "${mode}"],
            Environment = new Dictionary<string, string> { ["URL"] = "http://${host}/" },
        }).Build();

        Errors(spec).Select(i => i.Path).ShouldBe(["services.api.image", "services.api.command[1]", "services.api.environment.URL"], ignoreOrder: true);
    }

    [Fact]
    public void Range_rules_apply_to_cpu_memory_and_replicas()
    {
        var spec = new BlueprintBuilder().WithService("api", s => s with { Cpu = 0, Memory = MemorySize.Parse("1Mi"), Replicas = 101 }).Build();

        Errors(spec).Select(i => i.Path).ShouldBe(["services.api.cpu", "services.api.memory", "services.api.replicas"], ignoreOrder: true);
    }

    [Fact]
    public void Variable_defaults_must_fit_their_type()
    {
        var spec = new BlueprintBuilder()
            .WithVariable("workers", "four", VariableType.Int)
            .WithVariable("level", "loud", VariableType.Enum, false, "debug", "info")
            .Build();

        Errors(spec).Select(i => i.Path).ShouldBe(["variables.workers.default", "variables.level.default"], ignoreOrder: true);
    }

    [Fact]
    public void Container_needs_an_image_and_vm_needs_machine_image_and_instance_type()
    {
        var spec = new BlueprintBuilder()
            .WithService(new ServiceSpec { Name = "api" })
            .WithService(new ServiceSpec { Name = "box", Kind = ServiceKind.Vm })
            .Build();

        Errors(spec).Select(i => i.Path).ShouldBe(["services.api.image", "services.box.machine_image", "services.box.instance_type"], ignoreOrder: true);
    }

    [Fact]
    public void Health_check_intervals_must_be_positive()
    {
        var spec = new BlueprintBuilder().WithService("api", s => s with
        {
            HealthCheck = new HealthCheckSpec { Command = ["true"], Interval = TimeSpan.Zero },
        }).Build();

        SingleError(spec).Path.ShouldBe("services.api.healthcheck.interval");
    }

    [Fact]
    public void Overrides_of_unknown_services_are_errors()
    {
        var spec = new BlueprintBuilder().WithService("api")
            .WithEnvironment(new EnvironmentOverride { Name = "prod", Services = [new ServiceOverride { Service = "ghost", Replicas = 2 }] })
            .Build();

        SingleError(spec).Path.ShouldBe("environments.prod.services.ghost");
    }

    [Fact]
    public void Bind_mounts_are_flagged_unsafe_as_warnings()
    {
        var spec = new BlueprintBuilder().WithService("api", s => s with
        {
            Volumes = [new VolumeSpec { Type = VolumeType.Bind, Source = "/var/run/docker.sock", Target = "/var/run/docker.sock" }],
        }).Build();

        var issue = BlueprintValidator.Validate(spec).ShouldHaveSingleItem();

        issue.Severity.ShouldBe(IssueSeverity.Warning);
        issue.Path.ShouldBe("services.api.volumes[0]");
    }

    [Fact]
    public void Actions_must_name_a_known_service()
    {
        SingleError(new BlueprintBuilder().WithService("api").WithAction("seed", "db", "seed").Build()).Path.ShouldBe("actions.seed.service");
    }
}
