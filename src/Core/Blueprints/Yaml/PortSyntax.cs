using System.Globalization;

namespace Paddock.Core.Blueprints;

/// <summary>The short port form <c>[host_ip:][host:]container[/tcp|udp]</c>, as in docker run -p.</summary>
internal static class PortSyntax
{
    public static bool TryParse(string text, out PortSpec port, out string? error)
    {
        port = null!;
        error = null;
        var protocol = PortProtocol.Tcp;
        var slash = text.LastIndexOf('/');
        if (slash >= 0)
        {
            switch (text[(slash + 1)..].ToLowerInvariant())
            {
                case "tcp": break;
                case "udp": protocol = PortProtocol.Udp; break;
                default: error = $"Unknown protocol '{text[(slash + 1)..]}'; use tcp or udp."; return false;
            }

            text = text[..slash];
        }

        var parts = text.Split(':');
        string? hostIp = null;
        string? host = null;
        string container;
        switch (parts.Length)
        {
            case 1: container = parts[0]; break;
            case 2: host = parts[0]; container = parts[1]; break;
            case 3: hostIp = parts[0]; host = parts[1]; container = parts[2]; break;
            default: error = $"'{text}' is not a port such as 8080:80/tcp."; return false;
        }

        if (!int.TryParse(container, NumberStyles.None, CultureInfo.InvariantCulture, out var containerPort))
        {
            error = $"'{container}' is not a port number.";
            return false;
        }

        int? hostPort = null;
        if (!string.IsNullOrEmpty(host))
        {
            if (!int.TryParse(host, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
            {
                error = $"'{host}' is not a port number.";
                return false;
            }

            hostPort = parsed;
        }

        port = new PortSpec { ContainerPort = containerPort, HostPort = hostPort, Protocol = protocol, HostIp = string.IsNullOrEmpty(hostIp) ? null : hostIp };
        return true;
    }

    public static string Format(PortSpec port)
    {
        var text = port.ContainerPort.ToString(CultureInfo.InvariantCulture);
        if (port.HostIp is not null)
        {
            text = $"{port.HostIp}:{port.HostPort?.ToString(CultureInfo.InvariantCulture)}:{text}";
        }
        else if (port.HostPort is { } host)
        {
            text = $"{host.ToString(CultureInfo.InvariantCulture)}:{text}";
        }

        return $"{text}/{YamlWords.Of(port.Protocol)}";
    }
}
