using System.Text.RegularExpressions;

namespace Paddock.Core.Blueprints;

/// <summary>
/// The docker reference grammar (distribution/reference): <c>[registry[:port]/]name[:tag][@sha256:digest]</c>,
/// with lower-case path components and tags of at most 128 characters.
/// </summary>
public static partial class ImageReference
{
    /// <summary>True when <paramref name="reference"/> is valid; <c>${var}</c> references count as valid text.</summary>
    public static bool IsValid(string reference)
    {
        var concrete = VariableReferences.Substitute(reference, _ => "v");
        return concrete.Length <= 255 && Pattern().IsMatch(concrete);
    }

    [GeneratedRegex(@"^(?:(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])(?:\.(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9]))*(?::[0-9]+)?/)?[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*(?::[A-Za-z0-9_][A-Za-z0-9_.-]{0,127})?(?:@sha256:[a-f0-9]{64})?$")]
    private static partial Regex Pattern();
}
