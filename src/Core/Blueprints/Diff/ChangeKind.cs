namespace Paddock.Core.Blueprints;

public enum ChangeKind
{
    Added,
    Removed,
    Changed,
}
