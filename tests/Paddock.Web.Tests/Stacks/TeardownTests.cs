using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Paddock.Testing;
using Paddock.Workers.Stacks;

namespace Paddock.Web.Tests.Stacks;

/// <summary>Guaranteed teardown on the private engine: expiry warnings, the TTL reaper and the orphan reaper.</summary>
[Collection(WebTestCollection.Name)]
public sealed class TeardownTests(PaddockWebFactory factory)
{
    private const string OneService = """
        apiVersion: paddock/v1
        kind: Blueprint
        services:
          app:
            image: paddock/busybox:latest
            command: [sleep, "3600"]
        """;

    [Fact]
    public async Task A_stack_is_warned_before_it_expires_and_destroyed_when_its_ttl_ends()
    {
        var (admin, projectId, environmentId, blueprintId) = await ArrangeAsync("ttl");
        var soon = await LaunchAsync(admin, projectId, environmentId, blueprintId, ttlHours: 0.5);
        var brief = await LaunchAsync(admin, projectId, environmentId, blueprintId, ttlHours: 2.0 / 3600);
        await WaitForAsync(admin, projectId, soon, s => s == "Running");
        await WaitForAsync(admin, projectId, brief, s => s == "Running");
        await Task.Delay(TimeSpan.FromSeconds(2.5));

        await RunAsync<TtlReaperJob>(job => job.RunAsync(CancellationToken.None));
        await RunAsync<TtlReaperJob>(job => job.RunAsync(CancellationToken.None));

        (await factory.AuditActionsForAsync(soon)).Count(a => a == "stack.expiring").ShouldBe(1);
        await WaitForAsync(admin, projectId, brief, s => s == "Destroyed");
        (await Docker.ContainersOfAsync(brief)).ShouldBeEmpty();
        (await Docker.ContainersOfAsync(soon)).Count.ShouldBe(1);
    }

    [Fact]
    public async Task Engine_objects_no_stack_owns_are_reported_then_removed_after_the_grace_period()
    {
        var ghost = Guid.NewGuid();
        await Docker.RunAsync("run", "-d", "--label", $"paddock.stack={ghost}", "--label", "paddock.stack-name=ghost", "paddock/busybox:latest", "sleep", "600");

        await RunAsync<OrphanReaperJob>(job => job.ReapAsync(TimeSpan.FromHours(1), CancellationToken.None));
        (await Docker.ContainersOfAsync(ghost)).Count.ShouldBe(1);
        (await factory.AuditActionsForAsync(ghost)).ShouldContain("orphaned-stack.created");

        await RunAsync<OrphanReaperJob>(job => job.ReapAsync(TimeSpan.Zero, CancellationToken.None));
        (await Docker.ContainersOfAsync(ghost)).ShouldBeEmpty();
        await AuditedAsync(ghost, "orphaned-stack.updated");
    }

    [Fact]
    public async Task Stacks_of_another_installation_on_the_same_engine_are_never_swept()
    {
        var (admin, projectId, environmentId, blueprintId) = await ArrangeAsync("installation");
        var ours = await LaunchAsync(admin, projectId, environmentId, blueprintId, ttlHours: 1);
        await WaitForAsync(admin, projectId, ours, s => s == "Running");
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var installation = await scope.ServiceProvider.GetRequiredService<Paddock.Data.PaddockDbContext>().Installation.SingleAsync();
            var container = (await Docker.ContainersOfAsync(ours)).ShouldHaveSingleItem();
            (await Docker.RunAsync("inspect", "-f", "{{index .Config.Labels \"paddock.installation\"}}", container)).Trim().ShouldBe(installation.Id.ToString("D"));
        }

