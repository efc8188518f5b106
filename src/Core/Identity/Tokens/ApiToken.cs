using Paddock.Core.Audit;

namespace Paddock.Core.Identity.Tokens;

/// <summary>
/// A personal or service-account API token. Only the SHA-256 of the secret is stored; the secret is shown once.
/// The hash is left out of the audit log entirely; last use is bookkeeping, written outside the audit.
/// </summary>
public sealed class ApiToken : IAudited
{
    public const int MaxLifetimeDays = 365;

    private ApiToken()
    {
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();

    /// <summary>The principal the token acts as: a person, or a service account's user.</summary>
    public Guid UserId { get; private set; }

    public Guid? ServiceAccountId { get; private set; }

    public Guid? ProjectId { get; private set; }

    public string Name { get; private set; } = "";

    /// <summary>The first characters of the secret, so people can tell their tokens apart.</summary>
    public string Prefix { get; private set; } = "";

    [AuditIgnored]
    public string Hash { get; private set; } = "";

    /// <summary>Space-separated scope names (<see cref="ScopePermissions.Format"/>).</summary>
    public string Scopes { get; private set; } = "";

    public DateTimeOffset CreatedAt { get; private set; }

    public Guid? CreatedById { get; private set; }

    public DateTimeOffset ExpiresAt { get; private set; }

    public DateTimeOffset? RevokedAt { get; private set; }

    [AuditIgnored]
    public DateTimeOffset? LastUsedAt { get; private set; }

    Guid? IAudited.AuditProjectId => ProjectId;

    public static ApiToken Issue(Guid userId, Guid? serviceAccountId, Guid? projectId, string name, IEnumerable<TokenScope> scopes,
        DateTimeOffset expiresAt, Guid? createdBy, string secret, DateTimeOffset now) =>
        new()
        {
            UserId = userId,
            ServiceAccountId = serviceAccountId,
            ProjectId = projectId,
            Name = name,
            Prefix = secret[..Math.Min(secret.Length, TokenSecrets.DisplayPrefixLength)],
            Hash = TokenSecrets.Hash(secret),
            Scopes = ScopePermissions.Format(scopes),
            ExpiresAt = expiresAt,
            CreatedAt = now,
            CreatedById = createdBy,
        };

    public bool IsActive(DateTimeOffset now) => RevokedAt is null && ExpiresAt > now;

    public void Revoke(DateTimeOffset now) => RevokedAt ??= now;
}
