using Paddock.Core.Common;
using Paddock.Core.Identity;
using Paddock.Core.Providers;
using Paddock.Web.Api;
using Paddock.Web.Common;
using Paddock.Web.Identity;

namespace Paddock.Web.Providers;

internal static class ProviderAccountEndpoints
{
    public static RouteGroupBuilder MapProviderAccountEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/provider-accounts").WithTags("Provider accounts");
        group.MapGet("/", ListAsync).RequirePermission(Permission.ProvidersManage);
        group.MapPost("/", CreateAsync).RequirePermission(Permission.ProvidersManage);
        group.MapPut("/{accountId:guid}", UpdateAsync).RequirePermission(Permission.ProvidersManage);
        group.MapDelete("/{accountId:guid}", DeleteAsync).RequirePermission(Permission.ProvidersManage);
        group.MapPost("/{accountId:guid}/test", TestAsync).RequirePermission(Permission.ProvidersManage);
        // The environment dialog's picker: names only, for whoever manages the project's environments.
        app.MapGet("/api/v1/projects/{projectId:guid}/provider-accounts", ChoicesAsync).WithTags("Provider accounts")
            .RequirePermission(Permission.EnvironmentsManage);
        return group;
    }

    private static async Task<IResult> ListAsync(ProviderKind? kind, [AsParameters] ListQuery page, ListProviderAccounts.Handler handler, CancellationToken ct) =>
        (await handler.HandleAsync(new(), ct)).Map(accounts => (IReadOnlyList<ProviderAccountDto>)[.. accounts.Where(a => kind is null || a.Kind == kind)])
            .ToPage(page, a => a.Id.ToString(), "name", new Dictionary<string, Func<ProviderAccountDto, string>>
            {
                ["name"] = a => a.Name,
                ["kind"] = a => a.Kind.ToString(),
                ["createdAt"] = a => Paging.Date(a.CreatedAt),
            });

    private static async Task<IResult> ChoicesAsync(Guid projectId, [AsParameters] ListQuery page, ListProviderAccountChoices.Handler handler, CancellationToken ct) =>
        (await handler.HandleAsync(new(projectId), ct)).ToPage(page, a => a.Id.ToString(), "name",
            new Dictionary<string, Func<ProviderAccountChoice, string>> { ["name"] = a => a.Name });

    private static async Task<IResult> CreateAsync(ProviderAccountRequest request, CreateProviderAccount.Handler handler, CancellationToken ct)
    {
        var settings = request.ToSettings();
        if (!settings.IsSuccess)
        {
            return settings.Error!.ToProblem();
        }

        return (await handler.HandleAsync(new(settings.Value), ct)).ToCreatedResult(a => $"/api/v1/provider-accounts/{a.Id}");
    }

    private static async Task<IResult> UpdateAsync(Guid accountId, ProviderAccountRequest request, UpdateProviderAccount.Handler handler, HttpContext http,
        CancellationToken ct)
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

        var result = await handler.HandleAsync(new(accountId, settings.Value, expected), ct);
        if (result.IsSuccess)
        {
            http.Response.Headers.ETag = ETags.Format(result.Value.Version);
        }

        return result.ToHttpResult();
    }

    private static async Task<IResult> DeleteAsync(Guid accountId, DeleteProviderAccount.Handler handler, CancellationToken ct) =>
        (await handler.HandleAsync(new(accountId), ct)).ToNoContentResult();

    private static async Task<IResult> TestAsync(Guid accountId, TestProviderAccount.Handler handler, CancellationToken ct) =>
        (await handler.HandleAsync(new(accountId), ct)).ToHttpResult();
}

/// <summary>
/// An account as clients send it. The TLS fields are write-only: omitted on update, the stored certificates stay;
/// <c>useTls: false</c> removes them.
/// </summary>
internal sealed record ProviderAccountRequest(string? Name, string? Kind, string? Endpoint, bool? UseTls, string? CaCertificate, string? ClientCertificate,
    string? ClientKey, bool? IsDefault)
{
    public Result<ProviderAccountSettings> ToSettings()
    {
        var kind = ProviderKind.Docker;
        if (Kind is { Length: > 0 } text && !Enum.TryParse(text, ignoreCase: true, out kind))
        {
            return ValidationError.For("kind", $"'{text}' is not a provider kind; use Docker.");
        }

        var tls = CaCertificate is null && ClientCertificate is null && ClientKey is null ? null : new TlsMaterial(CaCertificate, ClientCertificate, ClientKey);
        return new ProviderAccountSettings(Name ?? "", kind, Endpoint ?? "", UseTls ?? false, tls, IsDefault ?? false);
    }
}
