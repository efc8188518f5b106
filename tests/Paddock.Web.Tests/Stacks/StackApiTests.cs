using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Paddock.Core.Identity;
using Paddock.Testing;

namespace Paddock.Web.Tests.Stacks;

/// <summary>Stacks launched through the API onto the private Docker engine that the test command starts.</summary>
[Collection(WebTestCollection.Name)]
public sealed class StackApiTests(PaddockWebFactory factory)
{
    private const string Sample = """
        apiVersion: paddock/v1
        kind: Blueprint
        variables:
          greeting: { type: string, default: hello }
          token: { type: secret, required: true }
        services:
          web:
            image: paddock/busybox:latest
            command: [httpd, -f, -p, "80", -h, /www]
            ports: ["80"]
            depends_on: { api: started }
          api:
            image: paddock/busybox:latest
            command: [sleep, "3600"]
            environment: { GREETING: "${greeting}", TOKEN: "${token}" }
            depends_on: { db: healthy }
          db:
            image: paddock/busybox:latest
            command: [sleep, "3600"]
            healthcheck: { command: ["true"], interval: 1s, retries: 3 }
        """;

    [Fact]
    public async Task Launch_starts_every_service_and_an_unchanged_reapply_touches_nothing()
    {
        var (admin, projectId, environmentId, blueprintId) = await ArrangeAsync("reapply");

        var launch = await LaunchAsync(admin, projectId, environmentId, blueprintId);
        var stack = await WaitForAsync(admin, projectId, launch.StackId, "Running");

        var containers = await Docker.ContainersOfAsync(launch.StackId);
        containers.Count.ShouldBe(3);
        stack.Operations[0].Steps.ShouldContain(s => s.Resource == "db-1" && s.Status == "Succeeded");
        (await factory.OutboxTypesForAsync(projectId)).ShouldBe(["stack.launched"]);

        var preview = await admin.PostAsJsonAsync($"{StackUrl(projectId, launch.StackId)}/operations/plan", new { kind = "Update" });
        var plan = (await preview.Content.ReadFromJsonAsync<PlanBody>())!;
        plan.Plan.ShouldAllBe(c => c.Action == "NoOp");

        (await admin.PostAsJsonAsync($"{StackUrl(projectId, launch.StackId)}/operations", new { kind = "Update" })).StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var after = await WaitForOperationAsync(admin, projectId, launch.StackId, "Succeeded");
        after.Operations[0].Steps.ShouldAllBe(s => s.Status == "Skipped");
        (await Docker.ContainersOfAsync(launch.StackId)).ShouldBe(containers, ignoreOrder: true);

        await DestroyAsync(admin, projectId, launch.StackId);
    }

    [Fact]
    public async Task A_bad_image_fails_with_the_engines_message_and_rollback_leaves_nothing_behind()
    {
        var (admin, projectId, environmentId, blueprintId) = await ArrangeAsync("badimage",
            Sample.Replace("command: [sleep, \"3600\"]\n    environment", "command: [sleep, \"3600\"]\n    environment", StringComparison.Ordinal)
                .Replace("image: paddock/busybox:latest\n    command: [sleep, \"3600\"]\n    environment", "image: 127.0.0.1:1/missing/image:1\n    command: [sleep, \"3600\"]\n    environment", StringComparison.Ordinal));

        var launch = await LaunchAsync(admin, projectId, environmentId, blueprintId);
        var failed = await WaitForAsync(admin, projectId, launch.StackId, "Failed");

        failed.Operations[0].Error.ShouldNotBeNullOrWhiteSpace();
        failed.Operations[0].Error!.ShouldContain("api-1");

        (await admin.PostAsJsonAsync($"{StackUrl(projectId, launch.StackId)}/operations", new { kind = "Rollback" })).StatusCode.ShouldBe(HttpStatusCode.Accepted);
        await WaitForAsync(admin, projectId, launch.StackId, "Destroyed");
        (await Docker.ContainersOfAsync(launch.StackId)).ShouldBeEmpty();
        (await factory.OutboxTypesForAsync(projectId)).ShouldBe(["stack.failed", "stack.destroyed"]);
        (await Docker.RunAsync("network", "ls", "-q", "--filter", $"label=paddock.stack={launch.StackId}")).ShouldBeEmpty();
    }

