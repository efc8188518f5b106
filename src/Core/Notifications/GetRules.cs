using Microsoft.EntityFrameworkCore;
using Paddock.Core.Common;
using Paddock.Core.Identity;

namespace Paddock.Core.Notifications;

public sealed record RuleDto(string EventType, Guid ChannelId);

public static class GetRules
{
    public sealed record Query(Guid ProjectId);

    public sealed class Handler(HandlerContext ctx)
    {
        public async Task<Result<IReadOnlyList<RuleDto>>> HandleAsync(Query query, CancellationToken ct)
        {
            if (await ctx.Access.DemandAsync(Permission.NotificationsManage, query.ProjectId, ct) is { } denied)
            {
                return denied;
            }

            return await ctx.Db.NotificationRules.AsNoTracking().Where(r => r.ProjectId == query.ProjectId)
                .OrderBy(r => r.EventType).ThenBy(r => r.ChannelId).Select(r => new RuleDto(r.EventType, r.ChannelId)).ToListAsync(ct);
        }
    }
}
