using System.Collections.Concurrent;
using Microsoft.Playwright;
using Paddock.Core.Identity;
using Paddock.E2E.Infrastructure;
using Paddock.E2E.Pages;
using Paddock.Testing;
using static Microsoft.Playwright.Assertions;

namespace Paddock.E2E;

/// <summary>
/// Pages hear the SignalR hub the way integrations do: the browser connects to /hubs/live with its sign-in cookie and
/// joins the stack's group; the hub's membership re-check cuts a removed member off, and the page says so.
/// </summary>
public sealed class LiveUiTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string SleeperYaml = """
        apiVersion: paddock/v1
        kind: Blueprint
        name: sleeper
        services:
          worker:
            image: paddock/busybox:latest
            command: [sleep, "3600"]
        """;

    [Fact]
    public async Task A_member_watches_a_stack_over_the_hub_and_is_cut_off_when_removed_from_the_project()
    {
        var admin = await browser.Server.SignInAsAdminAsync();
        var projectId = await PaddockWebFactory.CreateProjectAsync(admin, PaddockWebFactory.UniqueName("live"));
        var environmentId = await PaddockWebFactory.CreateEnvironmentAsync(admin, projectId, "test");
        var blueprintId = await StackApi.CreateBlueprintAsync(admin, projectId, "sleeper", SleeperYaml);
        var stackId = await StackApi.LaunchAsync(admin, projectId, environmentId, blueprintId);
        await StackApi.WaitForAsync(admin, projectId, stackId, "Running");
        var member = await browser.Server.CreateMemberAsync(admin, projectId, ProjectRole.Developer);

        var page = await browser.NewPageAsync();
        var hubFrames = new ConcurrentQueue<string>();
        page.WebSocket += (_, socket) =>
        {
            if (socket.Url.Contains("/hubs/live", StringComparison.Ordinal))
            {
                socket.FrameReceived += (_, frame) => hubFrames.Enqueue(frame.Text ?? "");
            }
        };
        await (await SignInPage.OpenAsync(page)).SignInAsync(member.Email, PaddockWebFactory.UserPassword);
        var stack = await StackPage.OpenAsync(page, projectId, stackId);
        await Expect(stack.LiveState).ToHaveAttributeAsync("data-state", "connected");
        await Expect(stack.LiveState).ToHaveTextAsync("Live");
        await stack.ScreenshotAsync("40-stack-live");

        // Someone else stops the stack through the API: the member's page hears it over the hub and shows it.
        await StackApi.RequestAsync(admin, projectId, stackId, "Stop");
        await stack.WaitForStatusAsync("Stopped", timeout: 20_000);
        hubFrames.ShouldContain(f => f.Contains("\"target\":\"live\"", StringComparison.Ordinal) && f.Contains(stackId.ToString(), StringComparison.Ordinal));

        // Removed from the project, the member leaves the hub's groups at the next re-check, and the page says why it stopped.
        (await admin.DeleteAsync(new Uri($"/api/v1/projects/{projectId}/members/{member.Id}", UriKind.Relative))).EnsureSuccessStatusCode();
        await Expect(page.GetByText("Access removed")).ToBeVisibleAsync();
        await stack.ScreenshotAsync("41-stack-access-removed");
        hubFrames.ShouldContain(f => f.Contains("access.revoked", StringComparison.Ordinal));

        await StackApi.RequestAsync(admin, projectId, stackId, "Destroy");
        await StackApi.WaitForAsync(admin, projectId, stackId, "Destroyed");
    }
}