    [Fact]
    public async Task Scaling_shows_the_plan_first_then_adds_the_replica_and_destroy_removes_everything()
    {
        var (admin, projectId, environmentId, blueprintId) = await ArrangeAsync("scale");
        var launch = await LaunchAsync(admin, projectId, environmentId, blueprintId);
        await WaitForAsync(admin, projectId, launch.StackId, "Running");

        var preview = await admin.PostAsJsonAsync($"{StackUrl(projectId, launch.StackId)}/operations/plan", new { kind = "Scale", service = "web", replicas = 2 });
        var plan = (await preview.Content.ReadFromJsonAsync<PlanBody>())!;
        plan.Plan.Where(c => c.Action != "NoOp").ShouldHaveSingleItem().Resource.ShouldBe("web-2");
        (await Docker.ContainersOfAsync(launch.StackId)).Count.ShouldBe(3);

        (await admin.PostAsJsonAsync($"{StackUrl(projectId, launch.StackId)}/operations", new { kind = "Scale", service = "web", replicas = 2 }))
            .StatusCode.ShouldBe(HttpStatusCode.Accepted);
        await WaitForOperationAsync(admin, projectId, launch.StackId, "Succeeded");
        (await Docker.ContainersOfAsync(launch.StackId)).Count.ShouldBe(4);

        await DestroyAsync(admin, projectId, launch.StackId);
        (await Docker.ContainersOfAsync(launch.StackId)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Secret_inputs_are_encrypted_at_rest_and_never_returned()
    {
        var (admin, projectId, environmentId, blueprintId) = await ArrangeAsync("secret");
        const string token = "s3cr3t-token-value-42";

        var launch = await LaunchAsync(admin, projectId, environmentId, blueprintId, token);
        var stack = await WaitForAsync(admin, projectId, launch.StackId, "Running");

        stack.Inputs["token"].ShouldBe("********");
        (await admin.GetStringAsync(StackUrl(projectId, launch.StackId))).ShouldNotContain(token);
        await using (var connection = new NpgsqlConnection(factory.ConnectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("SELECT inputs::text FROM stacks WHERE id = $1", connection) { Parameters = { new() { Value = launch.StackId } } };
            var stored = (string)(await command.ExecuteScalarAsync())!;
            stored.ShouldNotContain(token);
            stored.ShouldContain("enc:");
        }

        // The container got the real value at run time.
        (await Docker.RunAsync("exec", $"paddock-{stack.Name}-api-1", "sh", "-c", "echo $TOKEN")).Trim().ShouldBe(token);
        await DestroyAsync(admin, projectId, launch.StackId);
    }

    [Fact]
    public async Task A_missing_required_input_is_a_field_error_and_launches_nothing()
    {
        var (admin, projectId, environmentId, blueprintId) = await ArrangeAsync("required");

        var response = await admin.PostAsJsonAsync($"/api/v1/projects/{projectId}/stacks", new { blueprintId, environmentId });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = (await response.Content.ReadFromJsonAsync<ProblemBody>())!;
        problem.Errors.Keys.ShouldContain(k => k.Contains("token", StringComparison.Ordinal));
        (await admin.GetItemsAsync<SummaryBody>($"/api/v1/projects/{projectId}/stacks"))!.ShouldBeEmpty();
    }

    [Fact]
    public async Task Developers_launch_into_test_but_not_into_protected_production_and_viewers_not_at_all()
    {
        var (admin, projectId, environmentId, blueprintId) = await ArrangeAsync("roles");
        var production = await PaddockWebFactory.CreateEnvironmentAsync(admin, projectId, "production", isProtected: true);
        var developer = await factory.CreateMemberAsync(admin, projectId, ProjectRole.Developer);
        var viewer = await factory.CreateMemberAsync(admin, projectId, ProjectRole.Viewer);

        var intoProduction = await developer.Client.PostAsJsonAsync($"/api/v1/projects/{projectId}/stacks/plan",
            new { blueprintId, environmentId = production, inputs = new { token = "x" } });
        var byViewer = await viewer.Client.PostAsJsonAsync($"/api/v1/projects/{projectId}/stacks/plan",
            new { blueprintId, environmentId, inputs = new { token = "x" } });
        var intoTest = await developer.Client.PostAsJsonAsync($"/api/v1/projects/{projectId}/stacks/plan",
            new { blueprintId, environmentId, inputs = new { token = "x" } });

        intoProduction.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        byViewer.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        intoTest.StatusCode.ShouldBe(HttpStatusCode.OK);
        var plan = (await intoTest.Content.ReadFromJsonAsync<PlanBody>())!;
        plan.Plan.Count(c => c.Action == "Create").ShouldBe(4);
        plan.Plan.Single(c => c.Resource == "web-1").Level.ShouldBeGreaterThan(plan.Plan.Single(c => c.Resource == "db-1").Level);
    }

    [Fact]
    public async Task The_api_lists_a_stacks_containers_with_health_and_serves_a_containers_log_tailed_or_followed()
    {
        const string chatty = """
            apiVersion: paddock/v1
            kind: Blueprint
            variables:
              token: { type: secret, required: true }
            services:
              talker:
                image: paddock/busybox:latest
                command: [sh, -c, "echo first; echo second; while true; do echo tick; sleep 0.2; done"]
              db:
                image: paddock/busybox:latest
                command: [sleep, "3600"]
                healthcheck: { command: ["true"], interval: 1s, timeout: 10s, retries: 10 }
            """;
        var (admin, projectId, environmentId, blueprintId) = await ArrangeAsync("logs", chatty);
        var launch = await LaunchAsync(admin, projectId, environmentId, blueprintId);
        await WaitForAsync(admin, projectId, launch.StackId, "Running");
        var url = StackUrl(projectId, launch.StackId);

        var containers = (await admin.GetFromJsonAsync<List<ContainerBody>>($"{url}/containers"))!;
        containers.Select(c => c.Name).ShouldBe(["db-1", "talker-1"]);
        containers.ShouldAllBe(c => c.State == "Running");
        containers.Single(c => c.Name == "db-1").Health.ShouldBeOneOf("Starting", "Healthy");
        containers.Single(c => c.Name == "talker-1").Service.ShouldBe("talker");

        var whole = await admin.GetStringAsync($"{url}/containers/talker-1/logs");
        whole.Split('\n')[..2].ShouldBe(["first", "second"]);
        (await admin.GetStringAsync($"{url}/containers/talker-1/logs?tail=1")).Trim().ShouldBe("tick");

        // Following keeps the response open: new lines keep arriving after the ones already written.
        using (var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30)))
        using (var followed = await admin.GetAsync($"{url}/containers/talker-1/logs?follow=true&tail=1", HttpCompletionOption.ResponseHeadersRead, timeout.Token))
        {
            followed.Content.Headers.ContentType!.MediaType.ShouldBe("text/plain");
            using var reader = new StreamReader(await followed.Content.ReadAsStreamAsync(timeout.Token));
            var lines = new List<string>();
            while (lines.Count < 4 && await reader.ReadLineAsync(timeout.Token) is { } line)
            {
                lines.Add(line);
            }

            lines.ShouldBe(["tick", "tick", "tick", "tick"]);
        }

        await (await admin.GetAsync($"{url}/containers/talker-1/logs?tail=0")).ShouldBeFieldErrorAsync("tail", "between 1 and 10000");
        (await admin.GetAsync($"{url}/containers/nobody-1/logs")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var outsider = await factory.CreateMemberAsync(admin, await PaddockWebFactory.CreateProjectAsync(admin, PaddockWebFactory.UniqueName("outside")), ProjectRole.Viewer);
        (await outsider.Client.GetAsync($"{url}/containers")).StatusCode.ShouldBeOneOf(HttpStatusCode.Forbidden, HttpStatusCode.NotFound);
        (await outsider.Client.GetAsync($"{url}/containers/talker-1/logs")).StatusCode.ShouldBeOneOf(HttpStatusCode.Forbidden, HttpStatusCode.NotFound);
        await DestroyAsync(admin, projectId, launch.StackId);
        (await admin.GetFromJsonAsync<List<ContainerBody>>($"{url}/containers"))!.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_container_removed_by_hand_is_reported_as_drift_and_healed_by_a_reapply()
    {
        var (admin, projectId, environmentId, blueprintId) = await ArrangeAsync("drift");
        var launch = await LaunchAsync(admin, projectId, environmentId, blueprintId);
        var stack = await WaitForAsync(admin, projectId, launch.StackId, "Running");

        await Docker.RunAsync("rm", "-f", $"paddock-{stack.Name}-api-1");
        await CheckDriftAsync();

        var drifted = (await admin.GetFromJsonAsync<StackBody>(StackUrl(projectId, launch.StackId)))!;
        drifted.Drift.ShouldNotBeNull().ShouldContain("api-1: missing");
        (await factory.OutboxTypesForAsync(projectId)).ShouldContain("stack.drift_found");

        (await admin.PostAsJsonAsync($"{StackUrl(projectId, launch.StackId)}/operations", new { kind = "Update" })).StatusCode.ShouldBe(HttpStatusCode.Accepted);
        await WaitForOperationAsync(admin, projectId, launch.StackId, "Succeeded");
        (await Docker.ContainersOfAsync(launch.StackId)).Count.ShouldBe(3);
        await CheckDriftAsync();
        (await admin.GetFromJsonAsync<StackBody>(StackUrl(projectId, launch.StackId)))!.Drift.ShouldBeNull();

        await DestroyAsync(admin, projectId, launch.StackId);
    }

    [Fact]
    public async Task An_environment_with_a_live_stack_cannot_be_deleted()
    {
        var (admin, projectId, environmentId, blueprintId) = await ArrangeAsync("inuse");
        var launch = await LaunchAsync(admin, projectId, environmentId, blueprintId);
        await WaitForAsync(admin, projectId, launch.StackId, "Running");

        var delete = await admin.DeleteAsync(new Uri($"/api/v1/projects/{projectId}/environments/{environmentId}", UriKind.Relative));

        delete.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        await DestroyAsync(admin, projectId, launch.StackId);
    }

    /// <summary>Runs the recurring drift check now, as Hangfire would.</summary>
    private async Task CheckDriftAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<Workers.Stacks.DriftCheckJob>().RunAsync(CancellationToken.None);
    }

    private async Task<(HttpClient Admin, Guid ProjectId, Guid EnvironmentId, Guid BlueprintId)> ArrangeAsync(string name, string yaml = Sample)
    {
        var admin = await factory.SignInAsAdminAsync();
        var projectId = await PaddockWebFactory.CreateProjectAsync(admin, PaddockWebFactory.UniqueName(name));
        var environmentId = await PaddockWebFactory.CreateEnvironmentAsync(admin, projectId, "test");
        var created = await admin.PostAsJsonAsync($"/api/v1/projects/{projectId}/blueprints", new { name, yaml });
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        return (admin, projectId, environmentId, (await created.Content.ReadFromJsonAsync<SavedBody>())!.BlueprintId);
    }

    private static async Task<LaunchBody> LaunchAsync(HttpClient client, Guid projectId, Guid environmentId, Guid blueprintId, string token = "t0ken")
    {
        var response = await client.PostAsJsonAsync($"/api/v1/projects/{projectId}/stacks",
            new { blueprintId, environmentId, inputs = new Dictionary<string, string> { ["token"] = token }, ttlHours = 2 });
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<LaunchBody>())!;
    }

    private static async Task DestroyAsync(HttpClient client, Guid projectId, Guid stackId)
    {
        (await client.PostAsJsonAsync($"{StackUrl(projectId, stackId)}/operations", new { kind = "Destroy" })).StatusCode.ShouldBe(HttpStatusCode.Accepted);
        await WaitForAsync(client, projectId, stackId, "Destroyed");
    }

    private static Task<StackBody> WaitForAsync(HttpClient client, Guid projectId, Guid stackId, string status) =>
        PollAsync(client, projectId, stackId, stack => stack.Status == status, stack => $"Stack stayed {stack.Status} instead of {status}");

    private static Task<StackBody> WaitForOperationAsync(HttpClient client, Guid projectId, Guid stackId, string status) =>
        PollAsync(client, projectId, stackId, stack => stack.Operations[0].Status == status, stack => $"Operation stayed {stack.Operations[0].Status} instead of {status}");

    private static async Task<StackBody> PollAsync(HttpClient client, Guid projectId, Guid stackId, Func<StackBody, bool> done, Func<StackBody, string> failure)
    {
        var watch = Stopwatch.StartNew();
        StackBody stack;
        do
        {
            stack = (await client.GetFromJsonAsync<StackBody>(StackUrl(projectId, stackId)))!;
            if (done(stack))
            {
                return stack;
            }

            await Task.Delay(200);
        }
        while (watch.Elapsed < TimeSpan.FromSeconds(90));

        throw new ShouldAssertException($"{failure(stack)}: {stack.Operations.FirstOrDefault()?.Error}");
    }

    private sealed record ContainerBody(string Name, string? Service, string State, string Health);

    private static string StackUrl(Guid projectId, Guid stackId) => $"/api/v1/projects/{projectId}/stacks/{stackId}";

    private sealed record SavedBody(Guid BlueprintId);

    private sealed record LaunchBody(Guid StackId, Guid OperationId);

    private sealed record ChangeBody(string Action, string Resource, string Reason, int Level);

    private sealed record PlanBody(List<ChangeBody> Plan, string PlanHash);

    private sealed record StepBody(string Resource, string Action, string Status, string Message);

    private sealed record OperationBody(Guid Id, string Kind, string Status, string? Error, List<StepBody> Steps);

    private sealed record StackBody(Guid Id, string Name, string Status, Dictionary<string, string> Inputs, List<OperationBody> Operations, string? Drift);

    private sealed record SummaryBody(Guid Id, string Name);

    private sealed record ProblemBody(Dictionary<string, string[]> Errors);
}
