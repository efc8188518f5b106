using Paddock.Core.Identity;
using Paddock.Core.Identity.ServiceAccounts;
using Paddock.Core.Identity.Tokens;
using Paddock.Web.Api;
using Paddock.Web.Common;

namespace Paddock.Web.Identity.Tokens;

internal static class ApiTokenEndpoints
{
    public static IEndpointRouteBuilder MapApiTokenEndpoints(this IEndpointRouteBuilder app)
    {
        // The caller's own tokens: any signed-in user; the handler scopes them to the caller.
        var mine = app.MapGroup("/api/v1/me/tokens").WithTags("API tokens").RequireAuthorization();
        mine.MapGet("/", ListMineAsync);
        mine.MapPost("/", CreateMineAsync);
        mine.MapDelete("/{tokenId:guid}", RevokeMineAsync);

        var accounts = app.MapGroup("/api/v1/projects/{projectId:guid}/service-accounts").WithTags("Service accounts");
        accounts.MapGet("/", ListAccountsAsync).RequirePermission(Permission.ProjectRead);
        accounts.MapPost("/", CreateAccountAsync).RequirePermission(Permission.MembersManage);
        accounts.MapDelete("/{serviceAccountId:guid}", DeleteAccountAsync).RequirePermission(Permission.MembersManage);
        accounts.MapGet("/{serviceAccountId:guid}/tokens", ListAccountTokensAsync).RequirePermission(Permission.MembersManage);
        accounts.MapPost("/{serviceAccountId:guid}/tokens", CreateAccountTokenAsync).RequirePermission(Permission.MembersManage);
        accounts.MapDelete("/{serviceAccountId:guid}/tokens/{tokenId:guid}", RevokeAccountTokenAsync).RequirePermission(Permission.MembersManage);
        return app;
    }

    private static readonly Dictionary<string, Func<ApiTokenDto, string>> TokenSorts = new()
    {
        ["createdAt"] = t => Paging.Date(t.CreatedAt),
        ["expiresAt"] = t => Paging.Date(t.ExpiresAt),
        ["name"] = t => t.Name.ToUpperInvariant(),
    };

    private static async Task<IResult> ListMineAsync(bool? active, [AsParameters] ListQuery page, ListApiTokens.Handler handler, CancellationToken ct) =>
        (await handler.HandleAsync(new(), ct)).Map(tokens => (IReadOnlyList<ApiTokenDto>)[.. tokens.Where(t => active is null || t.IsActive == active)])
            .ToPage(page, t => t.Id.ToString(), "-createdAt", TokenSorts);

    private static async Task<IResult> CreateMineAsync(CreateTokenRequest request, CreateApiToken.Handler handler, CancellationToken ct) =>
        (await handler.HandleAsync(new(request.Name, request.Scopes, request.ExpiresInDays), ct))
            .ToCreatedResult(t => $"/api/v1/me/tokens/{t.Token.Id}");

    private static async Task<IResult> RevokeMineAsync(Guid tokenId, RevokeApiToken.Handler handler, CancellationToken ct) =>
        (await handler.HandleAsync(new(tokenId), ct)).ToNoContentResult();

    private static async Task<IResult> ListAccountsAsync(Guid projectId, [AsParameters] ListQuery page, ListServiceAccounts.Handler handler, CancellationToken ct) =>
        (await handler.HandleAsync(new(projectId), ct)).ToPage(page, a => a.Id.ToString(), "name",
            new Dictionary<string, Func<ServiceAccountDto, string>> { ["name"] = a => a.Name, ["createdAt"] = a => Paging.Date(a.CreatedAt) });

    private static async Task<IResult> CreateAccountAsync(Guid projectId, CreateServiceAccountRequest request, CreateServiceAccount.Handler handler, CancellationToken ct) =>
        (await handler.HandleAsync(new(projectId, request.Name, request.Role, request.Description), ct))
            .ToCreatedResult(a => $"/api/v1/projects/{projectId}/service-accounts/{a.Id}");

    private static async Task<IResult> DeleteAccountAsync(Guid projectId, Guid serviceAccountId, DeleteServiceAccount.Handler handler, CancellationToken ct) =>
        (await handler.HandleAsync(new(projectId, serviceAccountId), ct)).ToNoContentResult();

    private static async Task<IResult> ListAccountTokensAsync(Guid projectId, Guid serviceAccountId, bool? active, [AsParameters] ListQuery page, ListApiTokens.Handler handler,
        CancellationToken ct) =>
        (await handler.HandleAsync(new(projectId, serviceAccountId), ct)).Map(tokens => (IReadOnlyList<ApiTokenDto>)[.. tokens.Where(t => active is null || t.IsActive == active)])
            .ToPage(page, t => t.Id.ToString(), "-createdAt", TokenSorts);

    private static async Task<IResult> CreateAccountTokenAsync(Guid projectId, Guid serviceAccountId, CreateTokenRequest request, CreateApiToken.Handler handler,
        CancellationToken ct) =>
        (await handler.HandleAsync(new(request.Name, request.Scopes, request.ExpiresInDays, projectId, serviceAccountId), ct))
            .ToCreatedResult(t => $"/api/v1/projects/{projectId}/service-accounts/{serviceAccountId}/tokens/{t.Token.Id}");

    private static async Task<IResult> RevokeAccountTokenAsync(Guid projectId, Guid serviceAccountId, Guid tokenId, RevokeApiToken.Handler handler, CancellationToken ct) =>
        (await handler.HandleAsync(new(tokenId, projectId, serviceAccountId), ct)).ToNoContentResult();
}

internal sealed record CreateTokenRequest(string? Name, List<string>? Scopes, int? ExpiresInDays);

internal sealed record CreateServiceAccountRequest(string? Name, string? Role, string? Description);