        // A staging Paddock on the same engine: its stacks are unknown here, yet not orphans of this installation.
        var theirs = Guid.NewGuid();
        await Docker.RunAsync("run", "-d", "--label", $"paddock.stack={theirs}", "--label", $"paddock.installation={Guid.NewGuid()}", "paddock/busybox:latest", "sleep", "600");
        try
        {
            await RunAsync<OrphanReaperJob>(job => job.ReapAsync(TimeSpan.Zero, CancellationToken.None));
            await RunAsync<OrphanReaperJob>(job => job.ReapAsync(TimeSpan.Zero, CancellationToken.None));

            (await Docker.ContainersOfAsync(theirs)).Count.ShouldBe(1);
            (await factory.AuditActionsForAsync(theirs)).ShouldBeEmpty();
        }
        finally
        {
            foreach (var container in await Docker.ContainersOfAsync(theirs))
            {
                await Docker.RunAsync("rm", "-f", container);
            }
        }
    }

    [Fact]
    public async Task Leftovers_of_a_report_only_environment_are_reported_but_never_removed()
    {
        var (admin, projectId, _, blueprintId) = await ArrangeAsync("reportonly");
        var response = await admin.PostAsJsonAsync($"/api/v1/projects/{projectId}/environments", new { name = "audit", orphansReportOnly = true });
        var environmentId = (await response.Content.ReadFromJsonAsync<IdBody>())!.Id;
        var stackId = await LaunchAsync(admin, projectId, environmentId, blueprintId, ttlHours: 1);
        await WaitForAsync(admin, projectId, stackId, s => s == "Running");
        (await admin.PostAsJsonAsync($"/api/v1/projects/{projectId}/stacks/{stackId}/operations", new { kind = "Destroy" })).StatusCode.ShouldBe(HttpStatusCode.Accepted);
        await WaitForAsync(admin, projectId, stackId, s => s == "Destroyed");
        // Something re-created an object of the destroyed stack behind Paddock's back.
        await Docker.RunAsync("run", "-d", "--label", $"paddock.stack={stackId}", "paddock/busybox:latest", "sleep", "600");

        await RunAsync<OrphanReaperJob>(job => job.ReapAsync(TimeSpan.Zero, CancellationToken.None));

        (await Docker.ContainersOfAsync(stackId)).Count.ShouldBe(1);
        (await factory.AuditActionsForAsync(stackId)).ShouldContain("orphaned-stack.created");
        await Docker.RunAsync("rm", "-f", (await Docker.ContainersOfAsync(stackId))[0]);
    }

    /// <summary>Whoever removed it (this sweep, or the shared host's recurring one it waited for), the removal is audited.</summary>
    private async Task AuditedAsync(Guid id, string action)
    {
        var watch = Stopwatch.StartNew();
        List<string> actions;
        do
        {
            actions = await factory.AuditActionsForAsync(id);
            if (actions.Contains(action))
            {
                return;
            }

            await Task.Delay(200);
        }
        while (watch.Elapsed < TimeSpan.FromSeconds(5));
        actions.ShouldContain(action);
    }

    private async Task RunAsync<TJob>(Func<TJob, Task> run)
        where TJob : notnull
    {
        await using var scope = factory.Services.CreateAsyncScope();
        await run(scope.ServiceProvider.GetRequiredService<TJob>());
    }

    private async Task<(HttpClient Admin, Guid ProjectId, Guid EnvironmentId, Guid BlueprintId)> ArrangeAsync(string name)
    {
        var admin = await factory.SignInAsAdminAsync();
        var projectId = await PaddockWebFactory.CreateProjectAsync(admin, PaddockWebFactory.UniqueName(name));
        var environmentId = await PaddockWebFactory.CreateEnvironmentAsync(admin, projectId, "test");
        var created = await admin.PostAsJsonAsync($"/api/v1/projects/{projectId}/blueprints", new { name, yaml = OneService });
        return (admin, projectId, environmentId, (await created.Content.ReadFromJsonAsync<SavedBody>())!.BlueprintId);
    }

    private static async Task<Guid> LaunchAsync(HttpClient client, Guid projectId, Guid environmentId, Guid blueprintId, double ttlHours)
    {
        var response = await client.PostAsJsonAsync($"/api/v1/projects/{projectId}/stacks", new { blueprintId, environmentId, ttlHours });
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<LaunchBody>())!.StackId;
    }

    private static async Task WaitForAsync(HttpClient client, Guid projectId, Guid stackId, Func<string, bool> done)
    {
        var watch = Stopwatch.StartNew();
        string status;
        do
        {
            status = (await client.GetFromJsonAsync<StatusBody>($"/api/v1/projects/{projectId}/stacks/{stackId}"))!.Status;
            if (done(status))
            {
                return;
            }

            await Task.Delay(200);
        }
        while (watch.Elapsed < TimeSpan.FromSeconds(60));

        throw new ShouldAssertException($"Stack {stackId} stayed {status}.");
    }

    private sealed record IdBody(Guid Id);

    private sealed record SavedBody(Guid BlueprintId);

    private sealed record LaunchBody(Guid StackId);

    private sealed record StatusBody(string Status);
}
