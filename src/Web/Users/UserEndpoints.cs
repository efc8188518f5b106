using Paddock.Core.Identity;
using Paddock.Core.Identity.Users;
using Paddock.Web.Api;
using Paddock.Web.Common;
using Paddock.Web.Identity;

namespace Paddock.Web.Users;

internal static class UserEndpoints
{
    public static RouteGroupBuilder MapUserEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/users").WithTags("Users");
        group.MapGet("/", ListAsync).RequirePermission(Permission.UsersManage);
        group.MapPost("/", CreateAsync).RequirePermission(Permission.UsersManage);
        group.MapPost("/{userId:guid}/disable", (Guid userId, SetUserDisabled.Handler h, CancellationToken ct) => SetDisabledAsync(userId, true, h, ct))
            .RequirePermission(Permission.UsersManage);
        group.MapPost("/{userId:guid}/enable", (Guid userId, SetUserDisabled.Handler h, CancellationToken ct) => SetDisabledAsync(userId, false, h, ct))
            .RequirePermission(Permission.UsersManage);
        app.MapPost("/api/v1/me/password", ChangePasswordAsync).WithTags("Users").RequireAuthorization();
        return group;
    }

    private static async Task<IResult> ListAsync(string? search, [AsParameters] ListQuery page, ListUsers.Handler handler, CancellationToken ct) =>
        (await handler.HandleAsync(new(search), ct)).ToPage(page, u => u.Id.ToString(), "email", new Dictionary<string, Func<UserDto, string>>
        {
            ["email"] = u => u.Email.ToUpperInvariant(),
            ["createdAt"] = u => Paging.Date(u.CreatedAt),
        });

    private static async Task<IResult> CreateAsync(CreateUserRequest request, CreateUser.Handler handler, CancellationToken ct) =>
        (await handler.HandleAsync(new(request.Email ?? "", request.DisplayName, request.Password, request.IsOwner ?? false), ct))
            .ToCreatedResult(u => $"/api/v1/users/{u.User.Id}");

    private static async Task<IResult> SetDisabledAsync(Guid userId, bool disabled, SetUserDisabled.Handler handler, CancellationToken ct) =>
        (await handler.HandleAsync(new(userId, disabled), ct)).ToHttpResult();

    private static async Task<IResult> ChangePasswordAsync(ChangePasswordRequest request, ChangePassword.Handler handler, CancellationToken ct) =>
        (await handler.HandleAsync(new(request.CurrentPassword ?? "", request.NewPassword ?? ""), ct)).ToNoContentResult();
}

internal sealed record CreateUserRequest(string? Email, string? DisplayName, string? Password, bool? IsOwner);

internal sealed record ChangePasswordRequest(string? CurrentPassword, string? NewPassword);
