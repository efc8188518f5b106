namespace Paddock.Core.Blueprints;

/// <summary>Designer positions per service. Kept beside the spec and outside its content hash.</summary>
public sealed record BlueprintLayout
{
    public static BlueprintLayout Empty { get; } = new();

    public IReadOnlyDictionary<string, LayoutPosition> Positions { get; init => field = ValueDictionary<LayoutPosition>.From(value); } = ValueDictionary<LayoutPosition>.Empty;
}
