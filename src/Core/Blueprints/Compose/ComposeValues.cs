using System.Globalization;
using System.Text.RegularExpressions;

namespace Paddock.Core.Blueprints;

/// <summary>Compose's own value syntaxes: byte sizes (<c>512m</c>, 1024-based) and port specs with ranges.</summary>
internal static partial class ComposeValues
{
    public static bool TryParseBytes(string text, out MemorySize size)
    {
        size = default;
        var match = Bytes().Match(text.Trim());
        if (!match.Success)
        {
            return false;
        }

        var factor = match.Groups[2].Value.ToLowerInvariant() switch
        {
            "k" or "kb" => 1L << 10,
            "m" or "mb" => 1L << 20,
            "g" or "gb" => 1L << 30,
            _ => 1L,
        };
        size = new MemorySize((long)(decimal.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) * factor));
        return true;
    }

    /// <summary>Compose writes sizes with lower-case binary units.</summary>
    public static string FormatBytes(MemorySize size) =>
        size.Bytes switch
        {
            var b when b != 0 && b % (1L << 30) == 0 => $"{b >> 30}g",
            var b when b != 0 && b % (1L << 20) == 0 => $"{b >> 20}m",
            var b when b != 0 && b % (1L << 10) == 0 => $"{b >> 10}k",
            var b => $"{b}b",
        };

    /// <summary>Expands <c>[ip:][host[-end]:]container[-end][/proto]</c> into single ports.</summary>
    public static bool TryParsePorts(string text, out List<PortSpec> ports, out string? warning, out string? error)
    {
        ports = [];
        warning = null;
        error = null;
        var protocol = PortProtocol.Tcp;
        var slash = text.LastIndexOf('/');
        if (slash >= 0)
        {
            var word = text[(slash + 1)..].ToLowerInvariant();
            if (word is not ("tcp" or "udp"))
            {
                error = $"Protocol '{word}' is not supported; use tcp or udp.";
                return false;
            }

            protocol = word == "udp" ? PortProtocol.Udp : PortProtocol.Tcp;
            text = text[..slash];
        }

        var cut = text.LastIndexOf(':');
        var container = cut < 0 ? text : text[(cut + 1)..];
        var rest = cut < 0 ? "" : text[..cut];
        var ipCut = rest.LastIndexOf(':');
        var host = ipCut < 0 ? rest : rest[(ipCut + 1)..];
        var ip = ipCut < 0 ? null : rest[..ipCut];
        if (!TryRange(container, out var containerFrom, out var containerTo) || (host.Length > 0 && !TryRange(host, out _, out _)))
        {
            error = $"'{text}' is not a port such as 8080:80, 127.0.0.1:8080:80 or 8080-8081:80-81.";
            return false;
        }

        int? hostFrom = null;
        int? hostTo = null;
        if (host.Length > 0)
        {
            TryRange(host, out var from, out var to);
            (hostFrom, hostTo) = (from, to);
        }

        var count = containerTo - containerFrom + 1;
        if (hostFrom is not null && hostTo - hostFrom + 1 != count)
        {
            if (count != 1)
            {
                error = $"'{text}': the host and container ranges differ in length.";
                return false;
            }

            warning = $"The host port range {host} lets the engine pick one port; Paddock publishes the first, {hostFrom}.";
        }

        for (var i = 0; i < count; i++)
        {
            ports.Add(new PortSpec
            {
                ContainerPort = containerFrom + i,
                HostPort = hostFrom + i,
                Protocol = protocol,
                HostIp = string.IsNullOrEmpty(ip) ? null : ip.Trim('[', ']'),
            });
        }

        return true;
    }

    private static bool TryRange(string text, out int from, out int to)
    {
        to = 0;
        var dash = text.IndexOf('-', StringComparison.Ordinal);
        if (dash < 0)
        {
            var ok = int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out from);
            to = from;
            return ok;
        }

        return int.TryParse(text[..dash], NumberStyles.None, CultureInfo.InvariantCulture, out from)
            && int.TryParse(text[(dash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out to)
            && to >= from && to - from < 1000;
    }

    [GeneratedRegex(@"^(\d+(?:\.\d+)?)\s*(b|k|kb|m|mb|g|gb)?$", RegexOptions.IgnoreCase)]
    private static partial Regex Bytes();
}
