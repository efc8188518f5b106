namespace Paddock.Core.Stacks;

/// <summary>Ordered changes for one stack, with a hash that approvals bind to. Holds no secret values.</summary>
public sealed record Plan
{
    public required PlanKind Kind { get; init; }

    public required StackIdentity Stack { get; init; }

    /// <summary>Every change, ordered by <see cref="Change.Level"/>, then by resource name.</summary>
    public required IReadOnlyList<Change> Changes { get; init; }

    public required string Hash { get; init; }

    public bool HasChanges => Changes.Any(c => c.Action != ChangeAction.NoOp);

    public IReadOnlyList<PlanLevel> Levels =>
        [.. Changes.GroupBy(c => c.Level).OrderBy(g => g.Key).Select(g => new PlanLevel(g.Key, [.. g]))];

    public int Count(ChangeAction action) => Changes.Count(c => c.Action == action);
}
