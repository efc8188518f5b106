using Paddock.Core.Identity;
using Paddock.Web.Common;

namespace Paddock.Web.Identity;

/// <summary>
/// Declares on an endpoint the permission it needs, checked through the one access-control service before the
/// handler runs (the handler checks again: defence in depth, and the UI path goes through handlers only).
/// </summary>
internal static class PermissionEndpointFilter
{
    public static TBuilder RequirePermission<TBuilder>(this TBuilder builder, Permission permission)
        where TBuilder : IEndpointConventionBuilder
    {
        builder.RequireAuthorization();
        builder.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            Guid? projectId = http.Request.RouteValues.TryGetValue("projectId", out var raw) && Guid.TryParse(raw?.ToString(), out var id) ? id : null;
            var access = http.RequestServices.GetRequiredService<IAccessControl>();
            if (await access.DemandAsync(permission, projectId, http.RequestAborted) is { } denied)
            {
                return denied.ToProblem();
            }

            return await next(context);
        });
        builder.WithMetadata(new RequiredPermissionMetadata(permission));
        return builder;
    }
}

/// <summary>Lets the authorization-matrix tests enumerate which permission every endpoint requires.</summary>
internal sealed record RequiredPermissionMetadata(Permission Permission);
