using Paddock.Core.Audit;

namespace Paddock.Core.Identity.ServiceAccounts;

/// <summary>
/// A non-human principal of one project: a user row that cannot sign in (no password), a member of the project in a
/// role, acting only through its API tokens. Deleting it keeps the row (audit history names it) and disables the user.
/// </summary>
public sealed class ServiceAccount : IAudited
{
    private ServiceAccount()
    {
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();

    public Guid ProjectId { get; private set; }

    public Guid UserId { get; private set; }

    public string Name { get; private set; } = "";

    public string? Description { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? DeletedAt { get; private set; }

    Guid? IAudited.AuditProjectId => ProjectId;

    public static ServiceAccount Create(Guid projectId, Guid userId, string name, string? description, DateTimeOffset now) =>
        new() { ProjectId = projectId, UserId = userId, Name = name, Description = description, CreatedAt = now };

    public void Delete(DateTimeOffset now) => DeletedAt ??= now;

    /// <summary>The user name and e-mail of a service account's user: unique, and not an address anyone receives mail at.</summary>
    public static string UserNameFor(Guid id) => $"sa-{id:N}@service-accounts.invalid";
}

public sealed record ServiceAccountDto(Guid Id, Guid UserId, string Name, string? Description, ProjectRole Role, DateTimeOffset CreatedAt, int ActiveTokens);
