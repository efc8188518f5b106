using Paddock.Core.Identity;

namespace Paddock.Core.Projects;

public sealed record ProjectSummary(Guid Id, string Name, string Description, bool IsArchived, DateTimeOffset CreatedAt, int MemberCount, int EnvironmentCount);

public sealed record ProjectDetails(Guid Id, string Name, string Description, bool IsArchived, DateTimeOffset CreatedAt, uint Version, IReadOnlySet<Permission> MyPermissions);

public sealed record MemberDto(Guid UserId, string Email, string DisplayName, ProjectRole Role, DateTimeOffset AddedAt);
