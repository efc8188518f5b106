using Paddock.Core.Environments;

namespace Paddock.Core.Tests.Environments;

public sealed class EffectiveTtlTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static ProjectEnvironment Environment(double? defaultHours, double? maxHours) =>
        ProjectEnvironment.Create(Guid.NewGuid(), new EnvironmentSettings("dev", null, false, Hours(defaultHours), Hours(maxHours)), Now);

    private static TimeSpan? Hours(double? hours) => hours is { } h ? TimeSpan.FromHours(h) : null;

    [Fact]
    public void A_launch_without_a_requested_ttl_gets_the_default() =>
        Environment(defaultHours: 8, maxHours: 24).EffectiveTtl(null).ShouldBe(Hours(8));

    [Fact]
    public void A_requested_ttl_within_the_maximum_is_kept() =>
        Environment(defaultHours: 8, maxHours: 24).EffectiveTtl(Hours(12)).ShouldBe(Hours(12));

    [Fact]
    public void A_requested_ttl_above_the_maximum_is_capped_to_it() =>
        Environment(defaultHours: 8, maxHours: 24).EffectiveTtl(Hours(100)).ShouldBe(Hours(24));

    [Fact]
    public void A_requested_ttl_equal_to_the_maximum_is_kept() =>
        Environment(defaultHours: 8, maxHours: 24).EffectiveTtl(Hours(24)).ShouldBe(Hours(24));

    [Fact]
    public void Without_a_maximum_any_requested_ttl_is_kept() =>
        Environment(defaultHours: 8, maxHours: null).EffectiveTtl(Hours(1000)).ShouldBe(Hours(1000));

    [Fact]
    public void Without_a_maximum_or_a_default_a_launch_lives_until_stopped() =>
        Environment(defaultHours: null, maxHours: null).EffectiveTtl(null).ShouldBeNull();

    [Fact]
    public void Without_a_default_an_unrequested_ttl_is_capped_to_the_maximum() =>
        Environment(defaultHours: null, maxHours: 24).EffectiveTtl(null).ShouldBe(Hours(24));
}
