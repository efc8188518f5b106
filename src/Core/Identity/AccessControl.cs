using Microsoft.EntityFrameworkCore;
using Paddock.Core.Common;
using Paddock.Core.Identity.Tokens;

namespace Paddock.Core.Identity;

internal sealed class AccessControl(IPaddockDbContext db, ICurrentUser currentUser) : IAccessControl
{
    // One request asks several times for the same project: cache the answer for the scope's lifetime.
    private readonly Dictionary<Guid, IReadOnlySet<Permission>> _byProject = [];
    private bool? _isOwner;

    public async Task<bool> HasAsync(Permission permission, Guid? projectId = null, CancellationToken ct = default)
    {
        if (currentUser.UserId is null)
        {
            return false;
        }

        // A token never does more than its scopes allow, whoever owns it.
        if (currentUser.TokenScopes is { } scopes && !ScopePermissions.Allows(scopes, permission))
        {
            return false;
        }

        if (await IsOwnerAsync(ct))
        {
            return true;
        }

        if (permission.IsInstallationWide() || projectId is null)
        {
            return false;
        }

        return (await PermissionsInAsync(projectId.Value, ct)).Contains(permission);
    }

    public async Task<Error?> DemandAsync(Permission permission, Guid? projectId = null, CancellationToken ct = default)
    {
        if (await HasAsync(permission, projectId, ct))
        {
            return null;
        }

        // A project the user cannot even read is reported as missing, so ids do not leak what exists.
        if (projectId is not null && !await HasAsync(Permission.ProjectRead, projectId, ct))
        {
            return NotFoundError.For("Project", projectId.Value);
        }

        return ForbiddenError.Lacks(permission);
    }

    public async Task<Error?> DemandAsync(Permission permission, Guid projectId, bool named, CancellationToken ct = default)
    {
        if (!named)
        {
            return await DemandAsync(permission, projectId, ct);
        }

        if (await HasAsync(permission, projectId, ct))
        {
            return null;
        }

        if (currentUser.TokenScopes is { } scopes && !ScopePermissions.Allows(scopes, permission))
        {
            return ForbiddenError.Lacks(permission);
        }

        return await HasAsync(Permission.ProjectRead, projectId, ct) ? null : NotFoundError.For("Project", projectId);
    }

    public async Task<IReadOnlySet<Permission>> PermissionsInAsync(Guid projectId, CancellationToken ct = default)
    {
        if (currentUser.UserId is not { } userId)
        {
            return new HashSet<Permission>();
        }

        if (_byProject.TryGetValue(projectId, out var cached))
        {
            return cached;
        }

        IReadOnlySet<Permission> result;
        if (await IsOwnerAsync(ct))
        {
            result = Enum.GetValues<Permission>().ToHashSet();
        }
        else
        {
            var role = await db.ProjectMembers.AsNoTracking()
                .Where(m => m.ProjectId == projectId && m.UserId == userId)
                .Select(m => (ProjectRole?)m.Role)
                .FirstOrDefaultAsync(ct);
            result = role is null ? new HashSet<Permission>() : RolePermissions.PermissionsOf(role.Value);
        }

        if (currentUser.TokenScopes is { } scopes)
        {
            result = result.Where(p => ScopePermissions.Allows(scopes, p)).ToHashSet();
        }

        _byProject[projectId] = result;
        return result;
    }

    private async Task<bool> IsOwnerAsync(CancellationToken ct)
    {
        _isOwner ??= currentUser.IsOwner ?? await db.Users.AsNoTracking()
            .AnyAsync(u => u.Id == currentUser.UserId && u.IsOwner && !u.IsDisabled, ct);
        return _isOwner.Value;
    }
}
