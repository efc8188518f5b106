namespace Paddock.Core.Blueprints;

/// <summary>A published port. Without a host port the engine picks a free one.</summary>
public sealed record PortSpec
{
    public required int ContainerPort { get; init; }

    public int? HostPort { get; init; }

    public PortProtocol Protocol { get; init; } = PortProtocol.Tcp;

    /// <summary>The host address to bind, e.g. <c>127.0.0.1</c>; all addresses when null.</summary>
    public string? HostIp { get; init; }
}
