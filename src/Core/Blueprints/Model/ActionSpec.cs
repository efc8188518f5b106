namespace Paddock.Core.Blueprints;

/// <summary>A custom day-2 action: a command run in one service of a running stack (e.g. migrate, seed).</summary>
public sealed record ActionSpec
{
    public required string Name { get; init; }

    public required string Service { get; init; }

    public IReadOnlyList<string> Command { get; init => field = ValueList<string>.From(value); } = ValueList<string>.Empty;

    public string? Description { get; init; }
}
