namespace Paddock.Core.Blueprints;

/// <summary>One changed field; lists print as <c>[a, b]</c>, absent values are null.</summary>
public sealed record FieldChange(string Path, ChangeKind Kind, string? Before, string? After)
{
    public override string ToString() => Kind switch
    {
        ChangeKind.Added => $"+ {Path}: {After}",
        ChangeKind.Removed => $"- {Path}: {Before}",
        _ => $"~ {Path}: {Before} -> {After}",
    };
}
