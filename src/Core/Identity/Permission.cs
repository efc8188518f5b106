namespace Paddock.Core.Identity;

/// <summary>
/// Named permissions checked through <see cref="IAccessControl"/>. Installation-wide ones
/// (projects.create, users.manage, jobs.dashboard) belong only to the Owner.
/// </summary>
public enum Permission
{
    ProjectRead,
    ProjectManage,
    MembersManage,
    EnvironmentsManage,
    BlueprintsRead,
    BlueprintsWrite,
    StacksRead,
    StacksLaunch,
    StacksLaunchProtected,
    StacksOperate,
    ApprovalsDecide,
    BudgetsManage,
    AuditRead,
    ProjectsCreate,
    UsersManage,
    ProvidersManage,
    JobsDashboard,
    NotificationsManage,
}

public static class PermissionNames
{
    private static readonly Dictionary<Permission, string> Names = new()
    {
        [Permission.ProjectRead] = "project.read",
        [Permission.ProjectManage] = "project.manage",
        [Permission.MembersManage] = "members.manage",
        [Permission.EnvironmentsManage] = "environments.manage",
        [Permission.BlueprintsRead] = "blueprints.read",
        [Permission.BlueprintsWrite] = "blueprints.write",
        [Permission.StacksRead] = "stacks.read",
        [Permission.StacksLaunch] = "stacks.launch",
        [Permission.StacksLaunchProtected] = "stacks.launch-protected",
        [Permission.StacksOperate] = "stacks.operate",
        [Permission.ApprovalsDecide] = "approvals.decide",
        [Permission.BudgetsManage] = "budgets.manage",
        [Permission.AuditRead] = "audit.read",
        [Permission.ProjectsCreate] = "projects.create",
        [Permission.UsersManage] = "users.manage",
        [Permission.ProvidersManage] = "providers.manage",
        [Permission.JobsDashboard] = "jobs.dashboard",
        [Permission.NotificationsManage] = "notifications.manage",
    };

    public static string Name(this Permission permission) => Names[permission];

    /// <summary>Permissions that exist only installation-wide, never through a project role.</summary>
    public static bool IsInstallationWide(this Permission permission) =>
        permission is Permission.ProjectsCreate or Permission.UsersManage or Permission.ProvidersManage or Permission.JobsDashboard;
}
