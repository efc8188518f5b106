using Microsoft.EntityFrameworkCore;
using Paddock.Core.Common;
using Paddock.Core.Identity;

namespace Paddock.Core.Notifications;

public static class GetDelivery
{
    public sealed record Query(Guid ProjectId, Guid DeliveryId);

    public sealed class Handler(HandlerContext ctx)
    {
        public async Task<Result<DeliveryDetails>> HandleAsync(Query query, CancellationToken ct)
        {
            if (await ctx.Access.DemandAsync(Permission.NotificationsManage, query.ProjectId, ct) is { } denied)
            {
                return denied;
            }

            var delivery = await ctx.Db.Deliveries.AsNoTracking().FirstOrDefaultAsync(d => d.Id == query.DeliveryId && d.ProjectId == query.ProjectId, ct);
            if (delivery is null)
            {
                return NotFoundError.For("Delivery", query.DeliveryId);
            }

            var attempts = await ctx.Db.DeliveryAttempts.AsNoTracking().Where(a => a.DeliveryId == delivery.Id).OrderBy(a => a.Number)
                .Select(a => new DeliveryAttemptDto(a.Number, a.AttemptedAt, a.Succeeded, a.StatusCode, a.DurationMs, a.Error)).ToListAsync(ct);
            var names = await ListDeliveries.TargetNamesAsync(ctx.Db, query.ProjectId, ct);
            return new DeliveryDetails(ListDeliveries.ToDto(delivery, names), attempts);
        }
    }
}
