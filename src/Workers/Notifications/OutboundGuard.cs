using System.Net;
using System.Net.Sockets;

namespace Paddock.Workers.Notifications;

/// <summary>
/// Keeps notification and webhook calls away from addresses a project admin should not reach through Paddock (the cloud
/// metadata service above all: a webhook to http://169.254.169.254/ would hand out the host's credentials). Checked when
/// connecting, on the addresses the name resolves to then, so a name that resolves elsewhere later (DNS rebinding) is
/// caught too. The blocked networks are <c>Paddock:Notifications:BlockedNetworks</c>.
/// </summary>
internal sealed class OutboundGuard
{
    /// <summary>Link-local (where every cloud's metadata service lives), "this network" and the IPv6 metadata address.</summary>
    public static readonly IReadOnlyList<string> DefaultBlockedNetworks = ["169.254.0.0/16", "0.0.0.0/8", "fe80::/10", "fd00:ec2::254/128"];

    private readonly IReadOnlyList<IPNetwork> _blocked;

    public OutboundGuard(IEnumerable<string> blockedNetworks) =>
        _blocked = [.. blockedNetworks.Select(n => IPNetwork.TryParse(n.Trim(), out var network)
            ? network
            : throw new ArgumentException($"Paddock:Notifications:BlockedNetworks: '{n}' is not a network in CIDR notation (e.g. 10.0.0.0/8).", nameof(blockedNetworks)))];

    public bool IsBlocked(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        var plain = address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
        return _blocked.Any(n => n.Contains(plain));
    }

    /// <summary>The <see cref="SocketsHttpHandler.ConnectCallback"/>: resolves, drops blocked addresses, connects to the first that answers.</summary>
    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken ct)
    {
        var host = context.DnsEndPoint.Host;
        var addresses = IPAddress.TryParse(host, out var literal) ? [literal] : await Dns.GetHostAddressesAsync(host, ct);
        var allowed = addresses.Where(a => !IsBlocked(a)).ToList();
        if (allowed.Count == 0)
        {
            throw new HttpRequestException(
                $"{host} resolves to {string.Join(", ", addresses.Select(a => a.ToString()))}, in a network Paddock does not send to (Paddock:Notifications:BlockedNetworks).");
        }

        SocketException? last = null;
        foreach (var address in allowed)
        {
            var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(new IPEndPoint(address, context.DnsEndPoint.Port), ct);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch (SocketException e)
            {
                socket.Dispose();
                last = e;
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        }

        throw new HttpRequestException(last!.Message, last);
    }
}
