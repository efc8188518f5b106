using Microsoft.EntityFrameworkCore;
using Paddock.Core.Common;
using Paddock.Core.Identity;

namespace Paddock.Core.Notifications;

public static class ListChannels
{
    public sealed record Query(Guid ProjectId);

    public sealed class Handler(HandlerContext ctx)
    {
        public async Task<Result<IReadOnlyList<ChannelDto>>> HandleAsync(Query query, CancellationToken ct)
        {
            if (await ctx.Access.DemandAsync(Permission.NotificationsManage, query.ProjectId, ct) is { } denied)
            {
                return denied;
            }

            var channels = await ctx.Db.NotificationChannels.AsNoTracking().Where(c => c.ProjectId == query.ProjectId).OrderBy(c => c.Name).ToListAsync(ct);
            var rules = await ctx.Db.NotificationRules.AsNoTracking().Where(r => r.ProjectId == query.ProjectId).ToListAsync(ct);
            return channels.Select(c => ChannelDto.From(c, rules.Where(r => r.ChannelId == c.Id).Select(r => r.EventType))).ToList();
        }
    }
}
