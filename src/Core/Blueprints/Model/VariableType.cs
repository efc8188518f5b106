namespace Paddock.Core.Blueprints;

// CA1720: the members mirror the YAML type words (string, int, bool...), which is what authors read.
#pragma warning disable CA1720
public enum VariableType
{
    String,
    Int,
    Bool,
    Enum,

    /// <summary>A string that is injected only at run time and never logged or shown.</summary>
    Secret,
}
#pragma warning restore CA1720
