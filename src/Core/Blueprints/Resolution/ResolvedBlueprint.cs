namespace Paddock.Core.Blueprints;

/// <summary>A blueprint made concrete for one environment and one set of inputs, ready for the planner.</summary>
public sealed record ResolvedBlueprint
{
    public const string Mask = "********";

    public string? Environment { get; init; }

    public required IReadOnlyList<ResolvedService> Services { get; init; }

    /// <summary>Every variable's final value; secret ones are masked (their values exist only in the services).</summary>
    public required IReadOnlyDictionary<string, string> Values { get; init; }

    public IReadOnlyList<ActionSpec> Actions { get; init; } = [];

    public ResolvedService? FindService(string name) => Services.FirstOrDefault(s => s.Name == name);
}
