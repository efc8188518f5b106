using Paddock.Core.Blueprints;

namespace Paddock.Core.Tests.Blueprints;

public class BlueprintDiffTests
{
    [Fact]
    public void Diff_lists_changes_by_service_and_field()
    {
        var before = new BlueprintBuilder().WithVariable("tag", "1").WithService("api").WithService("old").Build();
        var after = new BlueprintBuilder().WithVariable("tag", "2")
            .WithService("api", s => s with { Image = "nginx:1.28", Environment = new Dictionary<string, string> { ["A"] = "1" } })
            .WithService("cache", s => s with { Image = "redis:7" })
            .Build();

        var diff = BlueprintDiff.Compare(before, after);

        diff.Services.Select(s => (s.Service, s.Kind)).ShouldBe([("api", ChangeKind.Changed), ("old", ChangeKind.Removed), ("cache", ChangeKind.Added)], ignoreOrder: true);
        diff.Services.Single(s => s.Service == "api").Fields.ShouldBe(
        [
            new FieldChange("environment.A", ChangeKind.Added, null, "1"),
            new FieldChange("image", ChangeKind.Changed, "nginx:1.27", "nginx:1.28"),
        ]);
        diff.Variables.ShouldBe([new FieldChange("variables.tag.default", ChangeKind.Changed, "1", "2")]);
    }

    [Fact]
    public void Unified_diff_shows_the_yaml_lines_that_changed()
    {
        var before = new BlueprintBuilder().WithService("api").Build();
        var after = new BlueprintBuilder().WithService("api", s => s with { Image = "nginx:1.28" }).Build();

        var text = BlueprintDiff.Compare(before, after).UnifiedDiff;

        text.ShouldBe("""
            --- a/blueprint.yaml
            +++ b/blueprint.yaml
            @@ -3,4 +3,4 @@
             name: shop
             services:
               api:
            -    image: nginx:1.27
            +    image: nginx:1.28

            """.Replace("\r\n", "\n", StringComparison.Ordinal));
    }

    [Fact]
    public void Identical_specs_have_no_changes()
    {
        var diff = BlueprintDiff.Compare(BlueprintBuilder.Rich(), BlueprintBuilder.Rich());

        diff.HasChanges.ShouldBeFalse();
        diff.UnifiedDiff.ShouldBeEmpty();
    }

    [Fact]
    public void Line_diff_separates_distant_changes_into_hunks()
    {
        var before = string.Join('\n', Enumerable.Range(1, 20)) + "\n";
        var after = before.Replace("2\n", "two\n", StringComparison.Ordinal).Replace("18\n", "eighteen\n", StringComparison.Ordinal);

        var text = LineDiff.Unified(before, after);

        text.Split('\n').Count(l => l.StartsWith("@@", StringComparison.Ordinal)).ShouldBe(2);
        text.ShouldContain("@@ -1,5 +1,5 @@");
        text.ShouldContain("-18\n+eighteen");
    }
}
