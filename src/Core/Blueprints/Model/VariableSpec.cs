namespace Paddock.Core.Blueprints;

/// <summary>An input of the blueprint, referenced as <c>${name}</c> in images, commands and environment values.</summary>
public sealed record VariableSpec
{
    public required string Name { get; init; }

    public VariableType Type { get; init; } = VariableType.String;

    public string? Default { get; init; }

    public bool Required { get; init; }

    public string? Description { get; init; }

    /// <summary>The choices of an <see cref="VariableType.Enum"/> variable.</summary>
    public IReadOnlyList<string> AllowedValues { get; init => field = ValueList<string>.From(value); } = ValueList<string>.Empty;
}
