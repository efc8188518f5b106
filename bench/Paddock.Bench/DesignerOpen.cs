using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Playwright;
using Paddock.Core.Blueprints;
using Paddock.Core.Blueprints.Designer;
using Paddock.Testing;

namespace Paddock.Bench;

/// <summary>
/// Time to interactive of the designer on a large blueprint in headless Debian Chromium: Paddock on a real port
/// (its own database), a blueprint of N services in chains of four with ports and a saved layout, then repeated fresh
/// page loads. "Interactive" is the moment the circuit is live and the canvas has drawn every node; after it, one click
/// on a node is timed until the property panel shows that service.
/// </summary>
public static class DesignerOpen
{
    public static async Task RunAsync(int services, int runs)
    {
        await using var server = new BenchServer();
        await server.InitializeAsync();
        var admin = await server.SignInAsAdminAsync();
        var projectId = await PaddockWebFactory.CreateProjectAsync(admin, PaddockWebFactory.UniqueName("bench"));
        var spec = Blueprint(services);
        var yaml = BlueprintYaml.Write(spec, LevelLayout.Arrange(spec));
        var created = await admin.PostAsJsonAsync($"/api/v1/projects/{projectId}/blueprints", new { name = "big", yaml });
        created.EnsureSuccessStatusCode();
        var blueprintId = (await created.Content.ReadFromJsonAsync<Saved>())!.BlueprintId;

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("PADDOCK_CHROMIUM") ?? "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync", "--disable-quic"],
        });
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = server.ServerAddress!.ToString(), ViewportSize = new ViewportSize { Width = 1366, Height = 860 } });
        var page = await context.NewPageAsync();
        // Where the time goes: when the circuit went live, when the canvas element appeared, when it had drawn.
        await page.AddInitScriptAsync("""
            window.__marks = {};
            const mark = () => {
              const m = window.__marks, now = performance.now();
              if (!m.circuit && document.querySelector('[data-testid=circuit-ready]')) m.circuit = now;
              if (!m.canvas && document.querySelector('[data-testid=designer-canvas]')) m.canvas = now;
              if (!m.drawn && document.querySelector('[data-testid=designer-canvas][data-ready=true]')) m.drawn = now;
              if (!m.drawn) requestAnimationFrame(mark);
            };
            requestAnimationFrame(mark);
            """);
        await page.GotoAsync("/account/sign-in");
        await page.Locator("#email").FillAsync(PaddockWebFactory.AdminEmail);
        await page.Locator("#password").FillAsync(PaddockWebFactory.AdminPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.GetByTestId("circuit-ready").WaitForAsync(new() { State = WaitForSelectorState.Attached });

        var url = $"/projects/{projectId}/blueprints/{blueprintId}/designer";
        var ready = $$"""
            () => {
              const canvas = document.querySelector('[data-testid=designer-canvas]');
              return canvas?.dataset.ready === 'true' && canvas.dataset.nodes === '{{services}}' && document.querySelector('[data-testid=circuit-ready]')
                ? Number(canvas.dataset.drawnAt) : false;
            }
            """;
        var interactive = new List<double>();
        var clicks = new List<double>();
        // The first load pays for JIT and EF model building on the server: it is reported apart.
        for (var run = 0; run <= runs; run++)
        {
            await page.GotoAsync(url, new() { WaitUntil = WaitUntilState.Commit });
            var handle = await page.WaitForFunctionAsync(ready, null, new() { PollingInterval = 10, Timeout = 60_000 });
            var tti = await handle.JsonValueAsync<double>();
            var marks = await page.EvaluateAsync<JsonElement>("() => window.__marks");
            string Mark(string name) => marks.TryGetProperty(name, out var v) ? v.GetDouble().ToString("F0", CultureInfo.InvariantCulture) : "-";
            var node = await page.EvaluateAsync<JsonElement>("async () => { const d = (await import('/lib/paddock-designer.js')).describe(); const n = d.nodes.find(n => n.id === 's1'); return { x: n.x, y: n.y }; }");
            var clicked = Stopwatch.StartNew();
            await page.Mouse.ClickAsync((float)node.GetProperty("x").GetDouble(), (float)node.GetProperty("y").GetDouble());
            await page.Locator("[data-testid=service-panel][data-service=s1]").WaitForAsync();
            clicked.Stop();
            Console.WriteLine($"run {run}{(run == 0 ? " (warm-up)" : "")}: interactive after {tti:F0} ms (circuit {Mark("circuit")}, canvas element {Mark("canvas")}, drawn {Mark("drawn")}), click to panel {clicked.Elapsed.TotalMilliseconds:F0} ms");
            if (run > 0)
            {
                interactive.Add(tti);
                clicks.Add(clicked.Elapsed.TotalMilliseconds);
            }
        }

        Console.WriteLine($"services {services}: time to interactive median {Median(interactive):F0} ms, max {interactive.Max():F0} ms; click to panel median {Median(clicks):F0} ms over {runs} loads");
    }

    /// <summary>Chains of four (s4 depends on s3 ...), every service with a port and an environment value.</summary>
    private static BlueprintSpec Blueprint(int count) => new()
    {
        Name = "big",
        Services = [.. Enumerable.Range(1, count).Select(i => new ServiceSpec
        {
            Name = $"s{i.ToString(CultureInfo.InvariantCulture)}",
            Image = "paddock/busybox:latest",
            Command = ["sleep", "3600"],
            Ports = [new PortSpec { ContainerPort = 8000 + (i % 1000) }],
            Environment = new Dictionary<string, string> { ["INDEX"] = i.ToString(CultureInfo.InvariantCulture) },
            DependsOn = i % 4 == 1 ? [] : [new DependencySpec($"s{(i - 1).ToString(CultureInfo.InvariantCulture)}")],
        })],
    };

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private sealed record Saved(Guid BlueprintId);

    private sealed class BenchServer : PaddockWebFactory
    {
        public BenchServer()
        {
            UseRealServer = true;
        }

        // WebApplicationFactory finds src/Web through test-assembly metadata an executable does not have: name it.
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            var root = new DirectoryInfo(AppContext.BaseDirectory);
            while (root is not null && !File.Exists(Path.Combine(root.FullName, "Platform.sln")))
            {
                root = root.Parent;
            }

            builder.UseContentRoot(Path.Combine(root?.FullName ?? Directory.GetCurrentDirectory(), "src", "Web"));
        }
    }
}
