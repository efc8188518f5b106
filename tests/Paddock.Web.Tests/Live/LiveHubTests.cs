using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Paddock.Core.Identity;
using Paddock.Testing;
using Paddock.Web.Live;

namespace Paddock.Web.Tests.Live;

/// <summary>The live hub as an integration uses it: a SignalR client with an API token, during real launches on the private engine.</summary>
[Collection(WebTestCollection.Name)]
public sealed class LiveHubTests(PaddockWebFactory factory)
{
    private const string Blueprint = """
        apiVersion: paddock/v1
        kind: Blueprint
        services:
          app:
            image: paddock/busybox:latest
            # PID 1 ignores SIGTERM unless it traps it: without this every stop waits for the engine's 10 s timeout.
            command: [sh, -c, "trap 'exit 0' TERM; sleep 3600 & wait"]
        """;

    [Fact]
    public async Task A_member_in_the_stack_group_hears_status_changes_and_log_lines_of_a_real_launch()
    {
        var (admin, projectId, environmentId, blueprintId) = await ArrangeAsync("live");
        var operatorMember = await factory.CreateMemberAsync(admin, projectId, ProjectRole.Operator);
        var (_, secret) = await PaddockWebFactory.CreateTokenAsync(operatorMember.Client, "read", "launch");
        await using var projectWatcher = await ConnectAsync(secret);
        await projectWatcher.Connection.InvokeAsync("JoinProject", projectId);

        var launch = await admin.PostAsJsonAsync($"/api/v1/projects/{projectId}/stacks", new { blueprintId, environmentId, ttlHours = 1 });
        launch.StatusCode.ShouldBe(HttpStatusCode.Created, await launch.Content.ReadAsStringAsync());
        var stackId = (await launch.Content.ReadFromJsonAsync<LaunchBody>())!.StackId;
        await using var stackWatcher = await ConnectAsync(secret);
        await stackWatcher.Connection.InvokeAsync("JoinStack", projectId, stackId);

        var launched = await projectWatcher.WaitForAsync(m => IsStatus(m, stackId, "Succeeded"));
        launched.GetProperty("data").GetProperty("stackStatus").GetString().ShouldBe("Running");
        launched.GetProperty("data").GetProperty("kind").GetString().ShouldBe("Launch");
        await stackWatcher.WaitForAsync(m => IsStatus(m, stackId, "Succeeded"));
        // Domain events from the outbox (the same path as approval.* and budget.*) reach the project group too.
        var domainEvent = await projectWatcher.WaitForAsync(m => m.GetProperty("kind").GetString() == "stack.launched" && m.GetProperty("stackId").GetGuid() == stackId);
        domainEvent.GetProperty("data").GetProperty("stackName").GetString().ShouldNotBeNullOrEmpty();

        // A day-2 operation while joined from the start: started, log lines in batches, finished, in that order.
        stackWatcher.Clear();
        (await admin.PostAsJsonAsync($"/api/v1/projects/{projectId}/stacks/{stackId}/operations", new { kind = "Restart" })).StatusCode.ShouldBe(HttpStatusCode.Accepted);
        await stackWatcher.WaitForAsync(m => IsStatus(m, stackId, "Succeeded") && m.GetProperty("data").GetProperty("kind").GetString() == "Restart");
        var kinds = stackWatcher.Messages.Select(m => m.GetProperty("kind").GetString()).ToList();
        kinds.ShouldContain("operation.log");
        kinds.IndexOf("operation.log").ShouldBeLessThan(kinds.LastIndexOf("operation.status"));
        var lines = stackWatcher.Messages.Where(m => m.GetProperty("kind").GetString() == "operation.log")
            .SelectMany(m => m.GetProperty("data").GetProperty("lines").EnumerateArray().Select(l => l.GetString())).ToList();
        lines.ShouldContain(l => l!.Contains("app-1", StringComparison.Ordinal));
        stackWatcher.Messages.ShouldAllBe(m => m.GetProperty("stackId").GetGuid() == stackId);

        (await admin.PostAsJsonAsync($"/api/v1/projects/{projectId}/stacks/{stackId}/operations", new { kind = "Destroy" })).StatusCode.ShouldBe(HttpStatusCode.Accepted);
        await stackWatcher.WaitForAsync(m => m.GetProperty("kind").GetString() == "operation.status"
            && m.GetProperty("data").GetProperty("stackStatus").GetString() == "Destroyed");
    }

