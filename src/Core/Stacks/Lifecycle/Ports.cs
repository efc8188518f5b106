namespace Paddock.Core.Stacks;

/// <summary>Hands an operation to the job queue (Hangfire in Workers).</summary>
public interface IOperationQueue
{
    Task EnqueueAsync(Guid operationId, CancellationToken ct);
}

/// <summary>Reads what actually runs, for plans shown before an operation and for the stack page (the Docker provider in Workers).</summary>
public interface IStackRuntime
{
    Task<ObservedState> ObserveAsync(StackIdentity stack, CancellationToken ct);

    IAsyncEnumerable<string> StreamLogsAsync(StackIdentity stack, string resource, bool follow, int? tail, CancellationToken ct);
}

/// <summary>Tells live pages that a stack or operation changed (in-process bus; SignalR hub for integrations).</summary>
public interface IStackEvents
{
    void Publish(StackEvent stackEvent);
}

public sealed record StackEvent(Guid ProjectId, Guid StackId, Guid? OperationId, string Kind, string? Message = null);
