using System.Security.Claims;
using Paddock.Core.Common;
using Paddock.Core.Identity.Tokens;
using Paddock.Web.Identity.Tokens;

namespace Paddock.Web.Identity;

/// <summary>
/// The acting user for one scope. In an HTTP request it reads the request's principal; in a Blazor circuit,
/// where no HttpContext exists, <see cref="UiActions"/> sets it from the circuit's authentication state.
/// </summary>
internal sealed class CurrentUser(IHttpContextAccessor accessor) : ICurrentUser
{
    private ClaimsPrincipal? _principal;
    private string? _clientAddress;

    public Guid? UserId => Guid.TryParse(Principal?.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;

    public string? Email => Principal?.FindFirstValue(ClaimTypes.Name);

    public string? ClientAddress => _clientAddress ?? accessor.HttpContext?.Connection.RemoteIpAddress?.ToString();

    public IReadOnlySet<TokenScope>? TokenScopes =>
        Principal is { } principal && principal.HasClaim(c => c.Type == ApiTokenAuthentication.TokenIdClaim)
            ? ScopePermissions.Parse(string.Join(' ', principal.FindAll(ApiTokenAuthentication.ScopeClaim).Select(c => c.Value)))
            : null;

    /// <summary>
    /// Owner status from this request's token lookup. Only a plain HTTP request's own principal is trusted: a circuit, a
    /// hub connection or a re-check sets (or holds) a principal made long before, whose claims may be stale.
    /// </summary>
    public bool? IsOwner =>
        _principal is null && accessor.HttpContext is { } http && !http.Request.Path.StartsWithSegments("/hubs")
            && http.User.Identity?.AuthenticationType == ApiTokenAuthentication.Scheme
            && http.User.FindFirstValue(ApiTokenAuthentication.OwnerClaim) is { } owner
            ? owner == "true"
            : null;

    /// <summary>The API token of this request, for rate limiting and audit; null for a cookie session.</summary>
    public Guid? TokenId => Guid.TryParse(Principal?.FindFirstValue(ApiTokenAuthentication.TokenIdClaim), out var id) ? id : null;

    private ClaimsPrincipal? Principal => _principal ?? accessor.HttpContext?.User;

    public void Set(ClaimsPrincipal principal, string? clientAddress)
    {
        _principal = principal;
        _clientAddress = clientAddress;
    }
}
