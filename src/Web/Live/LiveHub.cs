using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;
using Paddock.Core;
using Paddock.Core.Identity;
using Paddock.Web.Identity;

namespace Paddock.Web.Live;

/// <summary>
/// Live updates for browsers and integrations at <c>/hubs/live</c> (cookie, or a bearer token in the header or the
/// <c>access_token</c> query value). A connection joins a project's or a stack's group only when
/// <see cref="IAccessControl"/> lets its user read the project's stacks, and <see cref="LiveAccessCheck"/> checks again
/// while it stays; messages arrive as method <c>live</c>.
/// </summary>
[Authorize]
internal sealed class LiveHub(CurrentUser currentUser, IAccessControl access, IPaddockDbContext db, LiveConnections connections) : Hub
{
    public const string Path = "/hubs/live";

    public const string Method = "live";

    public async Task JoinProject(Guid projectId)
    {
        await DemandAsync(projectId);
        await Groups.AddToGroupAsync(Context.ConnectionId, LiveGroups.Project(projectId), Context.ConnectionAborted);
        connections.Joined(Context, projectId, LiveGroups.Project(projectId));
    }

    public async Task JoinStack(Guid projectId, Guid stackId)
    {
        await DemandAsync(projectId);
        if (!await db.Stacks.AsNoTracking().AnyAsync(s => s.Id == stackId && s.ProjectId == projectId, Context.ConnectionAborted))
        {
            throw new HubException($"Stack '{stackId}' was not found in project '{projectId}'.");
        }

        await Groups.AddToGroupAsync(Context.ConnectionId, LiveGroups.Stack(stackId), Context.ConnectionAborted);
        connections.Joined(Context, projectId, LiveGroups.Stack(stackId));
    }

    public Task LeaveProject(Guid projectId) => LeaveAsync(LiveGroups.Project(projectId));

    public Task LeaveStack(Guid stackId) => LeaveAsync(LiveGroups.Stack(stackId));

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        connections.Disconnected(Context.ConnectionId);
        return base.OnDisconnectedAsync(exception);
    }

    private Task LeaveAsync(string group)
    {
        connections.Left(Context.ConnectionId, group);
        return Groups.RemoveFromGroupAsync(Context.ConnectionId, group);
    }

    private async Task DemandAsync(Guid projectId)
    {
        // A hub invocation has its own scope: the acting user is the connection's, cookie or token (with its scopes).
        currentUser.Set(Context.User!, Context.GetHttpContext()?.Connection.RemoteIpAddress?.ToString());
        if (!await access.HasAsync(Permission.StacksRead, projectId, Context.ConnectionAborted))
        {
            // The same answer for "does not exist" and "not yours": ids do not leak what exists.
            throw new HubException($"Project '{projectId}' was not found or you may not watch it.");
        }
    }
}

internal static class LiveGroups
{
    public static string Project(Guid projectId) => $"project:{projectId}";

    public static string Stack(Guid stackId) => $"stack:{stackId}";

    /// <summary>
    /// Circuits of this node that count pending approvals (the navigation badge) hear every approval.* event here and
    /// recount through their own user's permissions; no hub connection can join it.
    /// </summary>
    public const string ApprovalEvents = "local:approvals";
}
