using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Paddock.Data;
using Paddock.Testing;

namespace Paddock.Web.Tests.Governance;

/// <summary>Arrangements and API calls the governance tests share: a project with environments, a one-service blueprint, launches and decisions.</summary>
internal sealed class Governance(PaddockWebFactory factory)
{
    /// <summary>One small container with limits, so its cost is the rate card's price of 1 vCPU and 1 GiB.</summary>
    public const string Blueprint = """
        apiVersion: paddock/v1
        kind: Blueprint
        services:
          app:
            image: paddock/busybox:latest
            command: [sleep, "3600"]
            cpu: 1
            memory: 1Gi
        """;

    public async Task<Arranged> ArrangeAsync(string name)
    {
        var admin = await factory.SignInAsAdminAsync();
        var projectId = await PaddockWebFactory.CreateProjectAsync(admin, PaddockWebFactory.UniqueName(name));
        var test = await PaddockWebFactory.CreateEnvironmentAsync(admin, projectId, "test");
        var production = await PaddockWebFactory.CreateEnvironmentAsync(admin, projectId, "production", isProtected: true);
        var created = await admin.PostAsJsonAsync($"/api/v1/projects/{projectId}/blueprints", new { name, yaml = Blueprint });
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var blueprintId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("blueprintId").GetGuid();
        return new Arranged(admin, projectId, test, production, blueprintId);
    }

    public static async Task<Guid> AddPolicyAsync(HttpClient admin, Guid projectId, object policy)
    {
        var response = await admin.PostAsJsonAsync($"/api/v1/projects/{projectId}/approval-policies", policy);
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    public static Task<HttpResponseMessage> LaunchAsync(HttpClient client, Arranged a, Guid environmentId, double ttlHours = 10, string? reason = null) =>
        client.PostAsJsonAsync($"/api/v1/projects/{a.ProjectId}/stacks", new { blueprintId = a.BlueprintId, environmentId, ttlHours, reason });

    public static async Task<JsonElement> LaunchedAsync(HttpClient client, Arranged a, Guid environmentId, double ttlHours = 10, string? reason = null)
    {
        var response = await LaunchAsync(client, a, environmentId, ttlHours, reason);
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public static async Task<List<JsonElement>> PendingAsync(HttpClient client, Guid projectId) =>
        await client.GetAllItemsAsync<JsonElement>($"/api/v1/projects/{projectId}/approvals");

    public static async Task<JsonElement> RequestAsync(HttpClient client, Guid projectId, Guid requestId) =>
        await client.GetFromJsonAsync<JsonElement>($"/api/v1/projects/{projectId}/approvals/{requestId}");

    public static Task<HttpResponseMessage> DecideAsync(HttpClient client, Guid projectId, Guid requestId, bool approve, string? planHash, string? reason = null) =>
        client.PostAsJsonAsync($"/api/v1/projects/{projectId}/approvals/{requestId}/{(approve ? "approve" : "reject")}", new { planHash, reason });

    public static async Task<JsonElement> StackAsync(HttpClient client, Guid projectId, Guid stackId) =>
        await client.GetFromJsonAsync<JsonElement>($"/api/v1/projects/{projectId}/stacks/{stackId}");

    /// <summary>Waits until the stack reads <paramref name="status"/> and, when given, its newest operation reads <paramref name="operationStatus"/>.</summary>
    public static async Task<JsonElement> WaitForStackAsync(HttpClient client, Guid projectId, Guid stackId, string status, string? operationStatus = null)
    {
        var watch = Stopwatch.StartNew();
        JsonElement stack;
        do
        {
            stack = await StackAsync(client, projectId, stackId);
            if (stack.GetProperty("status").GetString() == status
                && (operationStatus is null || stack.GetProperty("operations")[0].GetProperty("status").GetString() == operationStatus))
            {
                return stack;
            }

            await Task.Delay(200);
        }
        while (watch.Elapsed < TimeSpan.FromSeconds(90));

        throw new ShouldAssertException($"Stack stayed {stack.GetProperty("status").GetString()} (operation {stack.GetProperty("operations")[0].GetProperty("status").GetString()}) instead of {status} {operationStatus}");
    }

    public static async Task DestroyAsync(HttpClient client, Guid projectId, Guid stackId)
    {
        (await client.PostAsJsonAsync($"/api/v1/projects/{projectId}/stacks/{stackId}/operations", new { kind = "Destroy" })).StatusCode.ShouldBe(HttpStatusCode.Accepted);
        await WaitForStackAsync(client, projectId, stackId, "Destroyed");
    }

    /// <summary>The payloads of a project's outbox events of one type, oldest first.</summary>
    public async Task<List<JsonElement>> EventsAsync(Guid projectId, string type)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var payloads = await scope.ServiceProvider.GetRequiredService<PaddockDbContext>().OutboxMessages.AsNoTracking()
            .Where(m => m.ProjectId == projectId && m.Type == type).OrderBy(m => m.OccurredAt).ThenBy(m => m.Id).Select(m => m.Payload).ToListAsync();
        return [.. payloads.Select(p => JsonDocument.Parse(p).RootElement.Clone())];
    }

    /// <summary>Moves time past a request's deadline, as waiting would.</summary>
    public async Task ExpireDeadlineAsync(Guid requestId)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<PaddockDbContext>().Database
            // Moves the whole wait into the past, so the request looks as if it waited its full timeout (an escalation
            // grants as long again, measured from creation to deadline).
            .ExecuteSqlAsync($"UPDATE approval_requests SET created_at = created_at - (deadline - now() + interval '1 minute'), deadline = now() - interval '1 minute' WHERE id = {requestId}");
    }

    public async Task RunTimeoutsAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<Workers.Governance.ApprovalTimeoutJob>().RunAsync(CancellationToken.None);
    }
}

internal sealed record Arranged(HttpClient Admin, Guid ProjectId, Guid Test, Guid Production, Guid BlueprintId);
