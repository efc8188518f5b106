using Paddock.Core.Blueprints;
using Paddock.Core.Common;

namespace Paddock.Core.Tests.Blueprints;

public class BlueprintResolverTests
{
    private static readonly Dictionary<string, string> Password = new() { ["db_password"] = "s3cret" };

    [Fact]
    public void Overrides_of_the_environment_are_applied_and_variables_substituted()
    {
        var resolved = BlueprintResolver.Resolve(BlueprintBuilder.Rich(), "production", Password).Value;

        var api = resolved.FindService("api")!.Service;
        api.Replicas.ShouldBe(4);
        api.Image.ShouldBe("ghcr.io/acme/api:1.4.2");
        api.Command.ShouldBe(["serve", "--workers", "4"]);
        api.Environment["LOG_LEVEL"].ShouldBe("warn");
        api.Environment["SENTRY"].ShouldBe("on");
        api.Environment["DATABASE_URL"].ShouldBe("postgres://app:s3cret@db/app");
        resolved.FindService("batch")!.Service.InstanceType.ShouldBe("m5.large");
    }

    [Fact]
    public void Without_an_environment_the_base_values_apply()
    {
        var api = BlueprintResolver.Resolve(BlueprintBuilder.Rich(), null, Password).Value.FindService("api")!.Service;

        api.Replicas.ShouldBe(2);
        api.Environment["LOG_LEVEL"].ShouldBe("info");
        api.Environment.ContainsKey("SENTRY").ShouldBeFalse();
    }

    [Fact]
    public void Secret_values_are_marked_and_never_printed()
    {
        var resolved = BlueprintResolver.Resolve(BlueprintBuilder.Rich(), null, Password).Value;

        var api = resolved.FindService("api")!;
        api.SecretEnvironment.ShouldBe(["DATABASE_URL"], ignoreOrder: true);
        api.ToString().ShouldNotContain("s3cret");
        api.RedactedEnvironment["DATABASE_URL"].ShouldBe(ResolvedBlueprint.Mask);
        resolved.Values["db_password"].ShouldBe(ResolvedBlueprint.Mask);
    }

    [Fact]
    public void Missing_required_input_is_a_validation_error_naming_the_input()
    {
        var result = BlueprintResolver.Resolve(BlueprintBuilder.Rich(), null, new Dictionary<string, string>());

        result.Error.ShouldBeOfType<ValidationError>().Errors.ShouldBe([new FieldError("inputs.db_password", "'db_password' is required.")]);
    }

    [Fact]
    public void Bad_int_input_is_a_validation_error()
    {
        var inputs = new Dictionary<string, string>(Password) { ["workers"] = "lots" };

        var result = BlueprintResolver.Resolve(BlueprintBuilder.Rich(), null, inputs);

        result.Error.ShouldBeOfType<ValidationError>().Errors.ShouldHaveSingleItem().Field.ShouldBe("inputs.workers");
    }

    [Fact]
    public void Enum_input_must_be_an_allowed_value_and_unknown_inputs_are_refused()
    {
        var inputs = new Dictionary<string, string>(Password) { ["log_level"] = "chatty", ["colour"] = "red" };

        var result = BlueprintResolver.Resolve(BlueprintBuilder.Rich(), null, inputs);

        result.Error.ShouldBeOfType<ValidationError>().Errors.Select(e => e.Field).ShouldBe(["inputs.colour", "inputs.log_level"], ignoreOrder: true);
    }

    [Fact]
    public void Dollar_escapes_become_literal_dollars()
    {
        var spec = new BlueprintBuilder().WithService("api", s => s with { Command = ["echo", "$$HOME"] }).Build();

        BlueprintResolver.Resolve(spec, null, new Dictionary<string, string>()).Value.Services[0].Service.Command.ShouldBe(["echo", "$HOME"]);
    }
}
