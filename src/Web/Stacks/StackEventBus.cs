using Paddock.Core.Stacks;
using Paddock.Web.Live;

namespace Paddock.Web.Stacks;

/// <summary>
/// Stack events from jobs running in this process go to the live hub and to this node's pages (see <see cref="LiveUpdates"/>).
/// </summary>
internal sealed class StackEventBus(LiveUpdates live) : IStackEvents
{
    public void Publish(StackEvent stackEvent) => live.Enqueue(stackEvent);
}
