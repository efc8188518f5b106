using Paddock.Core.Audit;
using Paddock.Core.Identity;
using Paddock.Web.Common;
using Paddock.Web.Identity;

namespace Paddock.Web.Audit;

internal static class AuditEndpoints
{
    public static IEndpointRouteBuilder MapAuditEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/projects/{projectId:guid}/audit-events", ListForProjectAsync).WithTags("Audit").RequirePermission(Permission.AuditRead);
        app.MapGet("/api/v1/audit-events", ListAllAsync).WithTags("Audit").RequirePermission(Permission.UsersManage);
        return app;
    }

    private static async Task<IResult> ListForProjectAsync(Guid projectId, string? actor, string? action, string? targetType, DateTimeOffset? from,
        DateTimeOffset? to, Guid? cursor, int? limit, ListAuditEvents.Handler handler, CancellationToken ct) =>
        (await handler.HandleAsync(new(projectId, actor, action, targetType, from, to, cursor, limit ?? 50), ct)).ToHttpResult();

    private static async Task<IResult> ListAllAsync(string? actor, string? action, string? targetType, DateTimeOffset? from,
        DateTimeOffset? to, Guid? cursor, int? limit, ListAuditEvents.Handler handler, CancellationToken ct) =>
        (await handler.HandleAsync(new(null, actor, action, targetType, from, to, cursor, limit ?? 50), ct)).ToHttpResult();
}
