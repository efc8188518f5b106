using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;

namespace Paddock.Web.Live;

/// <summary>
/// The hub connections of this node and the groups each joined, per project: what <see cref="LiveAccessCheck"/> needs to
/// take a connection out of a project it may no longer read (removed member, changed role, revoked token).
/// </summary>
internal sealed class LiveConnections
{
    private readonly ConcurrentDictionary<string, Connection> _connections = new(StringComparer.Ordinal);

    public void Joined(HubCallerContext context, Guid projectId, string group) =>
        _connections.GetOrAdd(context.ConnectionId, _ => new Connection(context)).Groups.GetOrAdd(projectId, _ => new(StringComparer.Ordinal)).TryAdd(group, 0);

    public void Left(string connectionId, string group)
    {
        if (_connections.TryGetValue(connectionId, out var connection))
        {
            foreach (var groups in connection.Groups.Values)
            {
                groups.TryRemove(group, out _);
            }
        }
    }

    public void Disconnected(string connectionId) => _connections.TryRemove(connectionId, out _);

    public IReadOnlyList<Connection> Snapshot() => [.. _connections.Values];

    internal sealed class Connection(HubCallerContext context)
    {
        public HubCallerContext Context { get; } = context;

        /// <summary>Project id to the groups (the project's and its stacks') joined through it.</summary>
        public ConcurrentDictionary<Guid, ConcurrentDictionary<string, byte>> Groups { get; } = new();
    }
}
