namespace Paddock.Core.Events;

/// <summary>
/// Pushes a live message to the members watching a project (and a stack, when given): the SignalR hub for browsers
/// and integrations, and the pages of this node. Best effort and immediate; durable delivery is the outbox's job.
/// </summary>
public interface ILiveUpdates
{
    /// <param name="kind">A dotted name, for example <c>approval.requested</c> or <c>budget.threshold-crossed</c>.</param>
    /// <param name="payload">Serialised as JSON under <c>data</c>; never put secrets in it.</param>
    Task PublishAsync(Guid projectId, Guid? stackId, string kind, object? payload, CancellationToken ct = default);
}

/// <summary>What the hub sends (method <c>live</c>) and what pages receive.</summary>
public sealed record LiveMessage(string Kind, Guid ProjectId, Guid? StackId, Guid? OperationId, DateTimeOffset At, object? Data);
