using Paddock.Core.Blueprints;

namespace Paddock.Core.Tests.Blueprints;

public class BlueprintHashTests
{
    private const string Original = """
        apiVersion: paddock/v1
        kind: Blueprint
        name: shop
        services:
          api:
            image: api:1
            environment: { A: "1", B: "2" }
            cpu: 0.5
          db:
            image: postgres:16
        layout:
          api: { x: 1, y: 2 }
        """;

    private const string Reordered = """
        # the same blueprint, written differently
        kind: Blueprint
        services:
          db: {image: "postgres:16"}
          api:
            cpu: 0.50
            environment:
              B: "2"
              A: "1"
            image: 'api:1'
        name: shop
        apiVersion: paddock/v1
        layout:
          api: { x: 300, y: 400 }
        """;

    [Fact]
    public void Hash_is_stable_under_key_order_formatting_and_layout()
    {
        var hash = BlueprintHash.Compute(BlueprintYaml.Parse(Original).Spec!);

        hash.ShouldBe(BlueprintHash.Compute(BlueprintYaml.Parse(Reordered).Spec!));
        hash.Length.ShouldBe(64);
    }

    [Fact]
    public void Hash_changes_when_content_changes()
    {
        var spec = BlueprintYaml.Parse(Original).Spec!;
        var changed = spec with { Services = [.. spec.Services.Select(s => s.Name == "api" ? s with { Replicas = 2 } : s)] };

        BlueprintHash.Compute(changed).ShouldNotBe(BlueprintHash.Compute(spec));
    }
}
