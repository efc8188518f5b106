using Bunit;
using Paddock.Core.Blueprints;
using Paddock.Web.Blueprints.Designer;

namespace Paddock.Web.Tests.Blueprints.Designer;

public sealed class OverridesPanelTests : UiTestContext
{
    private static readonly BlueprintSpec Shop = new()
    {
        Name = "shop",
        Variables = [new VariableSpec { Name = "tag", Default = "1.0" }],
        Services = [new ServiceSpec { Name = "web", Image = "nginx:${tag}" }, new ServiceSpec { Name = "db", Image = "postgres:16" }],
    };

    [Fact]
    public void The_projects_environments_are_offered_and_a_variable_value_is_sent_for_the_chosen_one()
    {
        var sent = new List<IReadOnlyList<EnvironmentOverride>>();
        var panel = RenderPanel(Shop, sent, "dev", "production");

        panel.FindAll("[data-testid=override-environment]").Select(c => c.GetAttribute("data-environment")).ShouldBe(["dev", "production"]);
        panel.Find("[data-environment=production]").Click();
        panel.Find("textarea[data-testid=override-variables]").Change("tag=2.0");

        panel.WaitForAssertion(() =>
        {
            var production = sent[^1].Single();
            production.Name.ShouldBe("production");
            production.Variables.ShouldBe(new Dictionary<string, string> { ["tag"] = "2.0" });
        });
    }

    [Fact]
    public void A_service_override_sends_its_replicas_and_image()
    {
        var spec = Shop with { Environments = [new EnvironmentOverride { Name = "production", Services = [new ServiceOverride { Service = "web" }] }] };
        var sent = new List<IReadOnlyList<EnvironmentOverride>>();
        var panel = RenderPanel(spec, sent, "production");

        panel.Find("[data-service=web] input[data-testid=override-replicas]").Change("4");
        panel.Find("[data-service=web] input[data-testid=override-image]").Change("nginx:1.27-alpine");

        // MudTextField reports a change after its own validation, which may finish after Change() returns.
        panel.WaitForAssertion(() => sent[^1].Single().Services.Single().ShouldBe(new ServiceOverride { Service = "web", Replicas = 4, Image = "nginx:1.27-alpine" }));
    }

    [Fact]
    public void Replicas_that_are_not_a_number_are_an_inline_error_and_send_nothing()
    {
        var spec = Shop with { Environments = [new EnvironmentOverride { Name = "production", Services = [new ServiceOverride { Service = "web" }] }] };
        var sent = new List<IReadOnlyList<EnvironmentOverride>>();
        var panel = RenderPanel(spec, sent, "production");

        panel.Find("[data-service=web] input[data-testid=override-replicas]").Change("four");

        sent.ShouldBeEmpty();
        panel.Text().ShouldContain("'four' is not a whole number of replicas.");
    }

    [Fact]
    public void The_validators_message_shows_on_an_unknown_variable()
    {
        var spec = Shop with { Environments = [new EnvironmentOverride { Name = "dev", Variables = new Dictionary<string, string> { ["colour"] = "blue" } }] };
        var issues = BlueprintValidator.Validate(spec);

        var panel = Render<OverridesPanel>(p => p.Add(x => x.Spec, spec).Add(x => x.ProjectEnvironments, ["dev"]).Add(x => x.Issues, issues));

        panel.Find("textarea[data-testid=override-variables]").GetAttribute("aria-invalid").ShouldBe("true");
        panel.Text().ShouldContain("Unknown variable 'colour'.");
    }

    [Fact]
    public void Removing_an_environments_overrides_sends_the_list_without_it()
    {
        var spec = Shop with { Environments = [new EnvironmentOverride { Name = "dev", Variables = new Dictionary<string, string> { ["tag"] = "dev" } }] };
        var sent = new List<IReadOnlyList<EnvironmentOverride>>();
        var panel = RenderPanel(spec, sent, "dev");

        panel.Find("[data-testid=remove-override]").Click();

        sent.Single().ShouldBeEmpty();
    }

    [Fact]
    public void Without_environments_the_panel_says_where_to_add_one()
    {
        var panel = Render<OverridesPanel>(p => p.Add(x => x.Spec, Shop));

        panel.Find("[data-testid=overrides-empty]").TextContent.ShouldContain("Environments tab");
    }

    private IRenderedComponent<OverridesPanel> RenderPanel(BlueprintSpec spec, List<IReadOnlyList<EnvironmentOverride>> sent, params string[] environments) =>
        Render<OverridesPanel>(p => p
            .Add(x => x.Spec, spec)
            .Add(x => x.ProjectEnvironments, environments)
            .Add(x => x.EnvironmentsChanged, (IReadOnlyList<EnvironmentOverride> e) => sent.Add(e)));
}
