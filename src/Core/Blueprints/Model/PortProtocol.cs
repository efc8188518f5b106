namespace Paddock.Core.Blueprints;

public enum PortProtocol
{
    Tcp,
    Udp,
}
