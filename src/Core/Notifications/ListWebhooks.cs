using Microsoft.EntityFrameworkCore;
using Paddock.Core.Common;
using Paddock.Core.Identity;

namespace Paddock.Core.Notifications;

public static class ListWebhooks
{
    public sealed record Query(Guid ProjectId);

    public sealed class Handler(HandlerContext ctx)
    {
        public async Task<Result<IReadOnlyList<WebhookDto>>> HandleAsync(Query query, CancellationToken ct)
        {
            if (await ctx.Access.DemandAsync(Permission.NotificationsManage, query.ProjectId, ct) is { } denied)
            {
                return denied;
            }

            var list = await ctx.Db.WebhookSubscriptions.AsNoTracking().Where(w => w.ProjectId == query.ProjectId).OrderBy(w => w.CreatedAt).ToListAsync(ct);
            return list.Select(WebhookDto.From).ToList();
        }
    }
}
