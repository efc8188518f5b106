namespace Paddock.Core.Blueprints;

/// <summary>A 1-based line and column in a YAML text.</summary>
public readonly record struct SourcePosition(int Line, int Column);
