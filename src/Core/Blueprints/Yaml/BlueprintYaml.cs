namespace Paddock.Core.Blueprints;

/// <summary>The <c>paddock/v1</c> YAML form of a blueprint (see docs/blueprint-format.md).</summary>
public static class BlueprintYaml
{
    public const string ApiVersion = "paddock/v1";

    public const string Kind = "Blueprint";

    /// <summary>Reads a blueprint. Never throws: malformed YAML and wrong shapes come back as errors with line and column.</summary>
    public static BlueprintParseResult Parse(string yaml) => new BlueprintYamlReader().Read(yaml);

    /// <summary>Writes the canonical form; <c>Parse(Write(spec)).Spec</c> equals <paramref name="spec"/>. The layout, when given, goes under <c>layout:</c>.</summary>
    public static string Write(BlueprintSpec spec, BlueprintLayout? layout = null) => BlueprintYamlWriter.Write(spec, layout);
}
