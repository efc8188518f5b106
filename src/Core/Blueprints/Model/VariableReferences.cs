using System.Text.RegularExpressions;

namespace Paddock.Core.Blueprints;

/// <summary>
/// <c>${name}</c> references to blueprint variables inside strings. <c>$$</c> is a literal dollar sign,
/// the same escape docker-compose uses, so values survive a compose round trip unchanged.
/// </summary>
public static partial class VariableReferences
{
    public static IEnumerable<string> Find(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            yield break;
        }

        foreach (Match match in Reference().Matches(text))
        {
            if (match.Groups[1].Success)
            {
                yield return match.Groups[1].Value;
            }
        }
    }

    /// <summary>Replaces every reference with <paramref name="value"/>(name) and unescapes <c>$$</c>.</summary>
    public static string Substitute(string text, Func<string, string> value) =>
        Reference().Replace(text, m => m.Groups[1].Success ? value(m.Groups[1].Value) : "$");

    /// <summary>Rewrites references, keeping <c>$$</c> escapes as they are.</summary>
    public static string Rewrite(string text, Func<string, string> replacement) =>
        Reference().Replace(text, m => m.Groups[1].Success ? replacement(m.Groups[1].Value) : "$$");

    public static bool IsValidName(string name) => NamePattern().IsMatch(name);

    [GeneratedRegex(@"\$\$|\$\{([A-Za-z_][A-Za-z0-9_]*)\}")]
    private static partial Regex Reference();

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]{0,63}$")]
    private static partial Regex NamePattern();
}
