namespace Paddock.Core.Blueprints;

/// <summary>What happened to one service; <see cref="Fields"/> are paths inside the service (<c>image</c>, <c>environment.LOG_LEVEL</c>).</summary>
public sealed record ServiceDiff(string Service, ChangeKind Kind, IReadOnlyList<FieldChange> Fields);