    [Fact]
    public async Task A_non_member_is_refused_joining_and_hears_nothing()
    {
        var (admin, projectId, environmentId, blueprintId) = await ArrangeAsync("live-no");
        var (_, outsider) = await factory.CreateUserAsync(PaddockWebFactory.UniqueEmail("outsider"), admin);
        var (_, secret) = await PaddockWebFactory.CreateTokenAsync(outsider, "admin");
        var (_, adminToken) = await PaddockWebFactory.CreateTokenAsync(admin, "read");
        await using var watcher = await ConnectAsync(secret);
        await using var member = await ConnectAsync(adminToken);
        await member.Connection.InvokeAsync("JoinProject", projectId);

        var project = await Should.ThrowAsync<HubException>(() => watcher.Connection.InvokeAsync("JoinProject", projectId));
        project.Message.ShouldContain("not found or you may not watch it");
        await Should.ThrowAsync<HubException>(() => watcher.Connection.InvokeAsync("JoinStack", projectId, Guid.NewGuid()));

        var launch = await admin.PostAsJsonAsync($"/api/v1/projects/{projectId}/stacks", new { blueprintId, environmentId, ttlHours = 1 });
        var stackId = (await launch.Content.ReadFromJsonAsync<LaunchBody>())!.StackId;
        await member.WaitForAsync(m => IsStatus(m, stackId, "Succeeded"));
        watcher.Messages.ShouldBeEmpty();

        (await admin.PostAsJsonAsync($"/api/v1/projects/{projectId}/stacks/{stackId}/operations", new { kind = "Destroy" })).StatusCode.ShouldBe(HttpStatusCode.Accepted);
        await member.WaitForAsync(m => m.GetProperty("kind").GetString() == "operation.status" && m.GetProperty("data").GetProperty("stackStatus").GetString() == "Destroyed");
    }

