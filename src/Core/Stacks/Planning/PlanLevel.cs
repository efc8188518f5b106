namespace Paddock.Core.Stacks;

public sealed record PlanLevel(int Index, IReadOnlyList<Change> Changes);
