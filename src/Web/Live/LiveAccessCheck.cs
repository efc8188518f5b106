using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;
using Paddock.Core;
using Paddock.Core.Events;
using Paddock.Core.Identity;
using Paddock.Web.Identity;
using Paddock.Web.Identity.Tokens;

namespace Paddock.Web.Live;

/// <summary>
/// Access is checked when a connection joins a group, and again every <c>Paddock:Live:RecheckSeconds</c> (30) while it
/// stays: a connection whose token was revoked or expired, or whose user was disabled, is closed; one whose user may no
/// longer read a project leaves that project's groups and gets an <c>access.revoked</c> message naming it.
/// </summary>
internal sealed class LiveAccessCheck(LiveConnections connections, IHubContext<LiveHub> hub, IServiceScopeFactory scopes, IConfiguration configuration,
    TimeProvider time, ILogger<LiveAccessCheck> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var every = TimeSpan.FromSeconds(Math.Max(0.1, configuration.GetValue("Paddock:Live:RecheckSeconds", 30.0)));
        using var timer = new PeriodicTimer(every, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await CheckAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Live access re-check failed; trying again next round.");
            }
        }
    }

    public async Task CheckAsync(CancellationToken ct)
    {
        foreach (var connection in connections.Snapshot())
        {
            if (connection.Groups.IsEmpty || connection.Context.User is not { } user)
            {
                continue;
            }

            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<IPaddockDbContext>();
            if (!await StillSignedInAsync(db, user, ct))
            {
                connection.Context.Abort();
                continue;
            }

            scope.ServiceProvider.GetRequiredService<CurrentUser>().Set(user, null);
            var access = scope.ServiceProvider.GetRequiredService<IAccessControl>();
            foreach (var (projectId, groups) in connection.Groups)
            {
                if (await access.HasAsync(Permission.StacksRead, projectId, ct))
                {
                    continue;
                }

                foreach (var group in groups.Keys)
                {
                    await hub.Groups.RemoveFromGroupAsync(connection.Context.ConnectionId, group, ct);
                }

                connection.Groups.TryRemove(projectId, out _);
                await hub.Clients.Client(connection.Context.ConnectionId).SendAsync(LiveHub.Method,
                    new LiveMessage("access.revoked", projectId, null, null, time.GetUtcNow(), new { reason = "You may no longer watch this project." }), ct);
            }
        }
    }

    /// <summary>The token (when the connection came with one) is neither revoked nor expired, and the user is not disabled.</summary>
    private async Task<bool> StillSignedInAsync(IPaddockDbContext db, System.Security.Claims.ClaimsPrincipal user, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var tokenValid = !Guid.TryParse(user.FindFirst(ApiTokenAuthentication.TokenIdClaim)?.Value, out var tokenId)
            || await db.ApiTokens.AsNoTracking().AnyAsync(t => t.Id == tokenId && t.RevokedAt == null && t.ExpiresAt > now, ct);
        return tokenValid
            && Guid.TryParse(user.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value, out var userId)
            && await db.Users.AsNoTracking().AnyAsync(u => u.Id == userId && !u.IsDisabled, ct);
    }
}
