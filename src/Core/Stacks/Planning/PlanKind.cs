namespace Paddock.Core.Stacks;

/// <summary>What an operation asks for. <see cref="Apply"/> converges to the blueprint; the others act on what runs.</summary>
public enum PlanKind
{
    Apply,
    Start,
    Stop,
    Restart,
    Destroy,
}