    [Fact]
    public async Task The_hub_accepts_a_token_in_the_query_string_and_refuses_anonymous_and_bad_tokens()
    {
        var admin = await factory.SignInAsAdminAsync();
        var (_, secret) = await PaddockWebFactory.CreateTokenAsync(admin, "read");
        var anonymous = factory.NewClient();

        (await anonymous.PostAsync($"/hubs/live/negotiate?negotiateVersion=1&access_token={secret}", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await anonymous.PostAsync("/hubs/live/negotiate?negotiateVersion=1&access_token=pdk_unknown0000000000000000000000", null)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await anonymous.PostAsync("/hubs/live/negotiate?negotiateVersion=1", null)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        // Outside the hub a query-string token is ignored: URLs end up in logs.
        (await anonymous.GetAsync($"/api/v1/projects?access_token={secret}")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Events_posted_by_another_node_reach_the_hub_once()
    {
        var (admin, projectId, _, _) = await ArrangeAsync("live-node");
        var (_, secret) = await PaddockWebFactory.CreateTokenAsync(admin, "read");
        await using var watcher = await ConnectAsync(secret);
        await watcher.Connection.InvokeAsync("JoinProject", projectId);
        // A worker host, or a second web node: its own channel on the same database, as Paddock.Workers registers it.
        await using var otherNode = new Paddock.Data.Events.LiveChannel(factory.ConnectionString, Microsoft.Extensions.Logging.Abstractions.NullLogger<Paddock.Data.Events.LiveChannel>.Instance);

        otherNode.Post(new Paddock.Data.Events.LiveEnvelope(projectId, null, null, "approval.requested", null,
            JsonSerializer.SerializeToElement(new { approvalId = Guid.Empty, reason = "launch to production" })));

        var message = await watcher.WaitForAsync(m => m.GetProperty("kind").GetString() == "approval.requested");
        message.GetProperty("data").GetProperty("reason").GetString().ShouldBe("launch to production");
        await Task.Delay(500);
        watcher.Messages.Count(m => m.GetProperty("kind").GetString() == "approval.requested").ShouldBe(1);
    }

    [Fact]
    public async Task A_removed_member_leaves_the_project_groups_and_a_revoked_token_is_disconnected()
    {
        var (admin, projectId, _, _) = await ArrangeAsync("live-revoke");
        var removed = await factory.CreateMemberAsync(admin, projectId, ProjectRole.Operator);
        var revoked = await factory.CreateMemberAsync(admin, projectId, ProjectRole.Viewer);
        var (_, removedSecret) = await PaddockWebFactory.CreateTokenAsync(removed.Client, "read");
        var (revokedId, revokedSecret) = await PaddockWebFactory.CreateTokenAsync(revoked.Client, "read");
        var (_, adminSecret) = await PaddockWebFactory.CreateTokenAsync(admin, "read");
        await using var exMember = await ConnectAsync(removedSecret);
        await using var exToken = await ConnectAsync(revokedSecret);
        await using var stays = await ConnectAsync(adminSecret);
        var closed = new TaskCompletionSource();
        exToken.Connection.Closed += _ =>
        {
            closed.TrySetResult();
            return Task.CompletedTask;
        };
        foreach (var watcher in new[] { exMember, exToken, stays })
        {
            await watcher.Connection.InvokeAsync("JoinProject", projectId);
        }

        (await admin.DeleteAsync($"/api/v1/projects/{projectId}/members/{removed.Id}")).EnsureSuccessStatusCode();
        (await revoked.Client.DeleteAsync($"/api/v1/me/tokens/{revokedId}")).EnsureSuccessStatusCode();
        // The periodic re-check (Paddock:Live:RecheckSeconds), run now rather than waited for.
        await factory.Services.GetServices<Microsoft.Extensions.Hosting.IHostedService>().OfType<LiveAccessCheck>().Single().CheckAsync(CancellationToken.None);

        var notice = await exMember.WaitForAsync(m => m.GetProperty("kind").GetString() == "access.revoked");
        notice.GetProperty("projectId").GetGuid().ShouldBe(projectId);
        await closed.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await using var otherNode = new Paddock.Data.Events.LiveChannel(factory.ConnectionString, Microsoft.Extensions.Logging.Abstractions.NullLogger<Paddock.Data.Events.LiveChannel>.Instance);
        otherNode.Post(new Paddock.Data.Events.LiveEnvelope(projectId, null, null, "approval.requested", null, JsonSerializer.SerializeToElement(new { reason = "after" })));
        await stays.WaitForAsync(m => m.GetProperty("kind").GetString() == "approval.requested");
        await Task.Delay(500);
        exMember.Messages.ShouldNotContain(m => m.GetProperty("kind").GetString() == "approval.requested");
    }

    private static bool IsStatus(JsonElement message, Guid stackId, string status) =>
        message.GetProperty("kind").GetString() == "operation.status"
        && message.GetProperty("stackId").GetGuid() == stackId
        && message.GetProperty("data").GetProperty("status").GetString() == status;

    private async Task<Watcher> ConnectAsync(string secret)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(factory.Server.BaseAddress, "hubs/live"), options =>
            {
                options.Transports = HttpTransportType.LongPolling;
                options.HttpMessageHandlerFactory = _ => factory.Server.CreateHandler();
                options.AccessTokenProvider = () => Task.FromResult<string?>(secret);
            })
            .Build();
        var watcher = new Watcher(connection);
        connection.On<JsonElement>("live", watcher.Messages.Enqueue);
        await connection.StartAsync();
        return watcher;
    }

    private async Task<(HttpClient Admin, Guid ProjectId, Guid EnvironmentId, Guid BlueprintId)> ArrangeAsync(string name)
    {
        var admin = await factory.SignInAsAdminAsync();
        var projectId = await PaddockWebFactory.CreateProjectAsync(admin, PaddockWebFactory.UniqueName(name));
        var environmentId = await PaddockWebFactory.CreateEnvironmentAsync(admin, projectId, "test");
        var created = await admin.PostAsJsonAsync($"/api/v1/projects/{projectId}/blueprints", new { name = "app", yaml = Blueprint });
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        return (admin, projectId, environmentId, (await created.Content.ReadFromJsonAsync<SavedBody>())!.BlueprintId);
    }

    private sealed class Watcher(HubConnection connection) : IAsyncDisposable
    {
        public HubConnection Connection { get; } = connection;

        public ConcurrentQueue<JsonElement> Messages { get; private set; } = new();

        public void Clear() => Messages.Clear();

        public async Task<JsonElement> WaitForAsync(Func<JsonElement, bool> match)
        {
            var watch = Stopwatch.StartNew();
            while (watch.Elapsed < TimeSpan.FromSeconds(120))
            {
                foreach (var message in Messages)
                {
                    if (match(message))
                    {
                        return message;
                    }
                }

                await Task.Delay(50);
            }

            throw new ShouldAssertException($"No matching live message arrived; got: {string.Join(" | ", Messages.Select(m => m.ToString()))}");
        }

        public ValueTask DisposeAsync() => Connection.DisposeAsync();
    }

    private sealed record SavedBody(Guid BlueprintId);

    private sealed record LaunchBody(Guid StackId);
}
