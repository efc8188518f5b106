namespace Paddock.Core.Common;

/// <summary>Who is acting, as the web layer (cookie or token) or a job establishes it.</summary>
public interface ICurrentUser
{
    Guid? UserId { get; }

    string? Email { get; }

    /// <summary>The client's IP address, recorded with every audit event.</summary>
    string? ClientAddress { get; }

    bool IsAuthenticated => UserId is not null;

    /// <summary>The scopes of the API token the request came with; null for a cookie session or a job (no narrowing).</summary>
    IReadOnlySet<Paddock.Core.Identity.Tokens.TokenScope>? TokenScopes => null;

    /// <summary>
    /// Whether the user is an enabled installation owner, when this request's own authentication already read it from
    /// the database (an API token request); null when unknown, and access control asks the database.
    /// </summary>
    bool? IsOwner => null;
}

/// <summary>The identity jobs act under: changes they make are audited as the system.</summary>
public sealed class SystemUser : ICurrentUser
{
    public static readonly SystemUser Instance = new();

    public Guid? UserId => null;

    public string? Email => "system";

    public string? ClientAddress => null;
}
