using Microsoft.EntityFrameworkCore;
using Paddock.Core.Common;
using Paddock.Core.Identity;

namespace Paddock.Core.Notifications;

public static class DeleteWebhook
{
    public sealed record Command(Guid ProjectId, Guid WebhookId);

    public sealed class Handler(HandlerContext ctx)
    {
        public async Task<Result<Unit>> HandleAsync(Command command, CancellationToken ct)
        {
            if (await ctx.Access.DemandAsync(Permission.NotificationsManage, command.ProjectId, ct) is { } denied)
            {
                return denied;
            }

            var webhook = await ctx.Db.WebhookSubscriptions.FirstOrDefaultAsync(w => w.Id == command.WebhookId && w.ProjectId == command.ProjectId, ct);
            if (webhook is null)
            {
                return NotFoundError.For("Webhook", command.WebhookId);
            }

            ctx.Db.WebhookSubscriptions.Remove(webhook);
            await ctx.Db.SaveChangesAsync(ct);
            return Unit.Value;
        }
    }
}
