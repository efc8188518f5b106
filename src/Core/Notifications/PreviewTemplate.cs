using Microsoft.EntityFrameworkCore;
using Paddock.Core.Common;
using Paddock.Core.Identity;

namespace Paddock.Core.Notifications;

/// <summary>Renders a template (saved or not) with the sample event of its type, as e-mail, Slack and SMS would show it.</summary>
public static class PreviewTemplate
{
    public sealed record Command(Guid ProjectId, string? EventType, string? Subject, string? Body);

    public sealed class Handler(HandlerContext ctx)
    {
        public async Task<Result<RenderedMessage>> HandleAsync(Command command, CancellationToken ct)
        {
            if (await ctx.Access.DemandAsync(Permission.NotificationsManage, command.ProjectId, ct) is { } denied)
            {
                return denied;
            }

            var eventType = command.EventType ?? "";
            if (SaveTemplate.Validate(eventType, command.Subject, command.Body).ToError() is { } invalid)
            {
                return invalid;
            }

            var projectName = await ctx.Db.Projects.AsNoTracking().Where(p => p.Id == command.ProjectId).Select(p => p.Name).FirstOrDefaultAsync(ct) ?? "";
            return TemplateRenderer.Render(eventType, command.Subject!, command.Body!, SampleEvents.PayloadFor(eventType), projectName, ctx.Now);
        }
    }
}
