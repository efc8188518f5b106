using Paddock.Core.Identity;

namespace Paddock.Core.Tests.Identity;

public sealed class RolePermissionsTests
{
    // The matrix as the product describes it, written out here independently of RolePermissions.
    private static readonly Dictionary<ProjectRole, string[]> Expected = new()
    {
        [ProjectRole.ProjectAdmin] =
        [
            "project.read", "project.manage", "members.manage", "environments.manage",
            "blueprints.read", "blueprints.write",
            "stacks.read", "stacks.launch", "stacks.launch-protected", "stacks.operate",
            "approvals.decide", "budgets.manage", "audit.read",
            "notifications.manage",
        ],
        [ProjectRole.Developer] = ["project.read", "blueprints.read", "blueprints.write", "stacks.read", "stacks.launch"],
        [ProjectRole.Operator] = ["project.read", "blueprints.read", "stacks.read", "stacks.launch", "stacks.launch-protected", "stacks.operate"],
        [ProjectRole.Approver] = ["project.read", "blueprints.read", "stacks.read", "approvals.decide"],
        [ProjectRole.Viewer] = ["project.read", "blueprints.read", "stacks.read"],
    };

    private static readonly string[] InstallationWide = ["projects.create", "users.manage", "providers.manage", "jobs.dashboard"];

    public static TheoryData<ProjectRole> Roles => new(Enum.GetValues<ProjectRole>());

    public static TheoryData<ProjectRole, Permission> EveryRoleAndPermission
    {
        get
        {
            var data = new TheoryData<ProjectRole, Permission>();
            foreach (var role in Enum.GetValues<ProjectRole>())
            {
                foreach (var permission in Enum.GetValues<Permission>())
                {
                    data.Add(role, permission);
                }
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(Roles))]
    public void Each_role_holds_exactly_the_permissions_of_the_matrix(ProjectRole role)
    {
        var granted = RolePermissions.PermissionsOf(role).Select(p => p.Name()).Order();

        granted.ShouldBe(Expected[role].Order());
    }

    [Theory]
    [MemberData(nameof(EveryRoleAndPermission))]
    public void Every_role_and_permission_pair_matches_the_matrix(ProjectRole role, Permission permission) =>
        role.Grants(permission).ShouldBe(Expected[role].Contains(permission.Name()), $"{role} / {permission.Name()}");

    [Fact]
    public void Every_role_is_in_the_matrix() =>
        Expected.Keys.Order().ShouldBe(Enum.GetValues<ProjectRole>().Order());

    [Fact]
    public void The_owner_holds_every_permission() =>
        Enum.GetValues<Permission>().ShouldAllBe(p => RolePermissions.OwnerGrants(p));

    [Theory]
    [MemberData(nameof(Roles))]
    public void No_project_role_grants_an_installation_wide_permission(ProjectRole role) =>
        RolePermissions.PermissionsOf(role).ShouldNotContain(p => p.IsInstallationWide());

    [Fact]
    public void Installation_wide_permissions_are_exactly_create_projects_users_providers_and_jobs() =>
        Enum.GetValues<Permission>().Where(p => p.IsInstallationWide()).Select(p => p.Name()).Order().ShouldBe(InstallationWide.Order());

    [Fact]
    public void Every_permission_has_a_distinct_dotted_name()
    {
        var names = Enum.GetValues<Permission>().Select(p => p.Name()).ToList();

        names.ShouldBeUnique();
        names.ShouldAllBe(n => n.Contains('.', StringComparison.Ordinal) && !n.Any(char.IsUpper));
    }
}
