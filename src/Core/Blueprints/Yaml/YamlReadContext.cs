using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Paddock.Core.Blueprints;

/// <summary>
/// Reads YAML nodes into typed values, never throwing: every wrong shape becomes an issue with the field path
/// and the node's position, and every key is recorded in the source map.
/// </summary>
internal sealed class YamlReadContext
{
    public List<BlueprintIssue> Errors { get; } = [];

    public List<BlueprintIssue> Warnings { get; } = [];

    public BlueprintSourceMap SourceMap { get; } = new();

    /// <summary>Parses the text; a syntax error becomes an issue at its position and the result is null.</summary>
    public YamlNode? Load(string yaml)
    {
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(yaml));
            if (stream.Documents.Count == 0 || IsNull(stream.Documents[0].RootNode))
            {
                Errors.Add(BlueprintIssue.Error("", "The document is empty.", new SourcePosition(1, 1)));
                return null;
            }

            if (stream.Documents.Count > 1)
            {
                Warning("", "Only the first YAML document is read; the others are ignored.", stream.Documents[1].RootNode);
            }

            return stream.Documents[0].RootNode;
        }
        catch (YamlException e)
        {
            var message = e.InnerException is { } inner && e.Message.StartsWith("(Line", StringComparison.Ordinal) ? inner.Message : e.Message;
            Errors.Add(BlueprintIssue.Error("", $"Invalid YAML: {Clean(message)}", At(e.Start)));
            return null;
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner throws this instead of a YamlException on some inputs (an unclosed flow
            // sequence before a key); point at the last place the parser still understood.
            Errors.Add(BlueprintIssue.Error("", "Invalid YAML: unexpected content.", LastGoodPosition(yaml)));
            return null;
        }
    }

    private static SourcePosition LastGoodPosition(string yaml)
    {
        var last = new SourcePosition(1, 1);
        try
        {
            var parser = new Parser(new StringReader(yaml));
            while (parser.MoveNext())
            {
                last = At(parser.Current!.End);
            }
        }
        catch (Exception e) when (e is YamlException or InvalidOperationException)
        {
            // Expected: this is the same broken text; `last` is as far as it got.
        }

        return last;
    }

    public static SourcePosition At(Mark mark) => new((int)mark.Line, (int)mark.Column);

    public static SourcePosition At(YamlNode node) => At(node.Start);

    public static bool IsNull(YamlNode node) =>
        node is YamlScalarNode { Style: ScalarStyle.Plain or ScalarStyle.Any } scalar && scalar.Value is null or "" or "~" or "null" or "Null" or "NULL";

    public void Error(string path, string message, YamlNode? node) =>
        Errors.Add(BlueprintIssue.Error(path, message, node is null ? SourceMap.Find(path) : At(node)));

    public void Warning(string path, string message, YamlNode? node) =>
        Warnings.Add(BlueprintIssue.Warning(path, message, node is null ? SourceMap.Find(path) : At(node)));

    public void Unknown(string path, YamlNode key) => Warning(path, "Unknown key; it is ignored.", key);

    public static string Child(string path, string key) => path.Length == 0 ? key : $"{path}.{key}";

    /// <summary>The entries of a mapping with each key's path recorded; a scalar key is required.</summary>
    public IEnumerable<(string Key, YamlNode Value, string Path)> Entries(YamlNode node, string path)
    {
        if (IsNull(node))
        {
            yield break;
        }

        if (node is not YamlMappingNode mapping)
        {
            Error(path, "Expected a mapping (key: value).", node);
            yield break;
        }

        foreach (var (keyNode, value) in mapping.Children)
        {
            if (keyNode is not YamlScalarNode { Value: { } key })
            {
                Error(path, "Keys must be plain strings.", keyNode);
                continue;
            }

            var childPath = Child(path, key);
            SourceMap.Add(childPath, At(keyNode));
            yield return (key, value, childPath);
        }
    }

    /// <summary>The items of a sequence with each item's path (<c>path[i]</c>) recorded.</summary>
    public IEnumerable<(YamlNode Item, string Path)> Items(YamlNode node, string path)
    {
        if (IsNull(node))
        {
            yield break;
        }

        if (node is not YamlSequenceNode sequence)
        {
            Error(path, "Expected a list.", node);
            yield break;
        }

        for (var i = 0; i < sequence.Children.Count; i++)
        {
            var itemPath = $"{path}[{i}]";
            SourceMap.Add(itemPath, At(sequence.Children[i]));
            yield return (sequence.Children[i], itemPath);
        }
    }

    public string? Scalar(YamlNode node, string path)
    {
        if (IsNull(node))
        {
            return null;
        }

        if (node is YamlScalarNode scalar)
        {
            return scalar.Value;
        }

        Error(path, "Expected a single value, not a list or mapping.", node);
        return null;
    }

    public int? Int(YamlNode node, string path)
    {
        var text = Scalar(node, path);
        if (text is null)
        {
            return null;
        }

        if (int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        Error(path, $"'{text}' is not a whole number.", node);
        return null;
    }

    public decimal? Decimal(YamlNode node, string path)
    {
        var text = Scalar(node, path);
        if (text is null)
        {
            return null;
        }

        if (decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        Error(path, $"'{text}' is not a number.", node);
        return null;
    }

    public bool? Bool(YamlNode node, string path)
    {
        var text = Scalar(node, path);
        switch (text?.ToLowerInvariant())
        {
            case null:
                return null;
            case "true" or "yes" or "on":
                return true;
            case "false" or "no" or "off":
                return false;
            default:
                Error(path, $"'{text}' is not true or false.", node);
                return null;
        }
    }

    public TimeSpan? Duration(YamlNode node, string path)
    {
        var text = Scalar(node, path);
        if (text is null)
        {
            return null;
        }

        if (Durations.TryParse(text, out var duration))
        {
            return duration;
        }

        Error(path, $"'{text}' is not a duration such as 30s, 1m30s or 500ms.", node);
        return null;
    }

    /// <summary>An enum from its kebab-case YAML word (<c>on-failure</c> -> OnFailure).</summary>
    public TEnum? Enum<TEnum>(YamlNode node, string path)
        where TEnum : struct, Enum
    {
        var text = Scalar(node, path);
        return text is null ? null : EnumText<TEnum>(text, path, node);
    }

    public TEnum? EnumText<TEnum>(string text, string path, YamlNode node)
        where TEnum : struct, Enum
    {
        foreach (var value in System.Enum.GetValues<TEnum>())
        {
            if (string.Equals(YamlWords.Of(value), text, StringComparison.OrdinalIgnoreCase))
            {
                return value;
            }
        }

        Error(path, $"'{text}' is not one of: {string.Join(", ", System.Enum.GetValues<TEnum>().Select(v => YamlWords.Of(v)))}.", node);
        return null;
    }

    /// <summary>A list of strings, or one string split into words like a shell would.</summary>
    public IReadOnlyList<string> Words(YamlNode node, string path)
    {
        if (node is YamlScalarNode && !IsNull(node))
        {
            return ShellWords.Split(Scalar(node, path) ?? "");
        }

        return Items(node, path).Select(i => Scalar(i.Item, i.Path) ?? "").ToList();
    }

    public IReadOnlyDictionary<string, string> StringMap(YamlNode node, string path) =>
        new ValueDictionary<string>(Entries(node, path).Select(e => KeyValuePair.Create(e.Key, Scalar(e.Value, e.Path) ?? "")));

    private static string Clean(string message) => message.TrimEnd('.') + ".";
}
