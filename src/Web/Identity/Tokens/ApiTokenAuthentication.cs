using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Paddock.Core.Identity.Tokens;
using Paddock.Data;

namespace Paddock.Web.Identity.Tokens;

internal static class ApiTokenAuthentication
{
    public const string Scheme = "Bearer";

    /// <summary>The default scheme: picks the bearer token when the request carries one, else the UI's cookie.</summary>
    public const string PolicyScheme = "Paddock";

    public const string TokenIdClaim = "paddock:token";

    public const string ScopeClaim = "paddock:scope";

    /// <summary>Owner status as the token's own lookup read it; trusted only within that same request (see <see cref="CurrentUser.IsOwner"/>).</summary>
    public const string OwnerClaim = "paddock:owner";

    public static AuthenticationBuilder AddPaddockTokens(this AuthenticationBuilder builder) =>
        builder
            .AddScheme<AuthenticationSchemeOptions, ApiTokenAuthenticationHandler>(Scheme, _ => { })
            .AddPolicyScheme(PolicyScheme, "Cookie or API token", options =>
                options.ForwardDefaultSelector = context => BearerToken(context.Request) is not null ? Scheme : IdentityConstants.ApplicationScheme);

    /// <summary>
    /// The token of a request: the Authorization header, or (only for the hub, whose WebSocket handshake cannot carry
    /// headers from a browser) the access_token query value.
    /// </summary>
    public static string? BearerToken(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return header["Bearer ".Length..].Trim();
        }

        if (request.Path.StartsWithSegments("/hubs") && request.Query["access_token"].ToString() is { Length: > 0 } query)
        {
            return query;
        }

        return null;
    }
}

/// <summary>
/// Authenticates <c>Authorization: Bearer pdk_…</c> by the SHA-256 of the secret: one indexed lookup per request, a
/// compiled query that also reads whether the user is an owner, so access control needs no second round trip.
/// Last use is written at most once a minute per token (a conditional update outside the audit), not on every call.
/// </summary>
internal sealed class ApiTokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    PaddockDbContext db,
    TimeProvider time) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    private static readonly TimeSpan LastUsedResolution = TimeSpan.FromMinutes(1);

    private static readonly Func<PaddockDbContext, string, CancellationToken, Task<TokenRow?>> FindByHash = EF.CompileAsyncQuery(
        (PaddockDbContext db, string hash, CancellationToken ct) => (
            from t in db.ApiTokens.AsNoTracking()
            join u in db.Users.AsNoTracking() on t.UserId equals u.Id
            where t.Hash == hash
            select new TokenRow(t.Id, t.UserId, t.Scopes, t.ExpiresAt, t.RevokedAt, t.LastUsedAt, u.Email, u.IsDisabled, u.IsOwner))
            .FirstOrDefault());

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var secret = ApiTokenAuthentication.BearerToken(Request);
        if (secret is null)
        {
            return AuthenticateResult.NoResult();
        }

        if (!TokenSecrets.LooksLikeToken(secret))
        {
            return AuthenticateResult.Fail("The bearer token is not a Paddock API token.");
        }

        var hash = TokenSecrets.Hash(secret);
        var found = await FindByHash(db, hash, Context.RequestAborted);
        var now = time.GetUtcNow();
        if (found is null || found.RevokedAt is not null || found.ExpiresAt <= now || found.IsDisabled)
        {
            // One message for all: a caller learns nothing about which tokens exist.
            return AuthenticateResult.Fail("The API token is invalid, expired or revoked.");
        }

        if (found.LastUsedAt is null || found.LastUsedAt < now - LastUsedResolution)
        {
            var threshold = now - LastUsedResolution;
            await db.ApiTokens.Where(t => t.Id == found.Id && (t.LastUsedAt == null || t.LastUsedAt < threshold))
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.LastUsedAt, now), Context.RequestAborted);
        }

        List<Claim> claims =
        [
            new(ClaimTypes.NameIdentifier, found.UserId.ToString()),
            new(ClaimTypes.Name, found.Email ?? ""),
            new(ApiTokenAuthentication.TokenIdClaim, found.Id.ToString()),
            new(ApiTokenAuthentication.OwnerClaim, found.IsOwner ? "true" : "false"),
            .. ScopePermissions.Parse(found.Scopes).Select(s => new Claim(ApiTokenAuthentication.ScopeClaim, s.Name())),
        ];
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, ApiTokenAuthentication.Scheme));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, ApiTokenAuthentication.Scheme));
    }

    private sealed record TokenRow(Guid Id, Guid UserId, string Scopes, DateTimeOffset ExpiresAt, DateTimeOffset? RevokedAt, DateTimeOffset? LastUsedAt,
        string? Email, bool IsDisabled, bool IsOwner);

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer error=\"invalid_token\"";
        return Task.CompletedTask;
    }
}
