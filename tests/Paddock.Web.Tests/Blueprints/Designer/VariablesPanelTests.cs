using Bunit;
using Paddock.Core.Blueprints;
using Paddock.Web.Blueprints.Designer;

namespace Paddock.Web.Tests.Blueprints.Designer;

public sealed class VariablesPanelTests : UiTestContext
{
    [Fact]
    public void Without_variables_the_panel_says_what_they_are_for()
    {
        var panel = Render<VariablesPanel>(p => p.Add(x => x.Variables, []));

        panel.Find("[data-testid=variables-empty]").TextContent.ShouldContain("inputs asked for at launch");
    }

    [Fact]
    public void Adding_a_variable_sends_the_list_with_a_new_uniquely_named_one()
    {
        var sent = new List<IReadOnlyList<VariableSpec>>();
        var panel = RenderPanel([new VariableSpec { Name = "variable_1" }], sent);

        panel.Find("[data-testid=add-variable]").Click();

        sent.Single().Select(v => v.Name).ShouldBe(["variable_1", "variable_2"]);
    }

    [Fact]
    public void Editing_name_type_default_and_required_sends_each_change()
    {
        var sent = new List<IReadOnlyList<VariableSpec>>();
        var panel = RenderPanel([new VariableSpec { Name = "variable_1" }], sent);

        panel.Find("input[data-testid=variable-name]").Change("replicas");
        panel.Find("input[data-testid=variable-default]").Change("3");
        panel.Find("input[data-testid=variable-description]").Change("How many web servers");

        // MudTextField reports a change after its own validation, which may finish after Change() returns.
        panel.WaitForAssertion(() => sent[^1].Single().ShouldBe(new VariableSpec { Name = "replicas", Default = "3", Description = "How many web servers" }));
    }

    [Fact]
    public void A_blank_name_is_an_inline_error_and_sends_nothing()
    {
        var sent = new List<IReadOnlyList<VariableSpec>>();
        var panel = RenderPanel([new VariableSpec { Name = "tag" }], sent);

        panel.Find("input[data-testid=variable-name]").Change("  ");

        sent.ShouldBeEmpty();
        panel.Text().ShouldContain("A variable needs a name.");
    }

    [Fact]
    public void The_validators_message_shows_on_a_default_that_does_not_fit_the_type()
    {
        VariableSpec[] variables = [new VariableSpec { Name = "replicas", Type = VariableType.Int, Default = "many" }];
        var issues = BlueprintValidator.Validate(new BlueprintSpec { Variables = variables });

        var panel = Render<VariablesPanel>(p => p.Add(x => x.Variables, variables).Add(x => x.Issues, issues));

        panel.Find("input[data-testid=variable-default]").GetAttribute("aria-invalid").ShouldBe("true");
        panel.Text().ShouldContain("'many' is not a whole number.");
    }

    [Fact]
    public void Removing_a_variable_sends_the_list_without_it()
    {
        var sent = new List<IReadOnlyList<VariableSpec>>();
        var panel = RenderPanel([new VariableSpec { Name = "a" }, new VariableSpec { Name = "b" }], sent);

        panel.FindAll("[data-testid=remove-variable]")[0].Click();

        sent.Single().Select(v => v.Name).ShouldBe(["b"]);
    }

    [Fact]
    public void A_secret_default_is_a_password_field()
    {
        var panel = Render<VariablesPanel>(p => p.Add(x => x.Variables, [new VariableSpec { Name = "token", Type = VariableType.Secret, Default = "s3cret" }]));

        panel.Find("input[data-testid=variable-default]").GetAttribute("type").ShouldBe("password");
    }

    [Fact]
    public void A_read_only_panel_offers_no_add_or_remove()
    {
        var panel = Render<VariablesPanel>(p => p.Add(x => x.Variables, [new VariableSpec { Name = "a" }]).Add(x => x.ReadOnly, true));

        panel.FindAll("[data-testid=add-variable]").ShouldBeEmpty();
        panel.FindAll("[data-testid=remove-variable]").ShouldBeEmpty();
        panel.Find("input[data-testid=variable-name]").HasAttribute("readonly").ShouldBeTrue();
    }

    private IRenderedComponent<VariablesPanel> RenderPanel(IReadOnlyList<VariableSpec> variables, List<IReadOnlyList<VariableSpec>> sent) =>
        Render<VariablesPanel>(p => p
            .Add(x => x.Variables, variables)
            .Add(x => x.VariablesChanged, (IReadOnlyList<VariableSpec> v) => sent.Add(v)));
}
