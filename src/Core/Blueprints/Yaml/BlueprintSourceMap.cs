namespace Paddock.Core.Blueprints;

/// <summary>Where each field path was written in the YAML, so issues can point at a line and column.</summary>
public sealed class BlueprintSourceMap
{
    private readonly Dictionary<string, SourcePosition> _positions = new(StringComparer.Ordinal);

    public static BlueprintSourceMap Empty { get; } = new();

    public int Count => _positions.Count;

    public void Add(string path, SourcePosition position) => _positions.TryAdd(path, position);

    /// <summary>The position of <paramref name="path"/>, or of its nearest written parent (a short-form port has no <c>.host</c> of its own).</summary>
    public SourcePosition? Find(string path)
    {
        var current = path;
        while (current.Length > 0)
        {
            if (_positions.TryGetValue(current, out var position))
            {
                return position;
            }

            current = Parent(current);
        }

        return null;
    }

    private static string Parent(string path)
    {
        var cut = Math.Max(path.LastIndexOf('.'), path.LastIndexOf('['));
        return cut <= 0 ? "" : path[..cut];
    }
}
