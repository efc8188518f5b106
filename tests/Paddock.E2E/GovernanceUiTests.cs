using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Paddock.Core.Identity;
using Paddock.E2E.Infrastructure;
using Paddock.E2E.Pages;
using Paddock.Testing;
using static Microsoft.Playwright.Assertions;

namespace Paddock.E2E;

/// <summary>
/// Governance in the browser: a Developer launches into the protected production environment and waits; an Approver
/// sees the plan and its cost in the inbox and approves; the stack starts on the private engine.
/// </summary>
public sealed class GovernanceUiTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string Yaml = """
        apiVersion: paddock/v1
        kind: Blueprint
        name: billing
        services:
          api:
            image: paddock/busybox:latest
            command: [sleep, "3600"]
            cpu: 1
            memory: 512Mi
            replicas: 2
          worker:
            image: paddock/busybox:latest
            command: [sleep, "3600"]
        """;

    [Fact]
    public async Task A_developer_launch_into_production_waits_for_an_approver_who_sees_plan_and_cost_and_approves()
    {
        var admin = await browser.Server.SignInAsAdminAsync();
        var projectId = await PaddockWebFactory.CreateProjectAsync(admin, PaddockWebFactory.UniqueName("billing"));
        await PaddockWebFactory.CreateEnvironmentAsync(admin, projectId, "test", defaultTtlHours: 4);
        await PaddockWebFactory.CreateEnvironmentAsync(admin, projectId, "production", defaultTtlHours: 8, isProtected: true);
        (await admin.PostAsJsonAsync($"/api/v1/projects/{projectId}/approval-policies", new
        {
            name = "Production launches",
            operations = new[] { "Launch" },
            conditions = new { environmentProtected = true },
            requiredApprovals = 1,
            approverRole = "Approver",
            timeoutHours = 24,
            timeoutOutcome = "Escalate",
        })).EnsureSuccessStatusCode();
        (await admin.PostAsJsonAsync($"/api/v1/projects/{projectId}/budgets", new { monthlyAmount = 500, softThresholdPercent = 80, hardLimitPercent = 100 }))
            .EnsureSuccessStatusCode();
        var created = await admin.PostAsJsonAsync($"/api/v1/projects/{projectId}/blueprints", new { name = "billing", yaml = Yaml });
        created.EnsureSuccessStatusCode();
        var blueprintId = (await created.Content.ReadFromJsonAsync<SavedBody>())!.BlueprintId;
        var developer = await browser.Server.CreateMemberAsync(admin, projectId, ProjectRole.Developer);
        var approver = await browser.Server.CreateMemberAsync(admin, projectId, ProjectRole.Approver);

        var developerPage = await browser.NewPageAsync();
        await (await SignInPage.OpenAsync(developerPage)).SignInAsync(developer.Email, PaddockWebFactory.UserPassword);
        var blueprint = await BlueprintPage.OpenAsync(developerPage, projectId, blueprintId);
        var launch = await blueprint.OpenLaunchDialogAsync();
        await launch.ChooseEnvironmentAsync("production");
        await Expect(launch.Environment).ToHaveValueAsync("production");
        await launch.PlanAsync();
        await Expect(launch.Change("api-2", "Create")).ToBeVisibleAsync();
        await Expect(launch.Cost.GetByTestId("cost-monthly")).ToContainTextAsync("USD");
        await Expect(launch.NeedsApproval).ToContainTextAsync("Production launches");
        await launch.Reason.FillAsync("Quarter-end billing run");
        await Expect(launch.LaunchButton).ToHaveTextAsync("Request approval");
        await blueprint.ScreenshotAsync("60-launch-needs-approval");
        await launch.LaunchAsync();

        var stack = await StackPage.WaitForAsync(developerPage);
        await Expect(developerPage.GetByTestId("awaiting-approval")).ToContainTextAsync("Awaiting approval");
        await stack.ScreenshotAsync("61-stack-awaiting-approval");
        (await DockerCli.ContainersOfAsync(stack.Id)).ShouldBeEmpty();

        var approverPage = await browser.NewPageAsync();
        await (await SignInPage.OpenAsync(approverPage)).SignInAsync(approver.Email, PaddockWebFactory.UserPassword);
        var inbox = await ApprovalsPage.OpenAsync(approverPage);
        await Expect(inbox.NavCount).ToHaveTextAsync("1");
        await Expect(inbox.Rows).ToHaveCountAsync(1);
        await Expect(inbox.Details.GetByTestId("approval-requester")).ToHaveTextAsync(developer.Email);
        await Expect(inbox.Details.GetByTestId("approval-reason")).ToHaveTextAsync("Quarter-end billing run");
        await Expect(inbox.Details.GetByTestId("cost-monthly")).ToContainTextAsync("USD");
        await Expect(inbox.Change("api-1", "Create")).ToBeVisibleAsync();
        await Expect(inbox.Change("worker-1", "Create")).ToBeVisibleAsync();
        await inbox.ScreenshotAsync("62-approvals-inbox");
        await inbox.ApproveAsync();
        await Expect(inbox.Status).ToHaveTextAsync("Approved");
        await Expect(inbox.NavCount).ToHaveCountAsync(0);
        await inbox.ScreenshotAsync("63-approved");

        await stack.WaitForStatusAsync("Running");
        await stack.WaitForRowAsync("api-2", "Running");
        await Expect(developerPage.GetByTestId("awaiting-approval")).ToHaveCountAsync(0);
        (await DockerCli.ContainersOfAsync(stack.Id)).Count.ShouldBe(3);
        await stack.ScreenshotAsync("64-stack-running-after-approval");

        var adminPage = await browser.NewPageAsync();
        await (await SignInPage.OpenAsync(adminPage)).SignInAsync(PaddockWebFactory.AdminEmail, PaddockWebFactory.AdminPassword);
        await adminPage.GotoAsync($"/projects/{projectId}");
        await Expect(adminPage.GetByTestId("circuit-ready")).ToBeAttachedAsync();
        await adminPage.GetByRole(Microsoft.Playwright.AriaRole.Tab, new() { Name = "Governance" }).ClickAsync();
        await Expect(adminPage.GetByTestId("policy-row")).ToContainTextAsync("Production launches");
        await Expect(adminPage.GetByTestId("budget-row")).ToContainTextAsync("500.00 USD");
        await Screenshots.SaveAsync(adminPage, "65-governance-tab");
        await adminPage.GotoAsync("/costs");
        await Expect(adminPage.GetByTestId("circuit-ready")).ToBeAttachedAsync();
        await Expect(adminPage.GetByTestId("costs-row").First).ToBeVisibleAsync();
        await Expect(adminPage.GetByTestId("costs-forecast")).Not.ToHaveTextAsync("0.00 USD");
        await Screenshots.SaveAsync(adminPage, "66-costs");

        (await admin.PostAsJsonAsync($"/api/v1/projects/{projectId}/stacks/{stack.Id}/operations", new { kind = "Destroy" })).EnsureSuccessStatusCode();
        await stack.WaitForStatusAsync("Destroyed");
    }

    [Fact]
    public async Task A_signed_link_opens_the_request_decides_once_and_says_so_when_replayed()
    {
        var admin = await browser.Server.SignInAsAdminAsync();
        var projectId = await PaddockWebFactory.CreateProjectAsync(admin, PaddockWebFactory.UniqueName("links"));
        var environmentId = await PaddockWebFactory.CreateEnvironmentAsync(admin, projectId, "test", defaultTtlHours: 1);
        (await admin.PostAsJsonAsync($"/api/v1/projects/{projectId}/approval-policies", new { name = "Every launch", operations = new[] { "Launch" }, approverRole = "Approver" }))
            .EnsureSuccessStatusCode();
        var created = await admin.PostAsJsonAsync($"/api/v1/projects/{projectId}/blueprints", new { name = "billing", yaml = Yaml });
        var blueprintId = (await created.Content.ReadFromJsonAsync<SavedBody>())!.BlueprintId;
        var approver = await browser.Server.CreateMemberAsync(admin, projectId, ProjectRole.Approver);
        (await admin.PostAsJsonAsync($"/api/v1/projects/{projectId}/stacks", new { blueprintId, environmentId, reason = "Demo for the link" })).EnsureSuccessStatusCode();
        var rejectUrl = await RejectUrlAsync(projectId);

        var page = await browser.NewPageAsync();
        await (await SignInPage.OpenAsync(page)).SignInAsync(approver.Email, PaddockWebFactory.UserPassword);
        await page.GotoAsync(new Uri(rejectUrl).PathAndQuery);
        await Expect(page.GetByTestId("circuit-ready")).ToBeAttachedAsync();
        await Expect(page.GetByTestId("approval-reason")).ToHaveTextAsync("Demo for the link");
        await Expect(page.GetByTestId("approve")).ToHaveCountAsync(0);
        await page.GetByTestId("reject").ClickAsync();
        await Expect(page.GetByText("Say why you reject it.")).ToBeVisibleAsync();
        await Screenshots.SaveAsync(page, "67-link-reject");
        await page.GetByTestId("decision-reason").FillAsync("Not this week");
        await page.GetByTestId("reject").ClickAsync();
        await Expect(page.GetByTestId("link-done")).ToContainTextAsync("Rejected");

        await page.GotoAsync(new Uri(rejectUrl).PathAndQuery);
        await Expect(page.GetByTestId("circuit-ready")).ToBeAttachedAsync();
        await Expect(page.GetByTestId("link-error")).ToContainTextAsync("already used");
        await Screenshots.SaveAsync(page, "68-link-replayed");
    }

    private async Task<string> RejectUrlAsync(Guid projectId)
    {
        await using var scope = browser.Server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Paddock.Data.PaddockDbContext>();
        var payload = await db.OutboxMessages.AsNoTracking().Where(m => m.ProjectId == projectId && m.Type == "approval.requested").Select(m => m.Payload).SingleAsync();
        return System.Text.Json.JsonDocument.Parse(payload).RootElement.GetProperty("rejectUrl").GetString()!;
    }

    private sealed record SavedBody(Guid BlueprintId);
}
