namespace Paddock.Core.Blueprints;

public enum IssueSeverity
{
    Error,
    Warning,
}
