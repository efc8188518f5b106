using Paddock.Core.Blueprints;

namespace Paddock.Core.Tests.Blueprints;

public class BlueprintYamlTests
{
    [Fact]
    public void Writing_then_parsing_gives_back_the_same_spec()
    {
        var spec = BlueprintBuilder.Rich();

        var yaml = BlueprintYaml.Write(spec);
        var parsed = BlueprintYaml.Parse(yaml);

        parsed.Errors.ShouldBeEmpty(yaml);
        parsed.Warnings.ShouldBeEmpty();
        parsed.Spec.ShouldBe(spec, yaml);
    }

    [Fact]
    public void Layout_round_trips_beside_the_spec()
    {
        var layout = new BlueprintLayout { Positions = new Dictionary<string, LayoutPosition> { ["api"] = new(10, 20.5) } };

        var parsed = BlueprintYaml.Parse(BlueprintYaml.Write(BlueprintBuilder.Rich(), layout));

        parsed.Layout.ShouldBe(layout);
        parsed.Spec.ShouldBe(BlueprintBuilder.Rich());
    }

    [Fact]
    public void Short_and_long_forms_read_the_same()
    {
        const string yaml = """
            apiVersion: paddock/v1
            kind: Blueprint
            services:
              db: { image: "postgres:16" }
              api:
                image: api:1
                command: serve --port "80 80"
                ports:
                  - "127.0.0.1:8080:80/udp"
                  - container: 9000
                    host: 9001
                volumes:
                  - data:/data:ro
                  - { type: bind, source: /etc/x, target: /x }
                depends_on:
                  db: { condition: healthy }
            """;

        var api = BlueprintYaml.Parse(yaml).Spec!.FindService("api")!;

        api.Command.ShouldBe(["serve", "--port", "80 80"]);
        api.Ports.ShouldBe([
            new PortSpec { ContainerPort = 80, HostPort = 8080, HostIp = "127.0.0.1", Protocol = PortProtocol.Udp },
            new PortSpec { ContainerPort = 9000, HostPort = 9001 },
        ]);
        api.Volumes.ShouldBe([
            new VolumeSpec { Source = "data", Target = "/data", ReadOnly = true },
            new VolumeSpec { Type = VolumeType.Bind, Source = "/etc/x", Target = "/x" },
        ]);
        api.DependsOn.ShouldBe([new DependencySpec("db", DependencyCondition.Healthy)]);
    }

    [Fact]
    public void Malformed_yaml_is_an_error_with_its_position_not_an_exception()
    {
        const string yaml = "apiVersion: paddock/v1\nservices:\n  api:\n    image: [unclosed\n    ports: 1\n";

        var result = BlueprintYaml.Parse(yaml);

        result.IsSuccess.ShouldBeFalse();
        var error = result.Errors.ShouldHaveSingleItem();
        error.Message.ShouldStartWith("Invalid YAML");
        error.Line.ShouldNotBeNull();
        error.Line.Value.ShouldBeGreaterThanOrEqualTo(4);
        error.Column.ShouldNotBeNull();
    }

    [Fact]
    public void Wrong_value_types_are_errors_at_the_field()
    {
        const string yaml = "apiVersion: paddock/v1\nkind: Blueprint\nservices:\n  api:\n    image: a\n    replicas: many\n";

        var error = BlueprintYaml.Parse(yaml).Errors.ShouldHaveSingleItem();

        error.Path.ShouldBe("services.api.replicas");
        (error.Line, error.Column).ShouldBe((6, 15));
    }

    [Fact]
    public void Unknown_keys_are_warnings_with_their_path()
    {
        const string yaml = "apiVersion: paddock/v1\nkind: Blueprint\nservices:\n  api:\n    image: a\n    colour: red\n";

        var result = BlueprintYaml.Parse(yaml);

        result.IsSuccess.ShouldBeTrue();
        result.Warnings.ShouldHaveSingleItem().Path.ShouldBe("services.api.colour");
    }

    [Fact]
    public void Duplicate_keys_are_reported_not_thrown()
    {
        var result = BlueprintYaml.Parse("apiVersion: paddock/v1\nservices:\n  api: {image: a}\n  api: {image: b}\n");

        result.IsSuccess.ShouldBeFalse();
        result.Errors.ShouldNotBeEmpty();
    }

    [Fact]
    public void Strings_that_look_like_other_types_are_quoted()
    {
        var spec = new BlueprintBuilder().WithService("api", s => s with
        {
            Environment = new Dictionary<string, string> { ["A"] = "yes", ["B"] = "0123", ["C"] = "", ["D"] = "1:30" },
        }).Build();

        var yaml = BlueprintYaml.Write(spec);

        yaml.ShouldContain("A: \"yes\"");
        yaml.ShouldContain("D: \"1:30\"");
        BlueprintYaml.Parse(yaml).Spec.ShouldBe(spec);
    }
}
