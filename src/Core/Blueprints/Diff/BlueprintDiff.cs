using System.Text.Json.Nodes;

namespace Paddock.Core.Blueprints;

/// <summary>Compares two blueprint versions field by field (over their canonical form) and as YAML text.</summary>
public static class BlueprintDiff
{
    public static BlueprintDiffResult Compare(BlueprintSpec a, BlueprintSpec b)
    {
        var before = BlueprintCanonicalJson.ToNode(a);
        var after = BlueprintCanonicalJson.ToNode(b);
        var services = new List<ServiceDiff>();
        var beforeServices = before["services"]!.AsObject();
        var afterServices = after["services"]!.AsObject();
        foreach (var name in Names(beforeServices, afterServices))
        {
            var fields = Fields(beforeServices[name], afterServices[name], "");
            if (!beforeServices.ContainsKey(name))
            {
                services.Add(new ServiceDiff(name, ChangeKind.Added, fields));
            }
            else if (!afterServices.ContainsKey(name))
            {
                services.Add(new ServiceDiff(name, ChangeKind.Removed, fields));
            }
            else if (fields.Count > 0)
            {
                services.Add(new ServiceDiff(name, ChangeKind.Changed, fields));
            }
        }

        var other = new List<FieldChange>();
        foreach (var section in new[] { "name", "description", "environments", "actions" })
        {
            other.AddRange(Fields(before[section], after[section], section));
        }

        return new BlueprintDiffResult
        {
            Services = services,
            Variables = Fields(before["variables"], after["variables"], "variables"),
            Other = other,
            UnifiedDiff = LineDiff.Unified(BlueprintYaml.Write(a), BlueprintYaml.Write(b), "a/blueprint.yaml", "b/blueprint.yaml"),
        };
    }

    private static List<FieldChange> Fields(JsonNode? before, JsonNode? after, string prefix)
    {
        var left = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var right = new SortedDictionary<string, string>(StringComparer.Ordinal);
        Flatten(before, prefix, left);
        Flatten(after, prefix, right);
        var changes = new List<FieldChange>();
        foreach (var path in left.Keys.Union(right.Keys).Order(StringComparer.Ordinal))
        {
            var hasBefore = left.TryGetValue(path, out var was);
            var hasAfter = right.TryGetValue(path, out var now);
            if (!hasBefore)
            {
                changes.Add(new FieldChange(path, ChangeKind.Added, null, now));
            }
            else if (!hasAfter)
            {
                changes.Add(new FieldChange(path, ChangeKind.Removed, was, null));
            }
            else if (was != now)
            {
                changes.Add(new FieldChange(path, ChangeKind.Changed, was, now));
            }
        }

        return changes;
    }

    private static void Flatten(JsonNode? node, string path, IDictionary<string, string> leaves)
    {
        switch (node)
        {
            case null:
                break;
            case JsonObject obj:
                foreach (var (key, value) in obj)
                {
                    Flatten(value, path.Length == 0 ? key : $"{path}.{key}", leaves);
                }

                break;
            case JsonArray array:
                if (array.Count > 0)
                {
                    leaves[path] = $"[{string.Join(", ", array.Select(Text))}]";
                }

                break;
            default:
                leaves[path] = Text(node);
                break;
        }
    }

    private static string Text(JsonNode? node) => node switch
    {
        null => "null",
        JsonValue value when value.TryGetValue<string>(out var text) => text,
        _ => node.ToJsonString(),
    };

    private static IEnumerable<string> Names(JsonObject a, JsonObject b) =>
        a.Select(p => p.Key).Union(b.Select(p => p.Key));
}
