using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Paddock.Core.Blueprints;

namespace Paddock.Core.Stacks;

/// <summary>
/// Content hashes of resources over a canonical JSON form of what the engine receives. Secret values enter only as
/// a salted SHA-256 digest, so a changed secret changes the hash while the hash input itself never holds the secret.
/// </summary>
internal static class SpecHasher
{
    /// <summary>Bump when the canonical form changes meaning, so every resource is re-created once.</summary>
    private const int FormatVersion = 1;

    public static (string Hash, IReadOnlyDictionary<string, string> Fields) Container(
        StackIdentity stack, ContainerSpec spec, IReadOnlyDictionary<string, string> secretValues)
    {
        var environment = new JsonObject();
        foreach (var (key, value) in spec.Environment)
        {
            environment[key] = spec.SecretKeys.Contains(key)
                ? SecretDigest(stack, key, secretValues.GetValueOrDefault(key, ""))
                : value;
        }

        var fields = new JsonObject
        {
            ["image"] = spec.Image,
            ["command"] = List(spec.Command),
            ["entrypoint"] = List(spec.Entrypoint),
            ["environment"] = environment,
            ["ports"] = List(spec.Ports.Select(PortSyntax.Format)),
            ["volumes"] = new JsonArray([.. spec.Volumes.Select(v => BlueprintCanonicalJson.Volume(v))]),
            ["healthcheck"] = BlueprintCanonicalJson.HealthCheck(spec.HealthCheck),
            ["limits"] = new JsonObject
            {
                ["cpu"] = spec.Cpu is { } cpu ? YamlScalars.Normalize(cpu) : null,
                ["memory"] = spec.Memory?.Bytes,
            },
            ["restart"] = spec.Restart is { } restart ? YamlWords.Of(restart) : null,
            ["labels"] = new JsonObject(spec.Labels.Select(l => KeyValuePair.Create(l.Key, (JsonNode?)l.Value))),
            ["network_alias"] = spec.NetworkAlias,
        };

        var fieldHashes = fields
            .Where(f => f.Value is not null)
            .Select(f => KeyValuePair.Create(f.Key, Sha256(BlueprintCanonicalJson.Serialize(f.Value!))[..8]))
            .OrderBy(f => f.Key, StringComparer.Ordinal);
        fields["kind"] = "container";
        fields["format"] = FormatVersion;
        return (Sha256(BlueprintCanonicalJson.Serialize(fields)), new ValueDictionary<string>(fieldHashes));
    }

    public static string Network() => Sha256(BlueprintCanonicalJson.Serialize(new JsonObject
    {
        ["kind"] = "network",
        ["driver"] = "bridge",
        ["format"] = FormatVersion,
    }));

    public static string Volume(string name) => Sha256(BlueprintCanonicalJson.Serialize(new JsonObject
    {
        ["kind"] = "volume",
        ["name"] = name,
        ["format"] = FormatVersion,
    }));

    public static string Sha256(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    private static string SecretDigest(StackIdentity stack, string key, string value) =>
        "secret:" + Sha256($"{stack.Id:N}\n{key}\n{value}");

    private static JsonArray List(IEnumerable<string> items) => new([.. items.Select(i => (JsonNode)JsonValue.Create(i))]);
}
