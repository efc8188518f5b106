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

/// <summary>
/// The standalone worker host's events: posted over PostgreSQL NOTIFY, which every web node listens to and fans out to
/// its hub connections and pages (see LiveChannel).
/// </summary>
internal sealed class PostgresStackEvents(Paddock.Data.Events.LiveChannel live) : IStackEvents
{
    public void Publish(StackEvent stackEvent) => live.Post(stackEvent);
}
