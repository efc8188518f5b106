using Microsoft.EntityFrameworkCore;
using Paddock.Core.Common;
using Paddock.Core.Events;
using Paddock.Core.Identity;

namespace Paddock.Core.Notifications;

/// <summary>Drops the project's own template for an event type: the default applies again.</summary>
public static class ResetTemplate
{
    public sealed record Command(Guid ProjectId, string EventType);

    public sealed class Handler(HandlerContext ctx)
    {
        public async Task<Result<TemplateDto>> HandleAsync(Command command, CancellationToken ct)
        {
            if (await ctx.Access.DemandAsync(Permission.NotificationsManage, command.ProjectId, ct) is { } denied)
            {
                return denied;
            }

            if (!EventTypes.All.Contains(command.EventType))
            {
                return ValidationError.For("eventType", $"'{command.EventType}' is not an event type.");
            }

            var template = await ctx.Db.NotificationTemplates.FirstOrDefaultAsync(t => t.ProjectId == command.ProjectId && t.EventType == command.EventType, ct);
            if (template is not null)
            {
                ctx.Db.NotificationTemplates.Remove(template);
                await ctx.Db.SaveChangesAsync(ct);
            }

            var (subject, body) = TemplateRenderer.Default(command.EventType);
            return new TemplateDto(command.EventType, subject, body, false);
        }
    }
}
