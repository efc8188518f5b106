using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Paddock.Testing;

namespace Paddock.Web.Tests.Stacks;

/// <summary>Environments that opt into auto-heal: the drift check applies the healing plan itself, as an audited operation.</summary>
[Collection(WebTestCollection.Name)]
public sealed class AutoHealTests(PaddockWebFactory factory)
{
    private const string TwoServices = """
        apiVersion: paddock/v1
        kind: Blueprint
        services:
          web:
            image: paddock/busybox:latest
            command: [sleep, "3600"]
            depends_on: { db: started }
          db:
            image: paddock/busybox:latest
            command: [sleep, "3600"]
        """;

    [Fact]
    public async Task A_container_removed_by_hand_in_an_auto_heal_environment_is_restored_by_the_drift_check_itself()
    {
        var (admin, projectId, stackId) = await LaunchAsync(autoHeal: true);
        var web = (await Docker.RunAsync("ps", "-q", "--filter", $"label=paddock.stack={stackId}", "--filter", "label=paddock.resource=web-1")).Trim();
        await Docker.RunAsync("rm", "-f", web);

        await CheckDriftAsync();
        var healed = await StackApi.WaitForAsync(admin, projectId, stackId, "Running");

        healed.Operations.Count.ShouldBe(2);
        var heal = healed.Operations[0];
        heal.Kind.ShouldBe("Update");
        heal.Status.ShouldBe("Succeeded");
        heal.RequestedBy.ShouldBe("system");
        heal.Steps.ShouldContain(s => s.Resource == "web-1" && s.Action == "Create" && s.Status == "Succeeded");
        (await Docker.ContainersOfAsync(stackId)).Count.ShouldBe(2);
        (await factory.AuditActionsForAsync(heal.Id)).ShouldNotBeEmpty();

        await CheckDriftAsync();
        (await admin.GetFromJsonAsync<StackApi.StackBody>(StackApi.StackUrl(projectId, stackId)))!.Drift.ShouldBeNull();
        await StackApi.RequestAsync(admin, projectId, stackId, "Destroy");
        await StackApi.WaitForAsync(admin, projectId, stackId, "Destroyed");
    }

    [Fact]
    public async Task Without_auto_heal_drift_is_only_reported()
    {
        var (admin, projectId, stackId) = await LaunchAsync(autoHeal: false);
        var web = (await Docker.RunAsync("ps", "-q", "--filter", $"label=paddock.stack={stackId}", "--filter", "label=paddock.resource=web-1")).Trim();
        await Docker.RunAsync("rm", "-f", web);

        await CheckDriftAsync();

        var stack = (await admin.GetFromJsonAsync<StackApi.StackBody>(StackApi.StackUrl(projectId, stackId)))!;
        stack.Drift.ShouldNotBeNull();
        stack.Drift.ShouldContain("web-1");
        stack.Operations.ShouldHaveSingleItem();
        (await Docker.ContainersOfAsync(stackId)).Count.ShouldBe(1);
        await StackApi.RequestAsync(admin, projectId, stackId, "Destroy");
        await StackApi.WaitForAsync(admin, projectId, stackId, "Destroyed");
    }

    private async Task<(HttpClient Admin, Guid ProjectId, Guid StackId)> LaunchAsync(bool autoHeal)
    {
        var admin = await factory.SignInAsAdminAsync();
        var projectId = await PaddockWebFactory.CreateProjectAsync(admin, PaddockWebFactory.UniqueName("heal"));
        var created = await admin.PostAsJsonAsync($"/api/v1/projects/{projectId}/environments", new { name = "test", autoHeal });
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        var environment = (await created.Content.ReadFromJsonAsync<EnvironmentBody>())!;
        environment.AutoHeal.ShouldBe(autoHeal);
        var environmentId = environment.Id;
        var blueprintId = await StackApi.CreateBlueprintAsync(admin, projectId, "two", TwoServices);
        var stackId = await StackApi.LaunchAsync(admin, projectId, environmentId, blueprintId);
        await StackApi.WaitForAsync(admin, projectId, stackId, "Running");
        return (admin, projectId, stackId);
    }

    /// <summary>Runs the recurring drift check now, as Hangfire would.</summary>
    private async Task CheckDriftAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<Workers.Stacks.DriftCheckJob>().RunAsync(CancellationToken.None);
    }

    private sealed record EnvironmentBody(Guid Id, bool AutoHeal);
}
