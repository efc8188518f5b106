using Paddock.Core.Stacks;

namespace Paddock.Web.Stacks;

/// <summary>
/// In-process fan-out of stack events to the live pages of this web node (jobs run in this process in the embedded
/// mode). Pages also refresh from the database while an operation is active, so a job on another node shows up too.
/// </summary>
internal sealed class StackEventBus : IStackEvents
{
    public event Action<StackEvent>? Published;

    public void Publish(StackEvent stackEvent) => Published?.Invoke(stackEvent);
}
