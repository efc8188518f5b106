using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Paddock.Core.Common;
using Paddock.Core.Identity;
using Paddock.Data;
using Paddock.Testing;

namespace Paddock.Web.Tests.Api;

/// <summary>Idempotency-Key on launches and operations, against the real database and the private engine.</summary>
[Collection(WebTestCollection.Name)]
public sealed class IdempotencyTests(PaddockWebFactory factory)
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
    public async Task Two_parallel_launches_with_one_key_create_one_stack()
    {
        var (admin, projectId, environmentId, blueprintId) = await ArrangeAsync("idem-par");
        var key = Guid.NewGuid().ToString();

        var responses = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => LaunchAsync(admin, projectId, environmentId, blueprintId, key)));

        var stacks = await StacksInAsync(projectId);
        stacks.Count.ShouldBe(1);
        var seen = string.Join(", ", responses.Select(r => $"{(int)r.StatusCode}{(r.Headers.Contains("Idempotent-Replayed") ? " replayed" : "")}"));
        responses.Count(r => r.StatusCode == HttpStatusCode.Created && !r.Headers.Contains("Idempotent-Replayed")).ShouldBe(1, seen);
        // The others were either replayed (the first had finished) or told to retry (it was still running).
        responses.ShouldAllBe(r => r.StatusCode == HttpStatusCode.Created || r.StatusCode == HttpStatusCode.Conflict);
        foreach (var conflict in responses.Where(r => r.StatusCode == HttpStatusCode.Conflict))
        {
            conflict.Headers.RetryAfter.ShouldNotBeNull();
        }

        await DestroyAsync(admin, projectId, stacks[0]);
    }

    [Fact]
    public async Task A_retried_launch_gets_the_first_answer_and_a_different_body_with_the_same_key_gets_422()
    {
        var (admin, projectId, environmentId, blueprintId) = await ArrangeAsync("idem-seq");
        var key = Guid.NewGuid().ToString();

        var first = await LaunchAsync(admin, projectId, environmentId, blueprintId, key);
        var retry = await LaunchAsync(admin, projectId, environmentId, blueprintId, key);
        var other = await LaunchAsync(admin, projectId, environmentId, blueprintId, key, name: "another-name");

        first.StatusCode.ShouldBe(HttpStatusCode.Created, await first.Content.ReadAsStringAsync());
        retry.StatusCode.ShouldBe(HttpStatusCode.Created);
        retry.Headers.GetValues("Idempotent-Replayed").ShouldBe(["true"]);
        retry.Headers.Location.ShouldBe(first.Headers.Location);
        (await retry.Content.ReadAsStringAsync()).ShouldBe(await first.Content.ReadAsStringAsync());
        other.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await other.ReadProblemAsync()).FieldErrors.ShouldContainKey("Idempotency-Key");
        var stacks = await StacksInAsync(projectId);
        stacks.Count.ShouldBe(1);
        await WaitForStatusAsync(admin, projectId, stacks[0], "Running");

        // Day-2 operations honour the key too: one destroy, however often it is sent.
        var destroyKey = Guid.NewGuid().ToString();
        var destroys = new List<HttpResponseMessage>();
        for (var i = 0; i < 2; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/projects/{projectId}/stacks/{stacks[0]}/operations") { Content = JsonContent.Create(new { kind = "Destroy" }) };
            request.Headers.Add("Idempotency-Key", destroyKey);
            destroys.Add(await admin.SendAsync(request));
        }

        destroys.ShouldAllBe(r => r.StatusCode == HttpStatusCode.Accepted);
        await WaitForDestroyedAsync(admin, projectId, stacks[0]);
        await using var scope = factory.Services.CreateAsyncScope();
        (await scope.ServiceProvider.GetRequiredService<PaddockDbContext>().Operations.CountAsync(o => o.StackId == stacks[0])).ShouldBe(2);
    }

    [Fact]
    public async Task A_malformed_key_is_refused_and_a_refused_call_leaves_no_key_behind()
    {
        var (admin, projectId, environmentId, blueprintId) = await ArrangeAsync("idem-bad");
        var viewer = await factory.CreateMemberAsync(admin, projectId, ProjectRole.Viewer);
        var key = Guid.NewGuid().ToString();

        var malformed = await LaunchAsync(admin, projectId, environmentId, blueprintId, new string('k', 201));
        var refused = await LaunchAsync(viewer.Client, projectId, environmentId, blueprintId, key);

        (await malformed.ShouldBeFieldErrorAsync("Idempotency-Key", "visible ASCII")).ShouldNotBeNull();
        refused.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        await using var scope = factory.Services.CreateAsyncScope();
        (await scope.ServiceProvider.GetRequiredService<PaddockDbContext>().Set<IdempotentRequest>().CountAsync(r => r.Key == key)).ShouldBe(0);
        (await StacksInAsync(projectId)).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_launch_refused_by_validation_is_replayed_as_the_same_refusal()
    {
        var (admin, projectId, _, blueprintId) = await ArrangeAsync("idem-400");
        var key = Guid.NewGuid().ToString();

        var first = await LaunchAsync(admin, projectId, Guid.NewGuid(), blueprintId, key);
        var again = await LaunchAsync(admin, projectId, Guid.NewGuid(), blueprintId, key);

        first.StatusCode.ShouldBeOneOf(HttpStatusCode.BadRequest, HttpStatusCode.NotFound);
        again.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity, "another environment id is another request");
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

    private static async Task<HttpResponseMessage> LaunchAsync(HttpClient client, Guid projectId, Guid environmentId, Guid blueprintId, string key, string? name = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/projects/{projectId}/stacks")
        {
            Content = JsonContent.Create(new { blueprintId, environmentId, ttlHours = 1, name }),
        };
        request.Headers.Add("Idempotency-Key", key);
        return await client.SendAsync(request);
    }

    private async Task<List<Guid>> StacksInAsync(Guid projectId)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PaddockDbContext>().Stacks.Where(s => s.ProjectId == projectId).Select(s => s.Id).ToListAsync();
    }

    private static async Task DestroyAsync(HttpClient client, Guid projectId, Guid stackId)
    {
        await WaitForStatusAsync(client, projectId, stackId, "Running");
        (await client.PostAsJsonAsync($"/api/v1/projects/{projectId}/stacks/{stackId}/operations", new { kind = "Destroy" })).StatusCode.ShouldBe(HttpStatusCode.Accepted);
        await WaitForDestroyedAsync(client, projectId, stackId);
    }

    private static async Task WaitForDestroyedAsync(HttpClient client, Guid projectId, Guid stackId)
    {
        await WaitForStatusAsync(client, projectId, stackId, "Destroyed");
        (await Paddock.Web.Tests.Stacks.Docker.ContainersOfAsync(stackId)).ShouldBeEmpty();
    }

    private static async Task WaitForStatusAsync(HttpClient client, Guid projectId, Guid stackId, string status)
    {
        var last = "";
        for (var i = 0; i < 900; i++)
        {
            last = (await client.GetFromJsonAsync<StatusBody>($"/api/v1/projects/{projectId}/stacks/{stackId}"))!.Status;
            if (last == status)
            {
                return;
            }

            await Task.Delay(200);
        }

        throw new ShouldAssertException($"Stack {stackId} stayed {last} instead of {status}.");
    }

    private sealed record SavedBody(Guid BlueprintId);

    private sealed record StatusBody(string Status);
}
