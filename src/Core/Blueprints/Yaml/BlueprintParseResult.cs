namespace Paddock.Core.Blueprints;

/// <summary>The outcome of <see cref="BlueprintYaml.Parse"/>: a spec when there are no errors, and always the warnings and source map.</summary>
public sealed record BlueprintParseResult
{
    public BlueprintSpec? Spec { get; init; }

    public BlueprintLayout Layout { get; init; } = BlueprintLayout.Empty;

    public IReadOnlyList<BlueprintIssue> Errors { get; init; } = [];

    public IReadOnlyList<BlueprintIssue> Warnings { get; init; } = [];

    public BlueprintSourceMap SourceMap { get; init; } = BlueprintSourceMap.Empty;

    public bool IsSuccess => Spec is not null && Errors.Count == 0;
}
