namespace Paddock.Core.Blueprints.Designer;

/// <summary>What the designer edits: the spec and the positions beside it. Immutable, so undo keeps whole snapshots cheaply.</summary>
public sealed record DesignerDocument(BlueprintSpec Spec, BlueprintLayout Layout)
{
    public static DesignerDocument Empty(string? name) => new(new BlueprintSpec { Name = name }, BlueprintLayout.Empty);

    public string ToYaml() => BlueprintYaml.Write(Spec, Layout);

    /// <summary>Positions only of services that exist, so a removed service leaves no stale layout entry.</summary>
    public DesignerDocument WithLayout(IEnumerable<KeyValuePair<string, LayoutPosition>> positions) =>
        this with { Layout = new BlueprintLayout { Positions = new ValueDictionary<LayoutPosition>(positions.Where(p => Spec.FindService(p.Key) is not null)) } };
}
