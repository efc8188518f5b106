using Microsoft.EntityFrameworkCore;
using Paddock.Core.Common;
using Paddock.Core.Identity;

namespace Paddock.Core.Notifications;

public static class GetChannel
{
    public sealed record Query(Guid ProjectId, Guid ChannelId);

    public sealed class Handler(HandlerContext ctx)
    {
        public async Task<Result<ChannelDto>> HandleAsync(Query query, CancellationToken ct)
        {
            if (await ctx.Access.DemandAsync(Permission.NotificationsManage, query.ProjectId, ct) is { } denied)
            {
                return denied;
            }

            var channel = await ctx.Db.NotificationChannels.AsNoTracking().FirstOrDefaultAsync(c => c.Id == query.ChannelId && c.ProjectId == query.ProjectId, ct);
            if (channel is null)
            {
                return NotFoundError.For("Channel", query.ChannelId);
            }

            var eventTypes = await ctx.Db.NotificationRules.AsNoTracking().Where(r => r.ChannelId == channel.Id).Select(r => r.EventType).ToListAsync(ct);
            return ChannelDto.From(channel, eventTypes);
        }
    }
}
