namespace Paddock.Core.Blueprints;

public sealed record BlueprintDiffResult
{
    public IReadOnlyList<ServiceDiff> Services { get; init; } = [];

    /// <summary>Variable changes, paths such as <c>variables.tag.default</c>.</summary>
    public IReadOnlyList<FieldChange> Variables { get; init; } = [];

    /// <summary>Name, description, environments and actions.</summary>
    public IReadOnlyList<FieldChange> Other { get; init; } = [];

    /// <summary>A unified diff of the two canonical YAML texts.</summary>
    public string UnifiedDiff { get; init; } = "";

    public bool HasChanges => Services.Count > 0 || Variables.Count > 0 || Other.Count > 0;
}
