using Microsoft.EntityFrameworkCore;
using Paddock.Core.Common;
using Paddock.Core.Identity;

namespace Paddock.Core.Audit;

public static class ListAuditEvents
{
    public const int MaxPageSize = 200;

    /// <param name="ProjectId">A project's log (audit.read there); null for the whole installation (Owner only).</param>
    /// <param name="Before">Keyset cursor: the id of the last event of the previous page.</param>
    public sealed record Query(Guid? ProjectId, string? Actor = null, string? Action = null, string? TargetType = null,
        DateTimeOffset? From = null, DateTimeOffset? To = null, Guid? Before = null, int PageSize = 50);

    public sealed record Page(IReadOnlyList<AuditEvent> Items, Guid? NextCursor);

    public sealed class Handler(HandlerContext ctx)
    {
        public async Task<Result<Page>> HandleAsync(Query query, CancellationToken ct)
        {
            var permission = query.ProjectId is null ? Permission.UsersManage : Permission.AuditRead;
            if (await ctx.Access.DemandAsync(permission, query.ProjectId, ct) is { } denied)
            {
                return denied;
            }

            if (query.PageSize is < 1 or > MaxPageSize)
            {
                return ValidationError.For("limit", $"limit must be between 1 and {MaxPageSize}.");
            }

            var events = ctx.Db.AuditEvents.AsNoTracking();
            if (query.ProjectId is { } projectId)
            {
                events = events.Where(e => e.ProjectId == projectId);
            }

            if (!string.IsNullOrWhiteSpace(query.Actor))
            {
                var pattern = $"%{query.Actor.Trim().ToUpperInvariant()}%";
                events = events.Where(e => EF.Functions.Like(e.ActorName.ToUpper(), pattern));
            }

            if (!string.IsNullOrWhiteSpace(query.Action))
            {
                var pattern = $"{query.Action.Trim()}%";
                events = events.Where(e => EF.Functions.Like(e.Action, pattern));
            }

            if (!string.IsNullOrWhiteSpace(query.TargetType))
            {
                events = events.Where(e => e.TargetType == query.TargetType);
            }

            if (query.From is { } from)
            {
                events = events.Where(e => e.At >= from);
            }

            if (query.To is { } to)
            {
                events = events.Where(e => e.At < to);
            }

            // Ids are version-7 GUIDs: ordered by creation time, so they are the keyset.
            if (query.Before is { } before)
            {
                events = events.Where(e => e.Id.CompareTo(before) < 0);
            }

            var items = await events.OrderByDescending(e => e.Id).Take(query.PageSize + 1).ToListAsync(ct);
            var hasMore = items.Count > query.PageSize;
            if (hasMore)
            {
                items.RemoveAt(items.Count - 1);
            }

            return new Page(items, hasMore ? items[^1].Id : null);
        }
    }
}
