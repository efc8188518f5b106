namespace Paddock.Core.Blueprints;

public readonly record struct LayoutPosition(double X, double Y);
