namespace Paddock.Core.Blueprints;

/// <summary>
/// A problem found in a blueprint or compose file. <see cref="Path"/> names the field
/// (e.g. <c>services.api.ports[1].host</c>); line and column are 1-based and known when the input was YAML.
/// </summary>
public sealed record BlueprintIssue(string Path, string Message, IssueSeverity Severity = IssueSeverity.Error, int? Line = null, int? Column = null)
{
    public static BlueprintIssue Error(string path, string message, SourcePosition? at = null) =>
        new(path, message, IssueSeverity.Error, at?.Line, at?.Column);

    public static BlueprintIssue Warning(string path, string message, SourcePosition? at = null) =>
        new(path, message, IssueSeverity.Warning, at?.Line, at?.Column);

    public override string ToString() =>
        $"{(Line is null ? "" : $"({Line},{Column}) ")}{Severity.ToString().ToUpperInvariant()} {Path}: {Message}";
}
