using Microsoft.EntityFrameworkCore;
using Paddock.Core.Common;
using Paddock.Core.Events;
using Paddock.Core.Identity;

namespace Paddock.Core.Notifications;

public static class SaveTemplate
{
    public sealed record Command(Guid ProjectId, string EventType, string? Subject, string? Body);

    public sealed class Handler(HandlerContext ctx)
    {
        public async Task<Result<TemplateDto>> HandleAsync(Command command, CancellationToken ct)
        {
            if (await ctx.Access.DemandAsync(Permission.NotificationsManage, command.ProjectId, ct) is { } denied)
            {
                return denied;
            }

            if (Validate(command.EventType, command.Subject, command.Body).ToError() is { } invalid)
            {
                return invalid;
            }

            var template = await ctx.Db.NotificationTemplates.FirstOrDefaultAsync(t => t.ProjectId == command.ProjectId && t.EventType == command.EventType, ct);
            if (template is null)
            {
                template = NotificationTemplate.Create(command.ProjectId, command.EventType);
                ctx.Db.NotificationTemplates.Add(template);
            }

            template.Edit(command.Subject!, command.Body!, ctx.Now);
            await ctx.Db.SaveChangesAsync(ct);
            return new TemplateDto(template.EventType, template.Subject, template.Body, true);
        }
    }

    public static Validator Validate(string eventType, string? subject, string? body)
    {
        var v = new Validator()
            .When(!EventTypes.All.Contains(eventType), "eventType", $"'{eventType}' is not an event type.")
            .Required("subject", subject, "Subject")
            .MaxLength("subject", subject, 200, "Subject")
            .Required("body", body, "Body")
            .MaxLength("body", body, 4000, "Body");
        // Only stack events have a payload fixed here (StackEventData); approval and budget payloads belong to governance
        // and may carry fields the samples do not know, so their placeholders are not second-guessed.
        if (EventTypes.All.Contains(eventType) && eventType.StartsWith("stack.", StringComparison.Ordinal))
        {
            foreach (var (field, text) in new[] { ("subject", subject), ("body", body) })
            {
                var unknown = TemplateRenderer.UnknownPlaceholders(eventType, text ?? "");
                v.When(unknown.Count > 0, field, $"Unknown placeholder {string.Join(", ", unknown.Select(u => "{{" + u + "}}"))} for {eventType}.");
            }
        }

        return v;
    }
}
