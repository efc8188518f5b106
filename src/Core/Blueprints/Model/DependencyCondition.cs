namespace Paddock.Core.Blueprints;

public enum DependencyCondition
{
    Started,
    Healthy,
}
