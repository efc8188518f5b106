using Paddock.Core.Common;

namespace Paddock.Core.Identity;

/// <summary>The one authorization service: every page, endpoint and handler asks it.</summary>
public interface IAccessControl
{
    /// <summary>Whether the current user holds <paramref name="permission"/>, in <paramref name="projectId"/> when given.</summary>
    Task<bool> HasAsync(Permission permission, Guid? projectId = null, CancellationToken ct = default);

    /// <summary>A <see cref="ForbiddenError"/> (or NotFound for a project the user cannot see) when the user lacks the permission, else null.</summary>
    Task<Error?> DemandAsync(Permission permission, Guid? projectId = null, CancellationToken ct = default);

    /// <summary>
    /// Like <see cref="DemandAsync"/>, for a permission that a resource may grant to members it names beyond their role (a
    /// policy's named approvers): a named member needs only to read the project, and a token still needs the scope for it.
    /// </summary>
    Task<Error?> DemandAsync(Permission permission, Guid projectId, bool named, CancellationToken ct = default);

    /// <summary>The user's permissions in a project (for the UI to hide what it may not do).</summary>
    Task<IReadOnlySet<Permission>> PermissionsInAsync(Guid projectId, CancellationToken ct = default);
}
