namespace Paddock.Core.Identity.Tokens;

public sealed record ApiTokenDto(Guid Id, string Name, string Prefix, IReadOnlyList<string> Scopes, DateTimeOffset CreatedAt,
    DateTimeOffset ExpiresAt, DateTimeOffset? LastUsedAt, DateTimeOffset? RevokedAt, Guid? ServiceAccountId, bool IsActive)
{
    public static ApiTokenDto From(ApiToken t, DateTimeOffset now) =>
        new(t.Id, t.Name, t.Prefix + "…", ScopePermissions.Parse(t.Scopes).Order().Select(s => s.Name()).ToList(), t.CreatedAt, t.ExpiresAt,
            t.LastUsedAt, t.RevokedAt, t.ServiceAccountId, t.IsActive(now));
}

/// <summary>A new token with its secret: the only time the secret is ever returned.</summary>
public sealed record CreatedApiToken(ApiTokenDto Token, string Secret);
