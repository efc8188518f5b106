using Paddock.Core.Stacks;

namespace Paddock.Workers.Providers.Execution;

/// <summary>How a plan run ended. On failure, <see cref="Error"/> carries the provider's message for the first failed change.</summary>
internal sealed record ExecutionResult(bool Succeeded, IReadOnlyList<Change> Completed, Change? FailedChange = null, string? Error = null)
{
    public int Applied => Completed.Count(c => c.Action != ChangeAction.NoOp);
}
