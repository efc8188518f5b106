using Microsoft.EntityFrameworkCore;
using Paddock.Core.Common;
using Paddock.Core.Identity;

namespace Paddock.Core.Notifications;

/// <summary>Queues a delivery again (the redeliver button): the sender picks it up within a second, same dedupe key.</summary>
public static class Redeliver
{
    public sealed record Command(Guid ProjectId, Guid DeliveryId);

    public sealed class Handler(HandlerContext ctx)
    {
        public async Task<Result<Unit>> HandleAsync(Command command, CancellationToken ct)
        {
            if (await ctx.Access.DemandAsync(Permission.NotificationsManage, command.ProjectId, ct) is { } denied)
            {
                return denied;
            }

            var delivery = await ctx.Db.Deliveries.FirstOrDefaultAsync(d => d.Id == command.DeliveryId && d.ProjectId == command.ProjectId, ct);
            if (delivery is null)
            {
                return NotFoundError.For("Delivery", command.DeliveryId);
            }

            if (delivery.LeaseUntil is { } lease && lease > ctx.Now)
            {
                return new ConflictError("The delivery is being sent right now; wait for this attempt to finish.");
            }

            delivery.Redeliver(ctx.Now);
            await ctx.Db.SaveChangesAsync(ct);
            return Unit.Value;
        }
    }
}
