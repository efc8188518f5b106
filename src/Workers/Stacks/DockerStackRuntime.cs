using Paddock.Core.Stacks;
using Paddock.Workers.Providers;

namespace Paddock.Workers.Stacks;

/// <summary>The read side of the engine for pages and plan previews.</summary>
internal sealed class DockerStackRuntime(IStackProviders providers) : IStackRuntime
{
    public async Task<ObservedState> ObserveAsync(StackIdentity stack, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(stack);
        return await (await providers.ForStackAsync(stack.Id, ct)).ObserveAsync(stack, ct);
    }

    public async IAsyncEnumerable<string> StreamLogsAsync(StackIdentity stack, string resource, bool follow, int? tail,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(stack);
        var provider = await providers.ForStackAsync(stack.Id, ct);
        await foreach (var line in provider.StreamLogsAsync(stack, resource, follow, tail, ct))
        {
            yield return line;
        }
    }
}

/// <summary>
/// The standalone worker host's events: posted over PostgreSQL NOTIFY, which every web node listens to and fans out to
/// its hub connections and pages (see LiveChannel).
/// </summary>
internal sealed class PostgresStackEvents(Paddock.Data.Events.LiveChannel live) : IStackEvents
{
    public void Publish(StackEvent stackEvent) => live.Post(stackEvent);
}
