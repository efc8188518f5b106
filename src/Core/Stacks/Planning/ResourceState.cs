namespace Paddock.Core.Stacks;

/// <summary>What the provider reports for a resource. Networks and volumes are <see cref="Present"/>.</summary>
public enum ResourceState
{
    Unknown,
    Present,
    Created,
    Running,
    Restarting,
    Paused,
    Exited,
    Dead,
    Removing,
}
