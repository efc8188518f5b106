namespace Paddock.Core.Blueprints;

/// <summary>A blueprint made from a compose file, or the errors that prevented it; warnings name every key not carried over.</summary>
public sealed record ComposeImportResult
{
    public BlueprintSpec? Spec { get; init; }

    public IReadOnlyList<BlueprintIssue> Warnings { get; init; } = [];

    public IReadOnlyList<BlueprintIssue> Errors { get; init; } = [];

    public bool IsSuccess => Spec is not null && Errors.Count == 0;
}
