namespace Paddock.Core.Stacks;

public enum ResourceKind
{
    Network,
    Volume,
    Container,
}
