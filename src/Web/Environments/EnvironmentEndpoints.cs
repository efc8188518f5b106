using Paddock.Core.Common;
using Paddock.Core.Environments;
using Paddock.Core.Identity;
using Paddock.Web.Api;
using Paddock.Web.Common;
using Paddock.Web.Identity;

namespace Paddock.Web.Environments;

internal static class EnvironmentEndpoints
{
    public static RouteGroupBuilder MapEnvironmentEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/projects/{projectId:guid}/environments").WithTags("Environments");
        group.MapGet("/", ListAsync).RequirePermission(Permission.ProjectRead);
        group.MapPost("/", CreateAsync).RequirePermission(Permission.EnvironmentsManage);
        group.MapPut("/{environmentId:guid}", UpdateAsync).RequirePermission(Permission.EnvironmentsManage);
        group.MapDelete("/{environmentId:guid}", DeleteAsync).RequirePermission(Permission.EnvironmentsManage);
        return group;
    }

    private static async Task<IResult> ListAsync(Guid projectId, bool? isProtected, [AsParameters] ListQuery page, ListEnvironments.Handler handler, CancellationToken ct) =>
        (await handler.HandleAsync(new(projectId), ct))
            .Map(environments => (IReadOnlyList<EnvironmentDto>)[.. environments.Where(e => isProtected is null || e.IsProtected == isProtected)])
            .ToPage(page, e => e.Id.ToString(), "name", new Dictionary<string, Func<EnvironmentDto, string>>
            {
                ["name"] = e => e.Name,
                ["createdAt"] = e => Paging.Date(e.CreatedAt),
            });

    private static async Task<IResult> CreateAsync(Guid projectId, EnvironmentRequest request, CreateEnvironment.Handler handler, CancellationToken ct)
    {
        if (request.ToSettings() is not { IsSuccess: true } settings)
        {
            return request.ToSettings().Error!.ToProblem();
        }

        return (await handler.HandleAsync(new(projectId, settings.Value), ct))
            .ToCreatedResult(e => $"/api/v1/projects/{projectId}/environments/{e.Id}");
    }

    private static async Task<IResult> UpdateAsync(Guid projectId, Guid environmentId, EnvironmentRequest request, UpdateEnvironment.Handler handler,
        HttpContext http, CancellationToken ct)
    {
        if (!ETags.TryParseIfMatch(http, out var expected))
        {
            return ETags.MalformedIfMatch();
        }

        var settings = request.ToSettings();
        if (!settings.IsSuccess)
        {
            return settings.Error!.ToProblem();
        }

        var result = await handler.HandleAsync(new(projectId, environmentId, settings.Value, expected), ct);
        if (result.IsSuccess)
        {
            http.Response.Headers.ETag = ETags.Format(result.Value.Version);
        }

        return result.ToHttpResult();
    }

    private static async Task<IResult> DeleteAsync(Guid projectId, Guid environmentId, DeleteEnvironment.Handler handler, CancellationToken ct) =>
        (await handler.HandleAsync(new(projectId, environmentId), ct)).ToNoContentResult();
}

/// <summary>TTLs travel as hours: what people type, and unambiguous in JSON.</summary>
internal sealed record EnvironmentRequest(string? Name, string? Description, bool? IsProtected, double? DefaultTtlHours, double? MaxTtlHours,
    bool? OrphansReportOnly = null, Guid? ProviderAccountId = null, bool? AutoHeal = null)
{
    public Result<EnvironmentSettings> ToSettings()
    {
        var validator = new Validator()
            .When(DefaultTtlHours is { } d && (double.IsNaN(d) || d > 24 * 365 * 10), "defaultTtlHours", "Default time to live is out of range.")
            .When(MaxTtlHours is { } m && (double.IsNaN(m) || m > 24 * 365 * 10), "maxTtlHours", "Maximum time to live is out of range.");
        if (validator.ToError() is { } error)
        {
            return error;
        }

        return new EnvironmentSettings(Name ?? "", Description, IsProtected ?? false,
            DefaultTtlHours is { } dh ? TimeSpan.FromHours(dh) : null,
            MaxTtlHours is { } mh ? TimeSpan.FromHours(mh) : null,
            OrphansReportOnly ?? false,
            ProviderAccountId,
            AutoHeal ?? false);
    }
}
