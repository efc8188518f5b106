using Microsoft.EntityFrameworkCore;
using Paddock.Core.Common;
using Paddock.Core.Identity;

namespace Paddock.Core.Notifications;

public static class DeleteChannel
{
    public sealed record Command(Guid ProjectId, Guid ChannelId);

    public sealed class Handler(HandlerContext ctx)
    {
        public async Task<Result<Unit>> HandleAsync(Command command, CancellationToken ct)
        {
            if (await ctx.Access.DemandAsync(Permission.NotificationsManage, command.ProjectId, ct) is { } denied)
            {
                return denied;
            }

            var channel = await ctx.Db.NotificationChannels.FirstOrDefaultAsync(c => c.Id == command.ChannelId && c.ProjectId == command.ProjectId, ct);
            if (channel is null)
            {
                return NotFoundError.For("Channel", command.ChannelId);
            }

            // Rules go with their channel (audited one by one); its delivery log stays, for the record.
            ctx.Db.NotificationRules.RemoveRange(await ctx.Db.NotificationRules.Where(r => r.ChannelId == channel.Id).ToListAsync(ct));
            ctx.Db.NotificationChannels.Remove(channel);
            await ctx.Db.SaveChangesAsync(ct);
            return Unit.Value;
        }
    }
}
