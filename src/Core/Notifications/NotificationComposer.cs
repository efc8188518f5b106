using Microsoft.EntityFrameworkCore;

namespace Paddock.Core.Notifications;

/// <summary>Renders an event with the project's template for its type (or the default one).</summary>
public static class NotificationComposer
{
    public static async Task<RenderedMessage> RenderAsync(IPaddockDbContext db, Guid projectId, string eventType, string payloadJson, DateTimeOffset occurredAt,
        CancellationToken ct)
    {
        var template = await db.NotificationTemplates.AsNoTracking().FirstOrDefaultAsync(t => t.ProjectId == projectId && t.EventType == eventType, ct);
        var (subject, body) = template is null ? TemplateRenderer.Default(eventType) : (template.Subject, template.Body);
        var projectName = await db.Projects.AsNoTracking().Where(p => p.Id == projectId).Select(p => p.Name).FirstOrDefaultAsync(ct) ?? "";
        return TemplateRenderer.Render(eventType, subject, body, payloadJson, projectName, occurredAt);
    }
}
