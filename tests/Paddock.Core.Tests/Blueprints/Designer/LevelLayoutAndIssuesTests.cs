using Paddock.Core.Blueprints;
using Paddock.Core.Blueprints.Designer;

namespace Paddock.Core.Tests.Blueprints.Designer;

public sealed class LevelLayoutAndIssuesTests
{
    private static BlueprintSpec Chain(params (string Name, string[] DependsOn)[] services) => new()
    {
        Services = [.. services.Select(s => new ServiceSpec { Name = s.Name, Image = "busybox:1", DependsOn = [.. s.DependsOn.Select(d => new DependencySpec(d))] })],
    };

    [Fact]
    public void Services_sit_one_column_right_of_their_deepest_dependency()
    {
        var spec = Chain(("web", ["api", "cache"]), ("api", ["db"]), ("db", []), ("cache", []));

        LevelLayout.Levels(spec).ShouldBe(new Dictionary<string, int> { ["web"] = 2, ["api"] = 1, ["db"] = 0, ["cache"] = 0 }, ignoreOrder: true);
        var layout = LevelLayout.Arrange(spec);
        layout.Positions["db"].X.ShouldBeLessThan(layout.Positions["api"].X);
        layout.Positions["api"].X.ShouldBeLessThan(layout.Positions["web"].X);
        layout.Positions["db"].Y.ShouldNotBe(layout.Positions["cache"].Y);
    }

    [Fact]
    public void A_cycle_still_lays_out()
    {
        var spec = Chain(("a", ["b"]), ("b", ["c"]), ("c", ["a"]));

        LevelLayout.Arrange(spec).Positions.Count.ShouldBe(3);
    }

    [Fact]
    public void Completing_a_layout_places_only_the_services_it_missed()
    {
        var spec = Chain(("web", []), ("api", []));
        var layout = new BlueprintLayout { Positions = new Dictionary<string, LayoutPosition> { ["web"] = new(500, 500) } };

        var complete = LevelLayout.Complete(spec, layout);

        complete.Positions["web"].ShouldBe(new LayoutPosition(500, 500));
        complete.Positions["api"].Y.ShouldBeGreaterThan(500);
    }

    [Fact]
    public void Every_edge_of_a_cycle_is_marked_with_the_cycle_message()
    {
        var spec = Chain(("web", ["api"]), ("api", ["db"]), ("db", ["web"]), ("cache", []));

        var targets = IssueTargets.For(spec, BlueprintValidator.Validate(spec));

        targets.Edges.Keys.ShouldBe([new DesignerEdge("web", "api"), new DesignerEdge("api", "db"), new DesignerEdge("db", "web")], ignoreOrder: true);
        targets.ForEdge(new DesignerEdge("db", "web")).Single().Message.ShouldContain("->");
        targets.ForService("cache").ShouldBeEmpty();
    }

    [Fact]
    public void Field_issues_go_to_their_service_and_dependency_issues_to_their_edge()
    {
        var spec = new BlueprintSpec
        {
            Services =
            [
                new ServiceSpec { Name = "web", DependsOn = [new DependencySpec("db", DependencyCondition.Healthy)] },
                new ServiceSpec { Name = "db", Image = "postgres:16" },
            ],
        };

        var targets = IssueTargets.For(spec, BlueprintValidator.Validate(spec));

        targets.ForService("web").Single().Path.ShouldBe("services.web.image");
        targets.ForEdge(new DesignerEdge("web", "db")).Single().Severity.ShouldBe(IssueSeverity.Warning);
        targets.ForService("db").ShouldBeEmpty();
    }

    [Fact]
    public void Undo_and_redo_walk_the_snapshots_and_a_new_change_drops_the_redo_branch()
    {
        var first = DesignerDocument.Empty("a");
        var second = first with { Spec = first.Spec with { Description = "two" } };
        var third = first with { Spec = first.Spec with { Description = "three" } };
        var history = new DesignerHistory(first);

        history.Push(second).ShouldBeTrue();
        history.Push(second).ShouldBeFalse();
        history.Undo().ShouldBeTrue();
        history.Current.ShouldBe(first);
        history.Redo().ShouldBeTrue();
        history.Current.ShouldBe(second);
        history.Undo();
        history.Push(third);
        history.CanRedo.ShouldBeFalse();
        history.Undo();
        history.Current.ShouldBe(first);
        history.CanUndo.ShouldBeFalse();
    }
}
