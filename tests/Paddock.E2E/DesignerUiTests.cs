using System.Net.Http.Json;
using Microsoft.Playwright;
using Paddock.E2E.Infrastructure;
using Paddock.E2E.Pages;
using Paddock.Testing;
using static Microsoft.Playwright.Assertions;

namespace Paddock.E2E;

/// <summary>The issue's scenario in Debian's Chromium: build web -> api -> db on an empty canvas with a real mouse, save, reload, break it with a cycle, undo.</summary>
public sealed class DesignerUiTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string EmptyYaml = """
        apiVersion: paddock/v1
        kind: Blueprint
        name: shop
        """;

    [Fact]
    public async Task Build_a_three_tier_blueprint_by_dragging_save_reload_and_undo_a_cycle()
    {
        var admin = await browser.Server.SignInAsAdminAsync();
        var projectId = await PaddockWebFactory.CreateProjectAsync(admin, PaddockWebFactory.UniqueName("designer"));
        var blueprintId = await CreateBlueprintAsync(admin, projectId, "shop", EmptyYaml);
        var page = await browser.NewPageAsync();
        await (await SignInPage.OpenAsync(page)).SignInAsync(PaddockWebFactory.AdminEmail, PaddockWebFactory.AdminPassword);

        var designer = await DesignerPage.OpenAsync(page, projectId, blueprintId);
        await Expect(page.GetByTestId("canvas-empty")).ToBeVisibleAsync();
        await designer.ScreenshotAsync("41-designer-empty");

        await designer.DragFromPaletteAsync("web", 0.3, 0.18);
        await designer.WaitForCanvasAsync(s => s.Nodes.Count == 1, "the web node");
        await designer.DragFromPaletteAsync("api", 0.5, 0.48);
        await designer.WaitForCanvasAsync(s => s.Nodes.Count == 2, "the api node");
        await designer.DragFromPaletteAsync("db", 0.7, 0.78);
        await designer.WaitForCanvasAsync(s => s.Nodes.Select(n => n.Id).Order().SequenceEqual(["api", "db", "web"]), "web, api and db");

        await designer.ScreenshotAsync("42-designer-dropped");
        await designer.DrawEdgeAsync("web", "api");
        await designer.WaitForCanvasAsync(s => s.Edges.Any(e => e is { From: "web", To: "api" }), "the edge web -> api");
        await designer.DrawEdgeAsync("api", "db");
        await designer.WaitForCanvasAsync(s => s.Edges.Any(e => e is { From: "api", To: "db" }), "the edge api -> db");
        (await designer.DescribeAsync()).Edges.ShouldAllBe(e => e.Condition == "started");

        await designer.ClickNodeAsync("api");
        await designer.Field("image").FillAsync("ghcr.io/acme/shop-api:2.1");
        await designer.Field("image").PressAsync("Tab");
        await designer.Field("ports").FillAsync("9090");
        await designer.Field("ports").PressAsync("Tab");
        await designer.WaitForCanvasAsync(s => s.Nodes.Single(n => n.Id == "api").Label.Contains("shop-api:2.1", StringComparison.Ordinal)
            && s.Nodes.Single(n => n.Id == "api").Label.Contains("9090", StringComparison.Ordinal), "the api's new image and port on its node");
        await Expect(designer.Status).ToContainTextAsync("Valid · 3 services");
        await designer.ScreenshotAsync("43-designer-three-tiers");
        await designer.SaveAsync("Web, API and database");

        await page.ReloadAsync();
        designer = await DesignerPage.WaitForAsync(page);
        await Expect(page.GetByTestId("designer-version")).ToHaveTextAsync("v2");
        var reloaded = await designer.DescribeAsync();
        reloaded.Nodes.Select(n => n.Id).Order().ShouldBe(["api", "db", "web"]);
        reloaded.Edges.Select(e => $"{e.From}->{e.To}").Order().ShouldBe(["api->db", "web->api"]);
        reloaded.Nodes.Single(n => n.Id == "web").ModelX.ShouldBeLessThan(reloaded.Nodes.Single(n => n.Id == "db").ModelX, "positions are remembered");
        await designer.ShowTabAsync("YAML");
        var yaml = await designer.YamlTextAsync();
        await designer.ScreenshotAsync("44-designer-yaml-after-reload");
        yaml.ShouldContain("image: ghcr.io/acme/shop-api:2.1");
        yaml.ShouldContain("9090/tcp");
        var services = Paddock.Core.Blueprints.BlueprintYaml.Parse(yaml).Spec!.Services;
        services.Single(s => s.Name == "web").DependsOn.Select(d => d.Service).ShouldBe(["api"]);
        services.Single(s => s.Name == "api").DependsOn.Select(d => d.Service).ShouldBe(["db"]);
        services.Single(s => s.Name == "api").Ports.Select(p => p.ContainerPort).ShouldBe([9090]);
        await designer.ShowTabAsync("Canvas");
        await designer.WaitForStillAsync();

        await designer.DrawEdgeAsync("db", "web");
        await designer.WaitForCanvasAsync(s => s.Edges.Count == 3 && s.Edges.All(e => e.Classes.Contains("error")), "every edge of the cycle marked as an error");
        await Expect(designer.CanvasIssues.First).ToContainTextAsync("Dependency cycle");
        await Expect(designer.SaveButton).ToBeDisabledAsync();
        await designer.ScreenshotAsync("45-designer-cycle");

        await designer.ClickBackgroundAsync();
        await page.Keyboard.PressAsync("Control+z");
        await designer.WaitForCanvasAsync(s => s.Edges.Count == 2 && s.Edges.All(e => !e.Classes.Contains("error")), "the cycle undone");
        await Expect(designer.CanvasIssues).ToHaveCountAsync(0);
        await Expect(designer.Status).ToContainTextAsync("Valid");
        await designer.ScreenshotAsync("46-designer-cycle-undone");
    }

    private const string TwoServices = """
        apiVersion: paddock/v1
        kind: Blueprint
        name: pair
        services:
          web:
            image: nginx:1.27-alpine
            ports: ["8080:80"]
            depends_on: [api]
          api:
            image: ghcr.io/acme/api:1.0
        """;

    private const string StatusYaml = """
        apiVersion: paddock/v1
        kind: Blueprint
        name: status
        services:
          app:
            image: paddock/busybox:latest
            command: [sleep, "3600"]
            depends_on: { db: healthy }
          db:
            image: paddock/busybox:latest
            command: [sleep, "3600"]
            healthcheck: { command: ["true"], interval: 1s, retries: 3 }
        """;

    // Appended to TwoServices's services, as someone would type it.
    private const string WorkerYaml = """

          worker:
            image: ghcr.io/acme/worker:1.0
            depends_on: { api: healthy }
        """;

    [Fact]
    public async Task A_viewer_sees_the_designer_read_only()
    {
        var admin = await browser.Server.SignInAsAdminAsync();
        var projectId = await PaddockWebFactory.CreateProjectAsync(admin, PaddockWebFactory.UniqueName("designer"));
        var blueprintId = await CreateBlueprintAsync(admin, projectId, "pair", TwoServices);
        var viewer = await browser.Server.CreateMemberAsync(admin, projectId, Paddock.Core.Identity.ProjectRole.Viewer);
        var page = await browser.NewPageAsync();
        await (await SignInPage.OpenAsync(page)).SignInAsync(viewer.Email, PaddockWebFactory.UserPassword);

        var designer = await DesignerPage.OpenAsync(page, projectId, blueprintId);

        await Expect(page.GetByTestId("designer-read-only")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("palette")).ToHaveCountAsync(0);
        await Expect(designer.SaveButton).ToHaveCountAsync(0);
        await designer.ClickNodeAsync("api");
        await Expect(designer.Field("image")).ToHaveAttributeAsync("readonly", "");
        await Expect(page.GetByTestId("delete-service")).ToHaveCountAsync(0);
        await page.Keyboard.PressAsync("Delete");
        await designer.ScreenshotAsync("47-designer-read-only");
        (await designer.DescribeAsync()).Nodes.Count.ShouldBe(2);
    }

    [Fact]
    public async Task Shortcuts_are_listed_the_palette_works_from_the_keyboard_leaving_unsaved_asks_first_and_yaml_edits_show_on_the_canvas()
    {
        var admin = await browser.Server.SignInAsAdminAsync();
        var projectId = await PaddockWebFactory.CreateProjectAsync(admin, PaddockWebFactory.UniqueName("designer"));
        var blueprintId = await CreateBlueprintAsync(admin, projectId, "pair", TwoServices);
        var page = await browser.NewPageAsync();
        await (await SignInPage.OpenAsync(page)).SignInAsync(PaddockWebFactory.AdminEmail, PaddockWebFactory.AdminPassword);
        var designer = await DesignerPage.OpenAsync(page, projectId, blueprintId);

        await designer.ClickBackgroundAsync();
        await page.Keyboard.PressAsync("Shift+Slash");
        var help = page.GetByRole(AriaRole.Dialog);
        await Expect(help).ToContainTextAsync("Ctrl+Shift+Z or Ctrl+Y");
        await designer.ScreenshotAsync("48-designer-shortcuts");
        await page.GetByTestId("shortcuts-close").ClickAsync();
        await Expect(help).ToHaveCountAsync(0);

        await page.GetByTestId("palette-cache").FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await designer.WaitForCanvasAsync(s => s.Nodes.Any(n => n.Id == "cache"), "the cache added from the keyboard");
        await Expect(page.GetByTestId("designer-dirty")).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Blueprint", Exact = true }).ClickAsync();
        var confirm = page.GetByRole(AriaRole.Dialog);
        await Expect(confirm).ToContainTextAsync("Leave the designer?");
        await designer.ScreenshotAsync("49-designer-leave-warning");
        await confirm.GetByRole(AriaRole.Button, new() { Name = "Stay" }).ClickAsync();
        await Expect(designer.Title).ToBeVisibleAsync();
        page.Url.ShouldEndWith("/designer");
        (await designer.DescribeAsync()).Nodes.Count.ShouldBe(3);

        // The other direction: text typed in the YAML tab shows on the canvas.
        await designer.ShowTabAsync("YAML");
        await page.Locator("[data-testid=yaml-editor] .cm-content").ClickAsync();
        await page.Keyboard.PressAsync("Control+a");
        await page.Keyboard.InsertTextAsync(TwoServices + WorkerYaml);
        await designer.ShowTabAsync("Canvas");
        await designer.WaitForCanvasAsync(s => s.Nodes.Select(n => n.Id).Order().SequenceEqual(["api", "web", "worker"])
            && s.Edges.Any(e => e is { From: "worker", To: "api", Condition: "healthy" }), "the worker typed in the YAML tab");
        await designer.ScreenshotAsync("50-designer-after-yaml-edit");
    }

    [Fact]
    public async Task A_launched_stack_colours_the_nodes_by_health_and_they_follow_the_engine_live()
    {
        var admin = await browser.Server.SignInAsAdminAsync();
        var projectId = await PaddockWebFactory.CreateProjectAsync(admin, PaddockWebFactory.UniqueName("designer"));
        var environmentId = await PaddockWebFactory.CreateEnvironmentAsync(admin, projectId, "test", defaultTtlHours: 1);
        var blueprintId = await CreateBlueprintAsync(admin, projectId, "status", StatusYaml);
        var launched = await admin.PostAsJsonAsync($"/api/v1/projects/{projectId}/stacks", new { blueprintId, environmentId });
        launched.EnsureSuccessStatusCode();
        var stackId = (await launched.Content.ReadFromJsonAsync<LaunchBody>())!.StackId;
        await WaitForStackAsync(admin, projectId, stackId, "Running");
        var page = await browser.NewPageAsync();
        await (await SignInPage.OpenAsync(page)).SignInAsync(PaddockWebFactory.AdminEmail, PaddockWebFactory.AdminPassword);

        var designer = await DesignerPage.OpenAsync(page, projectId, blueprintId);

        await designer.WaitForCanvasAsync(s => s.Nodes.Single(n => n.Id == "db").Status == "healthy" && s.Nodes.Single(n => n.Id == "app").Status == "running",
            "db healthy and app running", seconds: 30);
        await Expect(page.GetByTestId("status-legend")).ToBeVisibleAsync();
        await designer.ScreenshotAsync("51-designer-live-status");

        (await admin.PostAsJsonAsync($"/api/v1/projects/{projectId}/stacks/{stackId}/operations", new { kind = "Destroy" })).EnsureSuccessStatusCode();
        await designer.WaitForCanvasAsync(s => s.Nodes.All(n => n.Status == "missing"), "every service missing once the stack is destroyed", seconds: 30);
        await designer.ScreenshotAsync("52-designer-status-after-destroy");
    }

    private static async Task<Guid> CreateBlueprintAsync(HttpClient client, Guid projectId, string name, string yaml)
    {
        var response = await client.PostAsJsonAsync($"/api/v1/projects/{projectId}/blueprints", new { name, description = "For the designer test", yaml });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<SavedBody>())!.BlueprintId;
    }

    private static async Task WaitForStackAsync(HttpClient client, Guid projectId, Guid stackId, string status)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        string? now;
        do
        {
            now = (await client.GetFromJsonAsync<StatusBody>($"/api/v1/projects/{projectId}/stacks/{stackId}"))!.Status;
            if (now == status)
            {
                return;
            }

            await Task.Delay(250);
        }
        while (DateTime.UtcNow < deadline);
        throw new TimeoutException($"Stack {stackId} stayed {now} instead of {status}.");
    }

    private sealed record SavedBody(Guid BlueprintId);

    private sealed record LaunchBody(Guid StackId);

    private sealed record StatusBody(string Status);
}
