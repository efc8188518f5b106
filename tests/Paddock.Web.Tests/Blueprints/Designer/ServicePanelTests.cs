using Bunit;
using Paddock.Core.Blueprints;
using Paddock.Web.Blueprints.Designer;

namespace Paddock.Web.Tests.Blueprints.Designer;

public sealed class ServicePanelTests : UiTestContext
{
    private static readonly BlueprintSpec Shop = new()
    {
        Name = "shop",
        Services =
        [
            new ServiceSpec { Name = "web", Image = "nginx:1.27", DependsOn = [new DependencySpec("api")] },
            new ServiceSpec { Name = "api" },
            new ServiceSpec { Name = "db", Image = "postgres:16" },
        ],
    };

    [Fact]
    public void Setting_the_image_and_ports_sends_the_service_with_them()
    {
        var edits = new List<ServiceEdit>();
        var panel = RenderPanel(Shop.Services[1], edits);

        panel.Find("input[data-testid=field-image]").Change("ghcr.io/acme/api:2.1");
        panel.Find("input[data-testid=field-ports]").Change("8080, 127.0.0.1:5353:53/udp");

        edits.Count.ShouldBe(2);
        edits[^1].Name.ShouldBe("api");
        edits[^1].Service.Image.ShouldBe("ghcr.io/acme/api:2.1");
        edits[^1].Service.Ports.ShouldBe([
            new PortSpec { ContainerPort = 8080 },
            new PortSpec { ContainerPort = 53, HostPort = 5353, HostIp = "127.0.0.1", Protocol = PortProtocol.Udp },
        ]);
    }

    [Fact]
    public void A_port_that_does_not_parse_is_an_inline_error_and_changes_nothing()
    {
        var edits = new List<ServiceEdit>();
        var panel = RenderPanel(Shop.Services[1], edits);

        panel.Find("input[data-testid=field-ports]").Change("80a");

        edits.ShouldBeEmpty();
        panel.Text().ShouldContain("'80a' is not a port number.");
        panel.Find("input[data-testid=field-ports]").GetAttribute("aria-invalid").ShouldBe("true");
    }

    [Fact]
    public void Memory_cpu_and_environment_lines_are_read_with_their_units()
    {
        var edits = new List<ServiceEdit>();
        var panel = RenderPanel(Shop.Services[2], edits);

        panel.Find("input[data-testid=field-memory]").Change("512Mi");
        panel.Find("input[data-testid=field-cpu]").Change("0.5");
        panel.Find("textarea[data-testid=field-environment]").Change("POSTGRES_DB=shop\nPOSTGRES_USER=app");

        var service = edits[^1].Service;
        service.Memory.ShouldBe(MemorySize.FromMebibytes(512));
        service.Cpu.ShouldBe(0.5m);
        service.Environment.ShouldBe(new Dictionary<string, string> { ["POSTGRES_DB"] = "shop", ["POSTGRES_USER"] = "app" });
    }

    [Fact]
    public void An_environment_line_without_equals_names_the_line()
    {
        var edits = new List<ServiceEdit>();
        var panel = RenderPanel(Shop.Services[2], edits);

        panel.Find("textarea[data-testid=field-environment]").Change("POSTGRES_DB=shop\nPOSTGRES_USER");

        edits.ShouldBeEmpty();
        panel.Text().ShouldContain("Line 2: write KEY=value.");
    }

    [Fact]
    public void Renaming_to_another_services_name_is_refused_inline()
    {
        var edits = new List<ServiceEdit>();
        var panel = RenderPanel(Shop.Services[1], edits);

        panel.Find("input[data-testid=field-name]").Change("db");

        edits.ShouldBeEmpty();
        panel.Text().ShouldContain("There is already a service named 'db'.");
    }

    [Fact]
    public void Renaming_sends_the_old_name_with_the_new_service()
    {
        var edits = new List<ServiceEdit>();
        var panel = RenderPanel(Shop.Services[1], edits);

        panel.Find("input[data-testid=field-name]").Change("backend");

        edits.Single().ShouldBe(new ServiceEdit("api", Shop.Services[1] with { Name = "backend" }));
    }

    [Fact]
    public void The_validators_issues_show_on_the_fields_they_name()
    {
        var issues = BlueprintValidator.Validate(Shop with { Services = [.. Shop.Services.Take(1), Shop.Services[1] with { Replicas = 500 }, Shop.Services[2]] })
            .Where(i => i.Path.StartsWith("services.api", StringComparison.Ordinal)).ToList();
        var panel = Render<ServicePanel>(p => p
            .Add(x => x.Service, Shop.Services[1] with { Replicas = 500 })
            .Add(x => x.Spec, Shop)
            .Add(x => x.Issues, issues));

        panel.Find("input[data-testid=field-image]").GetAttribute("aria-invalid").ShouldBe("true");
        panel.Find("input[data-testid=field-replicas]").GetAttribute("aria-invalid").ShouldBe("true");
        panel.Text().ShouldContain("A container service needs an image.");
        panel.Text().ShouldContain("Replicas must be between 0 and 100.");
        panel.Find("input[data-testid=field-name]").GetAttribute("aria-invalid").ShouldNotBe("true");
    }

    [Fact]
    public void A_dependency_can_be_removed_from_the_panel()
    {
        var edits = new List<ServiceEdit>();
        var panel = RenderPanel(Shop.Services[0], edits);

        panel.Find("[data-dependency=api] button[aria-label='Remove dependency on api']").Click();

        edits.Single().Service.DependsOn.ShouldBeEmpty();
    }

    [Fact]
    public void A_read_only_panel_has_read_only_fields_and_no_delete_button()
    {
        var panel = Render<ServicePanel>(p => p.Add(x => x.Service, Shop.Services[0]).Add(x => x.Spec, Shop).Add(x => x.ReadOnly, true));

        panel.Find("input[data-testid=field-image]").HasAttribute("readonly").ShouldBeTrue();
        panel.FindAll("[data-testid=delete-service]").ShouldBeEmpty();
        panel.FindAll("button[aria-label='Remove dependency on api']").ShouldBeEmpty();
    }

    private IRenderedComponent<ServicePanel> RenderPanel(ServiceSpec service, List<ServiceEdit> edits) =>
        Render<ServicePanel>(p => p
            .Add(x => x.Service, service)
            .Add(x => x.Spec, Shop)
            .Add(x => x.ServiceChanged, (ServiceEdit e) => edits.Add(e)));
}
