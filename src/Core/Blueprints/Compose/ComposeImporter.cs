using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace Paddock.Core.Blueprints;

/// <summary>
/// Makes a blueprint from a docker-compose file. Interpolated values become blueprint variables, and every key
/// that cannot be carried over is reported as a warning with its path: nothing is dropped silently.
/// </summary>
public static partial class ComposeImporter
{
    public static ComposeImportResult Import(string composeYaml)
    {
        var yaml = new YamlReadContext();
        var root = yaml.Load(composeYaml);
        if (root is null)
        {
            return new ComposeImportResult { Errors = yaml.Errors, Warnings = yaml.Warnings };
        }

        var variables = new ComposeInterpolation(yaml);
        var spec = new BlueprintSpec();
        var declaredVolumes = new HashSet<string>(StringComparer.Ordinal);
        YamlNode? servicesNode = null;
        foreach (var (key, value, path) in yaml.Entries(root, ""))
        {
            switch (key)
            {
                case "services": servicesNode = value; break;
                case "name": spec = spec with { Name = yaml.Scalar(value, path) }; break;
                case "version": yaml.Warning(path, "The compose file version is not carried over; it has no meaning in a blueprint.", value); break;
                case "volumes":
                    foreach (var (volume, options, vp) in yaml.Entries(value, path))
                    {
                        declaredVolumes.Add(volume);
                        foreach (var (option, v, op) in yaml.Entries(options, vp))
                        {
                            yaml.Warning(op, $"Volume option '{option}' is not carried over; Paddock creates plain local volumes.", v);
                        }
                    }

                    break;
                case "networks": yaml.Warning(path, "Paddock puts each stack on one network of its own; networks are not carried over.", value); break;
                case var x when x.StartsWith("x-", StringComparison.Ordinal):
                    yaml.Warning(path, "Extension fields are not carried over (anchors defined here still apply).", value);
                    break;
                default: yaml.Warning(path, $"Top-level '{key}' is not supported by Paddock blueprints; it is not carried over.", value); break;
            }
        }

        if (servicesNode is null)
        {
            yaml.Error("services", "The compose file has no services.", root);
            return new ComposeImportResult { Errors = yaml.Errors, Warnings = yaml.Warnings };
        }

        var entries = yaml.Entries(servicesNode, "services").ToList();
        var names = RenameServices(entries.Select(e => (e.Key, e.Path, e.Value)), yaml);
        var reader = new ComposeServiceReader(yaml, variables, names);
        var services = entries.Select(e => reader.Read(e.Key, e.Value, e.Path)).ToList();
        for (var s = 0; s < services.Count; s++)
        {
            for (var v = 0; v < services[s].Volumes.Count; v++)
            {
                var volume = services[s].Volumes[v];
                if (volume.Type == VolumeType.Volume && !declaredVolumes.Contains(volume.Source))
                {
                    yaml.Warning($"{entries[s].Path}.volumes[{v}]", $"The volume '{volume.Source}' is not declared under top-level volumes; Paddock creates it.", null);
                }
            }
        }

        spec = spec with { Variables = variables.Variables, Services = services };
        return new ComposeImportResult
        {
            Spec = yaml.Errors.Count == 0 ? spec : null,
            Errors = yaml.Errors,
            Warnings = yaml.Warnings,
        };
    }

    /// <summary>Compose allows names blueprints do not (upper case, underscores); map each to a valid one.</summary>
    private static Dictionary<string, string> RenameServices(IEnumerable<(string Name, string Path, YamlNode Node)> services, YamlReadContext yaml)
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, path, node) in services)
        {
            var valid = InvalidNameCharacters().Replace(name.ToLowerInvariant().Replace('_', '-').Replace('.', '-'), "").TrimStart('-', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9');
            valid = valid.Length == 0 ? "service" : valid[..Math.Min(valid.Length, 40)].TrimEnd('-');
            if (valid != name)
            {
                yaml.Warning(path, $"The service '{name}' is renamed '{valid}': service names use lower-case letters, digits and dashes.", node);
            }

            names[name] = valid;
        }

        return names;
    }

    /// <summary>Applies YAML merge keys (<c>&lt;&lt;: *defaults</c>), which the representation model leaves as plain keys.</summary>
    internal static YamlNode Merged(YamlNode node)
    {
        if (node is not YamlMappingNode mapping || !mapping.Children.Keys.Any(IsMergeKey))
        {
            return node;
        }

        var merged = new YamlMappingNode();
        foreach (var (key, value) in mapping.Children.Where(c => IsMergeKey(c.Key)))
        {
            var sources = value is YamlSequenceNode list ? list.Children : [value];
            foreach (var source in sources.OfType<YamlMappingNode>())
            {
                foreach (var (k, v) in source.Children)
                {
                    merged.Children[k] = v;
                }
            }
        }

        foreach (var (key, value) in mapping.Children.Where(c => !IsMergeKey(c.Key)))
        {
            merged.Children[key] = value;
        }

        return merged;
    }

    private static bool IsMergeKey(YamlNode key) => key is YamlScalarNode { Value: "<<" };

    [GeneratedRegex("[^a-z0-9-]")]
    private static partial Regex InvalidNameCharacters();
}
