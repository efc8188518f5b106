using Paddock.Core.Stacks;

namespace Paddock.Workers.Providers.Execution;

/// <summary>One line of an operation's step log.</summary>
public sealed record StepEvent(DateTimeOffset At, int Level, string Resource, ChangeAction Action, StepStatus Status, string Message)
{
    public override string ToString() => $"L{Level} {Action} {Resource} {Status}: {Message}";
}
