using Paddock.Core.Identity;
using Paddock.Core.Projects;
using Paddock.Web.Api;
using Paddock.Web.Common;
using Paddock.Web.Identity;

namespace Paddock.Web.Projects;

internal static class ProjectEndpoints
{
    public static RouteGroupBuilder MapProjectEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/projects").WithTags("Projects").RequireAuthorization();
        group.MapGet("/", ListAsync);
        group.MapPost("/", CreateAsync).RequirePermission(Permission.ProjectsCreate);
        group.MapGet("/{projectId:guid}", GetAsync).RequirePermission(Permission.ProjectRead);
        group.MapPut("/{projectId:guid}", UpdateAsync).RequirePermission(Permission.ProjectManage);
        group.MapPost("/{projectId:guid}/archive", (Guid projectId, ArchiveProject.Handler h, CancellationToken ct) => ArchiveAsync(projectId, true, h, ct))
            .RequirePermission(Permission.ProjectManage);
        group.MapPost("/{projectId:guid}/restore", (Guid projectId, ArchiveProject.Handler h, CancellationToken ct) => ArchiveAsync(projectId, false, h, ct))
            .RequirePermission(Permission.ProjectManage);

        group.MapGet("/{projectId:guid}/members", ListMembersAsync).RequirePermission(Permission.ProjectRead);
        group.MapPost("/{projectId:guid}/members", AddMemberAsync).RequirePermission(Permission.MembersManage);
        group.MapPut("/{projectId:guid}/members/{userId:guid}", ChangeRoleAsync).RequirePermission(Permission.MembersManage);
        group.MapDelete("/{projectId:guid}/members/{userId:guid}", RemoveMemberAsync).RequirePermission(Permission.MembersManage);
        return group;
    }

    private static async Task<IResult> ListAsync(bool? includeArchived, string? search, [AsParameters] ListQuery page, ListProjects.Handler handler, CancellationToken ct) =>
        (await handler.HandleAsync(new(includeArchived ?? false, search), ct)).ToPage(page, p => p.Id.ToString(), "name", new Dictionary<string, Func<ProjectSummary, string>>
        {
            ["name"] = p => p.Name.ToUpperInvariant(),
            ["createdAt"] = p => Paging.Date(p.CreatedAt),
        });

    private static async Task<IResult> CreateAsync(ProjectRequest request, CreateProject.Handler handler, CancellationToken ct) =>
        (await handler.HandleAsync(new(request.Name ?? "", request.Description), ct)).ToCreatedResult(p => $"/api/v1/projects/{p.Id}");

    private static async Task<IResult> GetAsync(Guid projectId, GetProject.Handler handler, HttpContext http, CancellationToken ct)
    {
        var result = await handler.HandleAsync(new(projectId), ct);
        if (result.IsSuccess)
        {
            http.Response.Headers.ETag = ETags.Format(result.Value.Version);
        }

        return result.ToHttpResult();
    }

    private static async Task<IResult> UpdateAsync(Guid projectId, ProjectRequest request, UpdateProject.Handler handler, HttpContext http, CancellationToken ct)
    {
        if (!ETags.TryParseIfMatch(http, out var expected))
        {
            return ETags.MalformedIfMatch();
        }

        var result = await handler.HandleAsync(new(projectId, request.Name ?? "", request.Description, expected), ct);
        if (result.IsSuccess)
        {
            http.Response.Headers.ETag = ETags.Format(result.Value.Version);
        }

        return result.ToHttpResult();
    }

    private static async Task<IResult> ArchiveAsync(Guid projectId, bool archived, ArchiveProject.Handler handler, CancellationToken ct) =>
        (await handler.HandleAsync(new(projectId, archived), ct)).ToNoContentResult();

    private static async Task<IResult> ListMembersAsync(Guid projectId, ProjectRole? role, [AsParameters] ListQuery page, ListMembers.Handler handler, CancellationToken ct) =>
        (await handler.HandleAsync(new(projectId), ct))
            .Map(members => (IReadOnlyList<MemberDto>)[.. members.Where(m => role is null || m.Role == role)])
            .ToPage(page, m => m.UserId.ToString(), "email", new Dictionary<string, Func<MemberDto, string>>
            {
                ["email"] = m => m.Email.ToUpperInvariant(),
                ["addedAt"] = m => Paging.Date(m.AddedAt),
                ["role"] = m => m.Role.ToString(),
            });

    private static async Task<IResult> AddMemberAsync(Guid projectId, MemberRequest request, AddMember.Handler handler, CancellationToken ct) =>
        (await handler.HandleAsync(new(projectId, request.Email ?? "", request.Role ?? ""), ct))
            .ToCreatedResult(m => $"/api/v1/projects/{projectId}/members/{m.UserId}");

    private static async Task<IResult> ChangeRoleAsync(Guid projectId, Guid userId, RoleRequest request, ChangeMemberRole.Handler handler, CancellationToken ct) =>
        (await handler.HandleAsync(new(projectId, userId, request.Role ?? ""), ct)).ToNoContentResult();

    private static async Task<IResult> RemoveMemberAsync(Guid projectId, Guid userId, RemoveMember.Handler handler, CancellationToken ct) =>
        (await handler.HandleAsync(new(projectId, userId), ct)).ToNoContentResult();
}

internal sealed record ProjectRequest(string? Name, string? Description);

internal sealed record MemberRequest(string? Email, string? Role);

internal sealed record RoleRequest(string? Role);
