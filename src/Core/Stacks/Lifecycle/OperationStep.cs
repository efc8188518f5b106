namespace Paddock.Core.Stacks;

/// <summary>One line of an operation's step log, written as the job runs.</summary>
public sealed class OperationStep
{
    private OperationStep()
    {
    }

    public long Id { get; private set; }

    public Guid OperationId { get; private set; }

    public DateTimeOffset At { get; private set; }

    public int Level { get; private set; }

    public string Resource { get; private set; } = "";

    public ChangeAction Action { get; private set; }

    /// <summary>Started, Succeeded, Failed, Skipped, Waiting.</summary>
    public string Status { get; private set; } = "";

    public string Message { get; private set; } = "";

    public static OperationStep Create(Guid operationId, DateTimeOffset at, int level, string resource, ChangeAction action, string status, string message) =>
        new() { OperationId = operationId, At = at, Level = level, Resource = resource, Action = action, Status = status, Message = message };
}
