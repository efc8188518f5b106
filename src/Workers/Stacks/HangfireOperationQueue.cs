using Hangfire;
using Paddock.Core.Stacks;

namespace Paddock.Workers.Stacks;

internal sealed class HangfireOperationQueue(IBackgroundJobClient jobs) : IOperationQueue
{
    public Task EnqueueAsync(Guid operationId, CancellationToken ct)
    {
        // The job gets the id only; it re-reads everything, so a retry sees the current state.
        jobs.Enqueue<RunOperationJob>("critical", job => job.RunAsync(operationId, CancellationToken.None));
        return Task.CompletedTask;
    }
}
