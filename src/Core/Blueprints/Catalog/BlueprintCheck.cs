namespace Paddock.Core.Blueprints.Catalog;

/// <summary>Parse and validate in one step: what the editor shows live and what saving enforces.</summary>
public sealed record BlueprintCheck(BlueprintSpec? Spec, BlueprintLayout Layout, IReadOnlyList<BlueprintIssue> Issues)
{
    public bool IsValid => Spec is not null && Issues.All(i => i.Severity != IssueSeverity.Error);

    public IEnumerable<BlueprintIssue> Errors => Issues.Where(i => i.Severity == IssueSeverity.Error);

    public static BlueprintCheck Run(string? yaml)
    {
        if (string.IsNullOrWhiteSpace(yaml))
        {
            return new(null, BlueprintLayout.Empty, [BlueprintIssue.Error("", "The blueprint is empty.")]);
        }

        var parsed = BlueprintYaml.Parse(yaml);
        if (parsed.Spec is null || parsed.Errors.Count > 0)
        {
            return new(parsed.Spec, parsed.Layout, [.. parsed.Errors, .. parsed.Warnings]);
        }

        var issues = BlueprintValidator.Validate(parsed.Spec, parsed.SourceMap);
        return new(parsed.Spec, parsed.Layout, [.. issues, .. parsed.Warnings]);
    }

    /// <summary>Errors as field errors: the path names the field, the message carries the line and column.</summary>
    public Common.ValidationError ToValidationError() =>
        new(Errors.Select(e => new Common.FieldError(
            string.IsNullOrEmpty(e.Path) ? "yaml" : e.Path,
            e.Line is { } line ? $"{e.Message} (line {line}, column {e.Column})" : e.Message)).ToArray());
}
