using Microsoft.EntityFrameworkCore;
using Paddock.Core.Common;
using Paddock.Core.Events;
using Paddock.Core.Identity;

namespace Paddock.Core.Notifications;

/// <summary>The template of every event type: the project's own where it has one, else the default.</summary>
public static class ListTemplates
{
    public sealed record Query(Guid ProjectId);

    public sealed class Handler(HandlerContext ctx)
    {
        public async Task<Result<IReadOnlyList<TemplateDto>>> HandleAsync(Query query, CancellationToken ct)
        {
            if (await ctx.Access.DemandAsync(Permission.NotificationsManage, query.ProjectId, ct) is { } denied)
            {
                return denied;
            }

            var custom = await ctx.Db.NotificationTemplates.AsNoTracking().Where(t => t.ProjectId == query.ProjectId).ToListAsync(ct);
            return EventTypes.All.Select(type => custom.FirstOrDefault(t => t.EventType == type) is { } mine
                    ? new TemplateDto(type, mine.Subject, mine.Body, true)
                    : Default(type))
                .ToList();
        }

        private static TemplateDto Default(string type)
        {
            var (subject, body) = TemplateRenderer.Default(type);
            return new TemplateDto(type, subject, body, false);
        }
    }
}
