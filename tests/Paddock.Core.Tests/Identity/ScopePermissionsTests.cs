using Paddock.Core.Identity;
using Paddock.Core.Identity.Tokens;

namespace Paddock.Core.Tests.Identity;

public sealed class ScopePermissionsTests
{
    // The mapping as docs/api.md describes it, written out independently of ScopePermissions.
    private static readonly string[] Reading = ["project.read", "blueprints.read", "stacks.read", "audit.read"];

    private static readonly Dictionary<TokenScope, string[]> Expected = new()
    {
        [TokenScope.Read] = Reading,
        [TokenScope.Write] = [.. Reading, "blueprints.write"],
        [TokenScope.Launch] = [.. Reading, "stacks.launch", "stacks.launch-protected", "stacks.operate"],
        [TokenScope.Approve] = [.. Reading, "approvals.decide"],
        [TokenScope.Admin] = [.. Enum.GetValues<Permission>().Select(p => p.Name())],
    };

    public static TheoryData<TokenScope> Scopes => new(Enum.GetValues<TokenScope>());

    [Theory]
    [MemberData(nameof(Scopes))]
    public void Each_scope_allows_exactly_its_permissions(TokenScope scope)
    {
        var allowed = Enum.GetValues<Permission>().Where(p => ScopePermissions.Allows(new HashSet<TokenScope> { scope }, p)).Select(p => p.Name());

        allowed.ShouldBe(Expected[scope], ignoreOrder: true);
    }

    [Fact]
    public void Scopes_add_up()
    {
        var both = new HashSet<TokenScope> { TokenScope.Write, TokenScope.Launch };

        ScopePermissions.Allows(both, Permission.BlueprintsWrite).ShouldBeTrue();
        ScopePermissions.Allows(both, Permission.StacksOperate).ShouldBeTrue();
        ScopePermissions.Allows(both, Permission.MembersManage).ShouldBeFalse();
    }

    [Fact]
    public void Installation_wide_and_management_permissions_need_admin()
    {
        var allButAdmin = Enum.GetValues<TokenScope>().Where(s => s != TokenScope.Admin).ToHashSet();

        foreach (var permission in new[] { Permission.UsersManage, Permission.ProjectsCreate, Permission.MembersManage, Permission.ProjectManage, Permission.JobsDashboard })
        {
            ScopePermissions.Allows(allButAdmin, permission).ShouldBeFalse(permission.Name());
        }
    }

    [Fact]
    public void An_empty_scope_set_allows_nothing() =>
        Enum.GetValues<Permission>().ShouldAllBe(p => !ScopePermissions.Allows(new HashSet<TokenScope>(), p));

    [Fact]
    public void Scopes_round_trip_through_their_stored_form()
    {
        var stored = ScopePermissions.Format([TokenScope.Launch, TokenScope.Read, TokenScope.Launch]);

        stored.ShouldBe("read launch");
        ScopePermissions.Parse(stored).ShouldBe([TokenScope.Read, TokenScope.Launch], ignoreOrder: true);
    }

    [Fact]
    public void Secrets_are_long_random_and_recognisable()
    {
        var a = TokenSecrets.Generate();
        var b = TokenSecrets.Generate();

        a.ShouldStartWith("pdk_");
        a.Length.ShouldBeGreaterThanOrEqualTo(4 + 43);
        a.ShouldNotBe(b);
        TokenSecrets.Hash(a).Length.ShouldBe(64);
        TokenSecrets.Hash(a).ShouldNotContain(a[4..]);
    }
}
