using Paddock.Core.Stacks;

namespace Paddock.Core.Events;

/// <summary>The payload of every <c>stack.*</c> event: enough for a message to say what happened and link to it.</summary>
public sealed record StackEventData(
    Guid ProjectId,
    Guid StackId,
    string StackName,
    Guid EnvironmentId,
    string Status,
    Guid? OperationId = null,
    string? OperationKind = null,
    string? Detail = null,
    DateTimeOffset? ExpiresAt = null)
{
    public static OutboxMessage Message(string type, Stack stack, DateTimeOffset now, Operation? operation = null, string? detail = null) =>
        OutboxMessage.Create(stack.ProjectId, type, new StackEventData(
            stack.ProjectId, stack.Id, stack.Name, stack.EnvironmentId, stack.Status.ToString(),
            operation?.Id, operation?.Kind.ToString(), detail, stack.ExpiresAt), now);
}
