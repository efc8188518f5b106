using Microsoft.EntityFrameworkCore;
using Paddock.Core.Common;
using Paddock.Core.Identity;

namespace Paddock.Core.Notifications;

/// <summary>The delivery log, newest first, keyset-paged, optionally for one channel or webhook.</summary>
public static class ListDeliveries
{
    public const int MaxPageSize = 200;

    /// <param name="Before">Keyset cursor: the id of the last delivery of the previous page.</param>
    public sealed record Query(Guid ProjectId, Guid? TargetId = null, DeliveryStatus? Status = null, Guid? Before = null, int Limit = 50, DeliveryTargetKind? TargetKind = null);

    public sealed record Page(IReadOnlyList<DeliveryDto> Items, Guid? NextCursor);

    public sealed class Handler(HandlerContext ctx)
    {
        public async Task<Result<Page>> HandleAsync(Query query, CancellationToken ct)
        {
            if (await ctx.Access.DemandAsync(Permission.NotificationsManage, query.ProjectId, ct) is { } denied)
            {
                return denied;
            }

            if (query.Limit is < 1 or > MaxPageSize)
            {
                return ValidationError.For("limit", $"Limit must be between 1 and {MaxPageSize}.");
            }

            var deliveries = ctx.Db.Deliveries.AsNoTracking().Where(d => d.ProjectId == query.ProjectId);
            if (query.TargetId is { } target)
            {
                deliveries = deliveries.Where(d => d.TargetId == target);
            }

            if (query.TargetKind is { } kind)
            {
                deliveries = deliveries.Where(d => d.TargetKind == kind);
            }

            if (query.Status is { } status)
            {
                deliveries = deliveries.Where(d => d.Status == status);
            }

            if (query.Before is { } before)
            {
                // Version 7 ids grow with time, so ordering by id is ordering by creation.
                deliveries = deliveries.Where(d => d.Id.CompareTo(before) < 0);
            }

            var page = await deliveries.OrderByDescending(d => d.Id).Take(query.Limit + 1).ToListAsync(ct);
            var names = await TargetNamesAsync(ctx.Db, query.ProjectId, ct);
            var items = page.Take(query.Limit).Select(d => ToDto(d, names)).ToList();
            return new Page(items, page.Count > query.Limit ? items[^1].Id : null);
        }
    }

    internal static async Task<Dictionary<Guid, string>> TargetNamesAsync(IPaddockDbContext db, Guid projectId, CancellationToken ct)
    {
        var names = await db.NotificationChannels.AsNoTracking().Where(c => c.ProjectId == projectId).Select(c => new { c.Id, c.Name }).ToListAsync(ct);
        var hooks = await db.WebhookSubscriptions.AsNoTracking().Where(w => w.ProjectId == projectId).Select(w => new { w.Id, Name = w.Url }).ToListAsync(ct);
        return names.Concat(hooks).ToDictionary(n => n.Id, n => n.Name);
    }

    internal static DeliveryDto ToDto(Delivery d, IReadOnlyDictionary<Guid, string> names) =>
        new(d.Id, d.MessageId, d.EventType, d.TargetKind, d.TargetId, names.GetValueOrDefault(d.TargetId, "(deleted)"), d.Status, d.Attempts, d.LastStatusCode,
            d.LastError, d.LastDurationMs, d.CreatedAt, d.NextAttemptAt, d.DeliveredAt);
}
