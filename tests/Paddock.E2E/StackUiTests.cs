using System.Net.Http.Json;
using Microsoft.Playwright;
using Paddock.E2E.Infrastructure;
using Paddock.E2E.Pages;
using Paddock.Testing;
using static Microsoft.Playwright.Assertions;

namespace Paddock.E2E;

/// <summary>A stack's life in the browser against the real private Docker engine: launch with a plan, watch it come up, scale, destroy.</summary>
public sealed class StackUiTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    // web waits for api to start, api for db to be healthy: three levels the page shows coming up one after another.
    private const string ShopYaml = """
        apiVersion: paddock/v1
        kind: Blueprint
        name: shop
        description: Three busybox tiers for the browser test
        variables:
          greeting: { type: string, default: hello, description: What the web page says }
        services:
          web:
            image: paddock/busybox:latest
            command: [sh, -c, "echo ${greeting} > /www/index.html && exec httpd -f -v -p 8080 -h /www"]
            ports: ["8080"]
            depends_on: [api]
          api:
            image: paddock/busybox:latest
            command: [sleep, "3600"]
            depends_on: { db: healthy }
          db:
            image: paddock/busybox:latest
            command: [sleep, "3600"]
            healthcheck: { command: ["true"], interval: 1s, retries: 3 }
        """;

    [Fact]
    public async Task Launch_watch_scale_and_destroy_a_stack_from_the_browser()
    {
        var admin = await browser.Server.SignInAsAdminAsync();
        var projectId = await PaddockWebFactory.CreateProjectAsync(admin, PaddockWebFactory.UniqueName("shop"));
        await PaddockWebFactory.CreateEnvironmentAsync(admin, projectId, "test", defaultTtlHours: 4, maxTtlHours: 24);
        var blueprintId = await CreateBlueprintAsync(admin, projectId, "shop", ShopYaml);
        var page = await browser.NewPageAsync();
        await (await SignInPage.OpenAsync(page)).SignInAsync(PaddockWebFactory.AdminEmail, PaddockWebFactory.AdminPassword);

        var blueprint = await BlueprintPage.OpenAsync(page, projectId, blueprintId);
        var launch = await blueprint.OpenLaunchDialogAsync();
        await Expect(launch.Environment).ToHaveValueAsync("test");
        await launch.Variable("greeting").FillAsync("hello-from-paddock");
        await blueprint.ScreenshotAsync("21-launch-dialog");
        await launch.PlanAsync();
        await Expect(launch.Change("web-1", "Create")).ToBeVisibleAsync();
        await Expect(launch.Change("db-1", "Create")).ToBeVisibleAsync();
        await blueprint.ScreenshotAsync("22-launch-plan");
        await launch.LaunchAsync();

        var stack = await StackPage.WaitForAsync(page);
        await stack.ScreenshotAsync("23-stack-launching");
        await stack.WaitForRowAsync("db-1", "Running", health: "Healthy");
        await stack.WaitForRowAsync("api-1", "Running");
        await stack.WaitForRowAsync("web-1", "Running");
        await stack.WaitForStatusAsync("Running");

        var endpoint = await stack.Endpoint("web-1").GetAttributeAsync("href");
        endpoint.ShouldNotBeNull();
        endpoint.ShouldStartWith("http://127.0.0.1:");
        var response = await page.APIRequest.GetAsync(endpoint);
        response.Status.ShouldBe(200);
        (await response.TextAsync()).ShouldContain("hello-from-paddock");
        // httpd -v logs each request: the log tail follows web-1 (the container with an endpoint) live.
        await Expect(stack.LogStatus).ToContainTextAsync("following web-1");
        await Expect(page.GetByTestId("log-lines")).ToContainTextAsync("response:200", new() { Timeout = 15_000 });
        await stack.ScreenshotAsync("24-stack-running");

        await stack.OpenActionAsync("scale");
        await stack.ChooseScaleAsync("web", 2);
        await Expect(stack.Change("web-2", "Create")).ToBeVisibleAsync();
        await stack.ScreenshotAsync("25-scale-plan");
        await stack.ConfirmAsync();
        await Expect(stack.RowsOf("web", "Running")).ToHaveCountAsync(2, new() { Timeout = 20_000 });
        await stack.WaitForStatusAsync("Running");
        await stack.ScreenshotAsync("26-stack-scaled");

        var stackId = stack.Id;
        (await DockerCli.ContainersOfAsync(stackId)).Count.ShouldBe(4);
        await stack.OpenActionAsync("destroy");
        await Expect(stack.Change("web-2", "Delete")).ToBeVisibleAsync();
        await stack.ConfirmAsync();
        await stack.WaitForStatusAsync("Destroyed");
        await Expect(page.GetByTestId("services-empty")).ToBeVisibleAsync();
        await stack.ScreenshotAsync("27-stack-destroyed");
        (await DockerCli.ContainersOfAsync(stackId)).ShouldBeEmpty();
    }

    private static async Task<Guid> CreateBlueprintAsync(HttpClient client, Guid projectId, string name, string yaml)
    {
        var response = await client.PostAsJsonAsync($"/api/v1/projects/{projectId}/blueprints", new { name, description = "For the stack UI test", yaml });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<SavedBody>())!.BlueprintId;
    }

    private sealed record SavedBody(Guid BlueprintId);
}
