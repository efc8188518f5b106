namespace Paddock.Core.Blueprints;

public enum VolumeType
{
    /// <summary>A named volume owned by the stack.</summary>
    Volume,

    /// <summary>A host path mounted into the container: unsafe, it exposes the host.</summary>
    Bind,
}
