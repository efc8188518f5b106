using System.Globalization;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Paddock.Core.Blueprints;

/// <summary>Scalar nodes for writing: strings that a YAML 1.1 reader (PyYAML in docker-compose) would take as another type are quoted.</summary>
internal static partial class YamlScalars
{
    public static YamlScalarNode Text(string value) =>
        Ambiguous().IsMatch(value) || value.Trim() != value
            ? new YamlScalarNode(value) { Style = ScalarStyle.DoubleQuoted }
            : new YamlScalarNode(value);

    public static YamlScalarNode Number(long value) => new(value.ToString(CultureInfo.InvariantCulture));

    public static YamlScalarNode Number(decimal value) => new(Normalize(value).ToString(CultureInfo.InvariantCulture));

    public static YamlScalarNode Number(double value) => new(value.ToString("R", CultureInfo.InvariantCulture));

    public static YamlScalarNode Bool(bool value) => new(value ? "true" : "false");

    public static YamlSequenceNode FlowList(IEnumerable<string> items) =>
        new(items.Select(Text)) { Style = YamlDotNet.Core.Events.SequenceStyle.Flow };

    public static YamlMappingNode Map(IEnumerable<KeyValuePair<string, string>> entries)
    {
        var map = new YamlMappingNode();
        foreach (var (key, value) in entries)
        {
            map.Add(Text(key), Text(value));
        }

        return map;
    }

    /// <summary>Drops trailing zeros so 0.50 and 0.5 print alike.</summary>
    public static decimal Normalize(decimal value) => value / 1.000000000000000000000000000000000m;

    public static string Save(YamlNode root)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        new YamlStream(new YamlDocument(root)).Save(writer, assignAnchors: false);
        var text = writer.ToString().ReplaceLineEndings("\n");
        return text.EndsWith("...\n", StringComparison.Ordinal) ? text[..^4] : text;
    }

    [GeneratedRegex(@"^(|~|null|Null|NULL|true|True|TRUE|false|False|FALSE|yes|Yes|YES|no|No|NO|on|On|ON|off|Off|OFF|y|Y|n|N|[-+]?[0-9_.]*([eE][-+]?[0-9]+)?|0x[0-9a-fA-F_]+|0o[0-7_]+|[-+]?\.(inf|Inf|INF)|\.(nan|NaN|NAN)|[-+]?[0-9][0-9_]*(:[0-5]?[0-9])+(\.[0-9_]*)?|\d{4}-\d\d?-\d\d?.*|[,\[\]{}#&*!|>'""%@`].*)$")]
    private static partial Regex Ambiguous();
}
