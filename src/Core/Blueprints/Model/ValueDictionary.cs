using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace Paddock.Core.Blueprints;

/// <summary>
/// An immutable string-keyed map that keeps the author's key order (so YAML round-trips read the same)
/// but compares by content only, so records holding it keep value equality.
/// </summary>
public sealed class ValueDictionary<TValue> : IReadOnlyDictionary<string, TValue>, IEquatable<ValueDictionary<TValue>>
{
    private readonly Dictionary<string, TValue> _map;
    private readonly string[] _keys;

    public ValueDictionary(IEnumerable<KeyValuePair<string, TValue>> entries)
    {
        _map = new Dictionary<string, TValue>(StringComparer.Ordinal);
        var keys = new List<string>();
        foreach (var (key, value) in entries)
        {
            if (!_map.ContainsKey(key))
            {
                keys.Add(key);
            }

            _map[key] = value;
        }

        _keys = [.. keys];
    }

    public static ValueDictionary<TValue> Empty { get; } = new([]);

    public int Count => _keys.Length;

    public IEnumerable<string> Keys => _keys;

    public IEnumerable<TValue> Values => _keys.Select(k => _map[k]);

    public TValue this[string key] => _map[key];

    public static ValueDictionary<TValue> From(IEnumerable<KeyValuePair<string, TValue>>? entries) => entries switch
    {
        null => Empty,
        ValueDictionary<TValue> map => map,
        _ => new ValueDictionary<TValue>(entries),
    };

    public bool ContainsKey(string key) => _map.ContainsKey(key);

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out TValue value) => _map.TryGetValue(key, out value);

    public bool Equals(ValueDictionary<TValue>? other)
    {
        if (other is null || other.Count != Count)
        {
            return false;
        }

        foreach (var (key, value) in _map)
        {
            if (!other._map.TryGetValue(key, out var otherValue) || !EqualityComparer<TValue>.Default.Equals(value, otherValue))
            {
                return false;
            }
        }

        return true;
    }

    public override bool Equals(object? obj) => obj is ValueDictionary<TValue> other && Equals(other);

    public override int GetHashCode()
    {
        // Order-independent: XOR of entry hashes.
        var hash = 0;
        foreach (var (key, value) in _map)
        {
            hash ^= HashCode.Combine(key, value);
        }

        return hash;
    }

    public IEnumerator<KeyValuePair<string, TValue>> GetEnumerator() =>
        _keys.Select(k => new KeyValuePair<string, TValue>(k, _map[k])).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public override string ToString() => $"{{{string.Join(", ", this.Select(e => $"{e.Key}={e.Value}"))}}}";
}
