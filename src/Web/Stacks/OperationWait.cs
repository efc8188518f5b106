using Paddock.Core.Common;
using Paddock.Core.Stacks;
using Paddock.Web.Live;

namespace Paddock.Web.Stacks;

/// <summary>
/// Holds a read of an operation until it has ended (succeeded, failed, was cancelled or rejected) or the wait is over, so
/// an integration follows its change with one request instead of polling. It wakes on the operation's status messages on
/// this node (from its own jobs and, over NOTIFY, from other nodes and worker hosts) and re-reads every second as well, so
/// a lost message costs at most a second.
/// </summary>
internal sealed class OperationWait(LiveUpdates live, TimeProvider time)
{
    public const int MaxSeconds = 120;

    private static readonly TimeSpan Recheck = TimeSpan.FromSeconds(1);

    public async Task<Result<OperationDto>> ReadAsync(Guid stackId, Guid operationId, TimeSpan wait,
        Func<CancellationToken, Task<Result<OperationDto>>> read, CancellationToken ct)
    {
        using var woken = new SemaphoreSlim(0);
        using var subscription = live.Subscribe(LiveGroups.Stack(stackId), message =>
        {
            if (message.OperationId == operationId && message.Kind == "operation.status")
            {
                woken.Release();
            }

            return Task.CompletedTask;
        });
        var started = time.GetTimestamp();
        while (true)
        {
            var result = await read(ct);
            var left = wait - time.GetElapsedTime(started);
            if (!result.IsSuccess || !Operation.IsActiveStatus(result.Value.Status) || left <= TimeSpan.Zero)
            {
                return result;
            }

            await woken.WaitAsync(left < Recheck ? left : Recheck, ct);
        }
    }
}
