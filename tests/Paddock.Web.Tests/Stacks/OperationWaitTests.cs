using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Paddock.Core.Identity;
using Paddock.Testing;
using GovernanceApi = Paddock.Web.Tests.Governance.Governance;

namespace Paddock.Web.Tests.Stacks;

/// <summary>Following an operation with one request: <c>GET …/operations/{id}?wait=</c> answers when the operation has ended.</summary>
[Collection(WebTestCollection.Name)]
public sealed class OperationWaitTests(PaddockWebFactory factory)
{
    private readonly GovernanceApi _governance = new(factory);

    [Fact]
    public async Task A_waiting_read_of_a_launch_answers_when_it_succeeded_and_its_container_runs_then_follows_the_destroy()
    {
        var a = await _governance.ArrangeAsync("wait");
        var launch = await GovernanceApi.LaunchedAsync(a.Admin, a, a.Test);
        var stackId = launch.GetProperty("stackId").GetGuid();

        var launched = await OperationAsync(a.Admin, a.ProjectId, stackId, launch.GetProperty("operationId").GetGuid(), wait: 60);

        launched.GetProperty("status").GetString().ShouldBe("Succeeded");
        launched.GetProperty("kind").GetString().ShouldBe("Launch");
        launched.GetProperty("steps").EnumerateArray().ShouldContain(s => s.GetProperty("resource").GetString() == "app-1" && s.GetProperty("status").GetString() == "Succeeded");
        (await Docker.RunAsync("ps", "-q", "--filter", $"label=paddock.stack={stackId}", "--filter", "status=running")).ShouldNotBeEmpty();
        (await GovernanceApi.StackAsync(a.Admin, a.ProjectId, stackId)).GetProperty("status").GetString().ShouldBe("Running");

        var destroy = await a.Admin.PostAsJsonAsync($"{StackApi.StackUrl(a.ProjectId, stackId)}/operations", new { kind = "Destroy" });
        destroy.StatusCode.ShouldBe(HttpStatusCode.Accepted, await destroy.Content.ReadAsStringAsync());
        var destroyId = (await destroy.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("operationId").GetGuid();

        (await OperationAsync(a.Admin, a.ProjectId, stackId, destroyId, wait: 60)).GetProperty("status").GetString().ShouldBe("Succeeded");
        (await Docker.ContainersOfAsync(stackId)).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_wait_ends_when_its_time_is_up_and_a_wait_begun_before_the_approval_sees_the_launch_succeed()
    {
        var a = await _governance.ArrangeAsync("waitapproval");
        await GovernanceApi.AddPolicyAsync(a.Admin, a.ProjectId,
            new { name = "all launches", operations = new[] { "Launch" }, requiredApprovals = 1, approverRole = "Approver" });
        var approver = await factory.CreateMemberAsync(a.Admin, a.ProjectId, ProjectRole.Approver);
        var launch = await GovernanceApi.LaunchedAsync(a.Admin, a, a.Test);
        var stackId = launch.GetProperty("stackId").GetGuid();
        var operationId = launch.GetProperty("operationId").GetGuid();

        var watch = Stopwatch.StartNew();
        var pending = await OperationAsync(a.Admin, a.ProjectId, stackId, operationId, wait: 1);

        pending.GetProperty("status").GetString().ShouldBe("AwaitingApproval");
        watch.Elapsed.ShouldBeGreaterThan(TimeSpan.FromSeconds(0.9), "the answer is held for the whole wait while the operation is still to end");

        var following = OperationAsync(a.Admin, a.ProjectId, stackId, operationId, wait: 90);
        var request = (await GovernanceApi.PendingAsync(approver.Client, a.ProjectId)).ShouldHaveSingleItem().GetProperty("id").GetGuid();
        var details = await GovernanceApi.RequestAsync(approver.Client, a.ProjectId, request);
        (await GovernanceApi.DecideAsync(approver.Client, a.ProjectId, request, approve: true, details.GetProperty("planHash").GetString()))
            .StatusCode.ShouldBe(HttpStatusCode.OK);

        (await following).GetProperty("status").GetString().ShouldBe("Succeeded");
        (await Docker.ContainersOfAsync(stackId)).Count.ShouldBe(1);
        await GovernanceApi.DestroyAsync(a.Admin, a.ProjectId, stackId);
    }

    [Fact]
    public async Task A_bad_wait_is_a_field_error_and_operations_of_other_stacks_or_projects_are_not_found()
    {
        var a = await _governance.ArrangeAsync("waitbad");
        var launch = await GovernanceApi.LaunchedAsync(a.Admin, a, a.Test);
        var stackId = launch.GetProperty("stackId").GetGuid();
        var operationId = launch.GetProperty("operationId").GetGuid();
        var url = $"{StackApi.StackUrl(a.ProjectId, stackId)}/operations/{operationId}";

        foreach (var wait in new[] { "121", "-1", "soon" })
        {
            var bad = await a.Admin.GetAsync(new Uri($"{url}?wait={wait}", UriKind.Relative));
            bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest, wait);
            var problem = await bad.Content.ReadFromJsonAsync<JsonElement>();
            problem.GetProperty("errors").TryGetProperty("wait", out _).ShouldBeTrue($"wait={wait}: {problem}");
        }

        var otherLaunch = await GovernanceApi.LaunchedAsync(a.Admin, a, a.Test);
        var other = otherLaunch.GetProperty("stackId").GetGuid();
        (await a.Admin.GetAsync(new Uri($"{StackApi.StackUrl(a.ProjectId, other)}/operations/{operationId}", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await a.Admin.GetAsync(new Uri($"{StackApi.StackUrl(a.ProjectId, stackId)}/operations/{Guid.NewGuid()}", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var otherProject = await PaddockWebFactory.CreateProjectAsync(a.Admin, PaddockWebFactory.UniqueName("waitother"));
        (await a.Admin.GetAsync(new Uri($"{StackApi.StackUrl(otherProject, stackId)}/operations/{operationId}", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var outsider = await factory.CreateMemberAsync(a.Admin, otherProject, ProjectRole.Developer);
        (await outsider.Client.GetAsync(new Uri(url, UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        await OperationAsync(a.Admin, a.ProjectId, stackId, operationId, wait: 60);
        await OperationAsync(a.Admin, a.ProjectId, other, otherLaunch.GetProperty("operationId").GetGuid(), wait: 60);
        await GovernanceApi.DestroyAsync(a.Admin, a.ProjectId, stackId);
        await GovernanceApi.DestroyAsync(a.Admin, a.ProjectId, other);
    }

    private static async Task<JsonElement> OperationAsync(HttpClient client, Guid projectId, Guid stackId, Guid operationId, int wait)
    {
        var response = await client.GetAsync(new Uri($"{StackApi.StackUrl(projectId, stackId)}/operations/{operationId}?wait={wait}", UriKind.Relative));
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
