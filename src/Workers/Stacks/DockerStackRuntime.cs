using Paddock.Core.Stacks;
using Paddock.Workers.Providers;

namespace Paddock.Workers.Stacks;

/// <summary>The read side of the engine for pages and plan previews.</summary>
internal sealed class DockerStackRuntime(IStackProvider provider) : IStackRuntime
{
    public Task<ObservedState> ObserveAsync(StackIdentity stack, CancellationToken ct) => provider.ObserveAsync(stack, ct);

    public IAsyncEnumerable<string> StreamLogsAsync(StackIdentity stack, string resource, bool follow, int? tail, CancellationToken ct) =>
        provider.StreamLogsAsync(stack, resource, follow, tail, ct);
}

/// <summary>Where nobody listens (the standalone worker host): pages on web nodes refresh from the database.</summary>
internal sealed class NoStackEvents : IStackEvents
{
    public void Publish(StackEvent stackEvent)
    {
    }
}
