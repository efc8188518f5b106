using Paddock.Core.Blueprints;
using Paddock.Core.Blueprints.Designer;

namespace Paddock.Core.Tests.Blueprints.Designer;

public sealed class DesignerEditsTests
{
    private static DesignerDocument Shop() => new(
        new BlueprintSpec
        {
            Name = "shop",
            Services =
            [
                new ServiceSpec { Name = "web", Image = "nginx:1.27", DependsOn = [new DependencySpec("api")] },
                new ServiceSpec { Name = "api", Image = "acme/api:1", DependsOn = [new DependencySpec("db", DependencyCondition.Healthy)] },
                new ServiceSpec { Name = "db", Image = "postgres:16" },
            ],
            Environments = [new EnvironmentOverride { Name = "prod", Services = [new ServiceOverride { Service = "api", Replicas = 3 }] }],
            Actions = [new ActionSpec { Name = "migrate", Service = "api", Command = ["migrate"] }],
        },
        new BlueprintLayout { Positions = new Dictionary<string, LayoutPosition> { ["web"] = new(0, 0), ["api"] = new(200, 0), ["db"] = new(400, 0) } });

    [Fact]
    public void Dropping_a_template_adds_a_uniquely_named_service_where_it_was_dropped()
    {
        var (doc, name) = DesignerEdits.Add(Shop(), ServiceTemplate.Find("web")!, new LayoutPosition(10, 20));

        name.ShouldBe("web-2");
        doc.Spec.FindService("web-2")!.Image.ShouldBe("nginx:1.27-alpine");
        doc.Layout.Positions["web-2"].ShouldBe(new LayoutPosition(10, 20));
    }

    [Fact]
    public void The_database_template_brings_the_secret_variable_it_refers_to_so_it_is_valid_at_once()
    {
        var (doc, _) = DesignerEdits.Add(DesignerDocument.Empty("shop"), ServiceTemplate.Find("db")!, new LayoutPosition(0, 0));

        doc.Spec.FindVariable("db_password")!.Type.ShouldBe(VariableType.Secret);
        BlueprintValidator.Validate(doc.Spec).Where(i => i.Severity == IssueSeverity.Error).ShouldBeEmpty();
    }

    [Fact]
    public void Every_template_is_valid_on_its_own_except_the_empty_ones_which_ask_for_an_image()
    {
        foreach (var template in ServiceTemplate.All)
        {
            var (doc, _) = DesignerEdits.Add(DesignerDocument.Empty("t"), template, new LayoutPosition(0, 0));
            var errors = BlueprintValidator.Validate(doc.Spec).Where(i => i.Severity == IssueSeverity.Error).Select(i => i.Path).ToList();
            if (template.Id is "container")
            {
                errors.ShouldBe(["services.container.image"]);
            }
            else if (template.Id is "vm")
            {
                errors.ShouldBe(["services.vm.machine_image", "services.vm.instance_type"]);
            }
            else
            {
                errors.ShouldBeEmpty(template.Id);
            }
        }
    }

    [Fact]
    public void Connecting_adds_a_started_dependency_once_and_never_to_itself()
    {
        var doc = DesignerEdits.Connect(Shop(), "web", "db");
        DesignerEdits.Connect(doc, "web", "db").ShouldBe(doc);
        DesignerEdits.Connect(doc, "web", "web").ShouldBe(doc);
        DesignerEdits.Connect(doc, "web", "nope").ShouldBe(doc);

        doc.Spec.FindService("web")!.DependsOn.ShouldBe([new DependencySpec("api"), new DependencySpec("db")]);
    }

    [Fact]
    public void Removing_a_service_removes_its_dependencies_overrides_actions_and_position()
    {
        var doc = DesignerEdits.Remove(Shop(), ["api"]);

        doc.Spec.Services.Select(s => s.Name).ShouldBe(["web", "db"]);
        doc.Spec.FindService("web")!.DependsOn.ShouldBeEmpty();
        doc.Spec.Environments.Single().Services.ShouldBeEmpty();
        doc.Spec.Actions.ShouldBeEmpty();
        doc.Layout.Positions.Keys.ShouldBe(["web", "db"]);
    }

    [Fact]
    public void Renaming_a_service_carries_the_new_name_into_every_reference()
    {
        var shop = Shop();
        var doc = DesignerEdits.Replace(shop, "api", shop.Spec.FindService("api")! with { Name = "backend" });

        doc.Spec.FindService("web")!.DependsOn.Single().Service.ShouldBe("backend");
        doc.Spec.Environments.Single().Services.Single().Service.ShouldBe("backend");
        doc.Spec.Actions.Single().Service.ShouldBe("backend");
        doc.Layout.Positions.ContainsKey("backend").ShouldBeTrue();
        doc.Layout.Positions.ContainsKey("api").ShouldBeFalse();
    }

    [Fact]
    public void Pasting_copies_under_new_names_with_dependencies_among_the_copies_pointing_at_the_copies()
    {
        var shop = Shop();
        var copied = shop.Spec.Services.Where(s => s.Name is "api" or "db").ToList();

        var (doc, names) = DesignerEdits.Paste(shop, copied, shop.Layout.Positions.ToDictionary());

        names.ShouldBe(["api-2", "db-2"]);
        doc.Spec.FindService("api-2")!.DependsOn.ShouldBe([new DependencySpec("db-2", DependencyCondition.Healthy)]);
        doc.Layout.Positions["db-2"].ShouldBe(new LayoutPosition(440, 40));
        BlueprintValidator.Validate(doc.Spec).Where(i => i.Severity == IssueSeverity.Error).ShouldBeEmpty();
    }

    [Fact]
    public void Moving_rounds_positions_and_keeps_the_others()
    {
        var doc = DesignerEdits.Move(Shop(), [KeyValuePair.Create("api", new LayoutPosition(210.4, 33.6))]);

        doc.Layout.Positions["api"].ShouldBe(new LayoutPosition(210, 34));
        doc.Layout.Positions["web"].ShouldBe(new LayoutPosition(0, 0));
    }
}
