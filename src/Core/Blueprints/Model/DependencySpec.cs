namespace Paddock.Core.Blueprints;

public sealed record DependencySpec(string Service, DependencyCondition Condition = DependencyCondition.Started);
