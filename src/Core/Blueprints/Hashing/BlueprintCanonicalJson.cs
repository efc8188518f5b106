using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Paddock.Core.Blueprints;

/// <summary>
/// One JSON text per meaning: every field explicit, named things (services, variables, environments, actions,
/// dependencies, maps) as objects, object keys sorted ordinally, numbers normalised. Layout is not part of it.
/// </summary>
public static class BlueprintCanonicalJson
{
    public static string Serialize(BlueprintSpec spec) => Serialize(ToNode(spec));

    public static string Serialize(JsonNode node)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            Write(writer, node);
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    public static JsonObject ToNode(BlueprintSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return new JsonObject
        {
            ["name"] = spec.Name,
            ["description"] = spec.Description,
            ["variables"] = Named(spec.Variables, v => v.Name, Variable),
            ["services"] = Named(spec.Services, s => s.Name, Service),
            ["environments"] = Named(spec.Environments, e => e.Name, e => new JsonObject
            {
                ["variables"] = Map(e.Variables),
                ["services"] = Named(e.Services, s => s.Service, s => new JsonObject
                {
                    ["replicas"] = s.Replicas,
                    ["instance_type"] = s.InstanceType,
                    ["image"] = s.Image,
                    ["environment"] = Map(s.Environment),
                }),
            }),
            ["actions"] = Named(spec.Actions, a => a.Name, a => new JsonObject
            {
                ["service"] = a.Service,
                ["command"] = List(a.Command),
                ["description"] = a.Description,
            }),
        };
    }

    public static JsonObject Service(ServiceSpec s)
    {
        ArgumentNullException.ThrowIfNull(s);
        return new JsonObject
        {
            ["kind"] = YamlWords.Of(s.Kind),
            ["image"] = s.Image,
            ["machine_image"] = s.MachineImage,
            ["instance_type"] = s.InstanceType,
            ["build"] = s.Build,
            ["command"] = List(s.Command),
            ["entrypoint"] = List(s.Entrypoint),
            ["environment"] = Map(s.Environment),
            ["ports"] = List(s.Ports.Select(PortSyntax.Format)),
            ["volumes"] = new JsonArray([.. s.Volumes.Select(v => Volume(v))]),
            ["depends_on"] = new JsonObject(s.DependsOn.Select(d => KeyValuePair.Create(d.Service, (JsonNode?)YamlWords.Of(d.Condition)))),
            ["healthcheck"] = HealthCheck(s.HealthCheck),
            ["replicas"] = s.Replicas,
            ["cpu"] = s.Cpu is { } cpu ? YamlScalars.Normalize(cpu) : null,
            ["memory"] = s.Memory?.Bytes,
            ["restart"] = s.Restart is { } restart ? YamlWords.Of(restart) : null,
            ["labels"] = Map(s.Labels),
        };
    }

    /// <summary>A health check as both the blueprint hash and the container spec hash see it: one form, so both agree.</summary>
    internal static JsonObject? HealthCheck(HealthCheckSpec? h) => h is null ? null : new JsonObject
    {
        ["command"] = List(h.Command),
        ["http_path"] = h.HttpPath,
        ["http_port"] = h.HttpPort,
        ["interval"] = Durations.Format(h.Interval),
        ["timeout"] = Durations.Format(h.Timeout),
        ["retries"] = h.Retries,
        ["start_period"] = Durations.Format(h.StartPeriod),
    };

    internal static JsonObject Volume(VolumeSpec v) => new()
    {
        ["type"] = YamlWords.Of(v.Type),
        ["source"] = v.Source,
        ["target"] = v.Target,
        ["read_only"] = v.ReadOnly,
    };

    private static JsonObject Variable(VariableSpec v) => new()
    {
        ["type"] = YamlWords.Of(v.Type),
        ["default"] = v.Default,
        ["required"] = v.Required,
        ["description"] = v.Description,
        ["allowed_values"] = List(v.AllowedValues),
    };

    private static JsonObject Named<T>(IEnumerable<T> items, Func<T, string> name, Func<T, JsonNode> node)
    {
        var result = new JsonObject();
        foreach (var item in items)
        {
            // Duplicate names are a validation error; the last one wins here so hashing never throws.
            result[name(item)] = node(item);
        }

        return result;
    }

    private static JsonArray List(IEnumerable<string> items) => new([.. items.Select(i => (JsonNode)JsonValue.Create(i))]);

    private static JsonObject Map(IReadOnlyDictionary<string, string> map) =>
        new(map.Select(e => KeyValuePair.Create(e.Key, (JsonNode?)JsonValue.Create(e.Value))));

    private static void Write(Utf8JsonWriter writer, JsonNode? node)
    {
        switch (node)
        {
            case null:
                writer.WriteNullValue();
                break;
            case JsonObject obj:
                writer.WriteStartObject();
                foreach (var (key, value) in obj.Where(p => p.Value is not null).OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    writer.WritePropertyName(key);
                    Write(writer, value);
                }

                writer.WriteEndObject();
                break;
            case JsonArray array:
                writer.WriteStartArray();
                foreach (var item in array)
                {
                    Write(writer, item);
                }

                writer.WriteEndArray();
                break;
            default:
                node.WriteTo(writer);
                break;
        }
    }
}
