namespace Paddock.Core.Stacks;

public enum ChangeAction
{
    NoOp,
    Create,

    /// <summary>An in-place change: the spec matches, the resource only needs starting again.</summary>
    Update,

    /// <summary>The spec differs: remove and create again (containers are immutable).</summary>
    Replace,
    Delete,
    Start,
    Stop,
    Restart,
}
