namespace Paddock.Core.Identity.Tokens;

/// <summary>What an API token may be used for. Its effective permissions are its owner's role permissions intersected with these.</summary>
public enum TokenScope
{
    Read,
    Write,
    Launch,
    Approve,
    Admin,
}

/// <summary>The one scope to permission mapping every check reads.</summary>
public static class ScopePermissions
{
    private static readonly HashSet<Permission> Reading =
        [Permission.ProjectRead, Permission.BlueprintsRead, Permission.StacksRead, Permission.AuditRead];

    private static readonly Dictionary<TokenScope, HashSet<Permission>> Matrix = new()
    {
        [TokenScope.Read] = [.. Reading],
        [TokenScope.Write] = [.. Reading, Permission.BlueprintsWrite],
        [TokenScope.Launch] = [.. Reading, Permission.StacksLaunch, Permission.StacksLaunchProtected, Permission.StacksOperate],
        [TokenScope.Approve] = [.. Reading, Permission.ApprovalsDecide],
    };

    /// <summary>
    /// Whether a token with <paramref name="scopes"/> may use <paramref name="permission"/>. Every scope reads (a token that
    /// launches must see what it launched); anything not named here, including permissions added later, needs admin.
    /// </summary>
    public static bool Allows(IReadOnlySet<TokenScope> scopes, Permission permission) =>
        scopes.Contains(TokenScope.Admin) || scopes.Any(s => Matrix.TryGetValue(s, out var granted) && granted.Contains(permission));

    public static IReadOnlySet<Permission> PermissionsOf(TokenScope scope) =>
        scope == TokenScope.Admin ? Enum.GetValues<Permission>().ToHashSet() : Matrix[scope];

    public static string Name(this TokenScope scope) => scope.ToString().ToLowerInvariant();

    /// <summary>Scopes as stored and sent: lower-case names separated by spaces (the OAuth convention).</summary>
    public static string Format(IEnumerable<TokenScope> scopes) => string.Join(' ', scopes.Distinct().Order().Select(Name));

    public static IReadOnlySet<TokenScope> Parse(string? stored) =>
        (stored ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(s => Enum.TryParse<TokenScope>(s, ignoreCase: true, out var scope) ? scope : (TokenScope?)null)
            .OfType<TokenScope>().ToHashSet();

    public static bool TryParseOne(string? text, out TokenScope scope) =>
        Enum.TryParse(text, ignoreCase: true, out scope) && Enum.IsDefined(scope) && !int.TryParse(text, out _);
}
