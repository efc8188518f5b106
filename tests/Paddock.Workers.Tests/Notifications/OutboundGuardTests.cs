using System.Net;
using Paddock.Workers.Notifications;

namespace Paddock.Workers.Tests.Notifications;

public sealed class OutboundGuardTests
{
    private static readonly OutboundGuard Defaults = new(OutboundGuard.DefaultBlockedNetworks);

    [Theory]
    [InlineData("169.254.169.254")] // AWS, GCP and Azure metadata
    [InlineData("::ffff:169.254.169.254")] // the same, written as IPv6
    [InlineData("fd00:ec2::254")] // AWS metadata over IPv6
    [InlineData("fe80::1")]
    [InlineData("0.0.0.0")]
    public void The_metadata_service_and_link_local_addresses_are_blocked_by_default(string address) =>
        Defaults.IsBlocked(IPAddress.Parse(address)).ShouldBeTrue();

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("10.1.2.3")]
    [InlineData("203.0.113.7")]
    [InlineData("2001:db8::1")]
    public void Ordinary_receivers_are_reachable_by_default(string address) =>
        Defaults.IsBlocked(IPAddress.Parse(address)).ShouldBeFalse();

    [Fact]
    public void Private_ranges_are_blocked_when_configured()
    {
        var guard = new OutboundGuard(["10.0.0.0/8", "192.168.0.0/16"]);
        guard.IsBlocked(IPAddress.Parse("10.200.0.1")).ShouldBeTrue();
        guard.IsBlocked(IPAddress.Parse("192.168.1.1")).ShouldBeTrue();
        guard.IsBlocked(IPAddress.Parse("172.16.0.1")).ShouldBeFalse();
    }

    [Fact]
    public void A_setting_that_is_not_a_network_names_the_setting_and_the_value() =>
        Should.Throw<ArgumentException>(() => new OutboundGuard(["10.0.0.0/99"])).Message.ShouldContain("BlockedNetworks: '10.0.0.0/99'");

    [Fact]
    public async Task A_call_to_a_blocked_address_fails_before_any_connection_with_the_reason()
    {
        using var client = new HttpClient(new SocketsHttpHandler { ConnectCallback = Defaults.ConnectAsync });
        var error = await Should.ThrowAsync<HttpRequestException>(() => client.GetAsync(new Uri("http://169.254.169.254/latest/meta-data/")));
        error.Message.ShouldContain("169.254.169.254");
        error.Message.ShouldContain("does not send to");
    }
}
