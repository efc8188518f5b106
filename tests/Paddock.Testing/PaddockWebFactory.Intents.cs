using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Paddock.Core.Identity;
using Paddock.Data;

namespace Paddock.Testing;

/// <summary>Intent methods beyond the basics: members in a role, environments, and reading what was written.</summary>
public partial class PaddockWebFactory
{
    /// <summary>An e-mail no other test uses, so tests share one database without colliding.</summary>
    public static string UniqueEmail(string who) => $"{who}-{Guid.NewGuid():N}"[..(who.Length + 9)] + "@paddock.test";

    public static string UniqueName(string what) => $"{what}-{Guid.NewGuid():N}"[..(what.Length + 9)];

    /// <summary>A new user, added to <paramref name="projectId"/> in <paramref name="role"/> by the administrator, signed in.</summary>
    public async Task<TestMember> CreateMemberAsync(HttpClient admin, Guid projectId, ProjectRole role)
    {
        var email = UniqueEmail(role.ToString().ToLowerInvariant());
        var (id, client) = await CreateUserAsync(email, admin);
        await AddMemberAsync(admin, projectId, email, role);
        return new TestMember(id, email, client);
    }

    public static async Task<Guid> CreateEnvironmentAsync(HttpClient client, Guid projectId, string name, double? defaultTtlHours = null, double? maxTtlHours = null,
        bool isProtected = false)
    {
        var response = await client.PostAsJsonAsync($"/api/v1/projects/{projectId}/environments",
            new { name, description = $"{name} for tests", isProtected, defaultTtlHours, maxTtlHours });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<IdBody>())!.Id;
    }

    /// <summary>Every audit event in the database: refused requests must leave it unchanged.</summary>
    public async Task<int> AuditEventCountAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PaddockDbContext>().AuditEvents.CountAsync();
    }

    /// <summary>The audit actions recorded for one target, oldest first.</summary>
    public async Task<List<string>> AuditActionsForAsync(Guid targetId)
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PaddockDbContext>().AuditEvents.AsNoTracking()
            .Where(e => e.TargetId == targetId).OrderBy(e => e.Id).Select(e => e.Action).ToListAsync();
    }

    /// <summary>The types of the events a project published to its outbox, oldest first.</summary>
    public async Task<List<string>> OutboxTypesForAsync(Guid projectId)
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PaddockDbContext>().OutboxMessages.AsNoTracking()
            .Where(m => m.ProjectId == projectId).OrderBy(m => m.OccurredAt).ThenBy(m => m.Id).Select(m => m.Type).ToListAsync();
    }
}

public sealed record TestMember(Guid Id, string Email, HttpClient Client);
