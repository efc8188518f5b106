namespace Paddock.Core.Identity;

/// <summary>A member's role in one project. The installation-wide Owner is a flag on the user, not a project role.</summary>
public enum ProjectRole
{
    ProjectAdmin,
    Developer,
    Operator,
    Approver,
    Viewer,
}

/// <summary>The role to permission matrix: the single source every check reads.</summary>
public static class RolePermissions
{
    private static readonly Permission[] Reader = [Permission.ProjectRead, Permission.BlueprintsRead, Permission.StacksRead];

    private static readonly Dictionary<ProjectRole, HashSet<Permission>> Matrix = new()
    {
        [ProjectRole.ProjectAdmin] =
        [
            .. Reader, Permission.ProjectManage, Permission.MembersManage, Permission.EnvironmentsManage,
            Permission.BlueprintsWrite, Permission.StacksLaunch, Permission.StacksLaunchProtected, Permission.StacksOperate,
            Permission.ApprovalsDecide, Permission.BudgetsManage, Permission.AuditRead,
            Permission.NotificationsManage,
        ],
        // Developers design and launch, but only into environments that are not protected.
        [ProjectRole.Developer] = [.. Reader, Permission.BlueprintsWrite, Permission.StacksLaunch],
        [ProjectRole.Operator] = [.. Reader, Permission.StacksLaunch, Permission.StacksLaunchProtected, Permission.StacksOperate],
        [ProjectRole.Approver] = [.. Reader, Permission.ApprovalsDecide],
        [ProjectRole.Viewer] = [.. Reader],
    };

    public static bool Grants(this ProjectRole role, Permission permission) => Matrix[role].Contains(permission);

    public static IReadOnlySet<Permission> PermissionsOf(ProjectRole role) => Matrix[role];

    /// <summary>The Owner holds every permission, project-level and installation-wide.</summary>
    public static bool OwnerGrants(Permission permission) => Enum.IsDefined(permission);
}
