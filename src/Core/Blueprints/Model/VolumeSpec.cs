namespace Paddock.Core.Blueprints;

public sealed record VolumeSpec
{
    public VolumeType Type { get; init; } = VolumeType.Volume;

    /// <summary>The volume name, or the host path of a bind.</summary>
    public required string Source { get; init; }

    public required string Target { get; init; }

    public bool ReadOnly { get; init; }

    /// <summary>Binds reach into the host's file system; policies may forbid them.</summary>
    public bool IsUnsafe => Type == VolumeType.Bind;
}
