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
}
