using Paddock.Core.Events;
using Paddock.Core.Notifications;

namespace Paddock.Core.Tests.Notifications;

public sealed class DeliveryRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 2, 14, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Retries_back_off_exponentially_up_to_the_cap()
    {
        var policy = new RetryPolicy(TimeSpan.FromSeconds(10), TimeSpan.FromMinutes(1), 10);

        Enumerable.Range(1, 6).Select(policy.DelayAfter).ShouldBe(
            [TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(40), TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1)]);
    }

    [Fact]
    public void A_delivery_is_retried_after_each_failure_then_given_up_after_the_maximum()
    {
        var policy = new RetryPolicy(TimeSpan.FromSeconds(1), TimeSpan.FromHours(1), 3);
        var delivery = Delivery.Create(Guid.NewGuid(), Guid.NewGuid(), EventTypes.StackFailed, DeliveryTargetKind.Webhook, Guid.NewGuid(), Now);

        delivery.Record(SendOutcome.Fail(503, 12, "HTTP 503"), Now, policy);
        delivery.Status.ShouldBe(DeliveryStatus.Pending);
        delivery.NextAttemptAt.ShouldBe(Now.AddSeconds(1));
        delivery.Record(SendOutcome.Fail(null, 3, "refused"), Now, policy);
        delivery.NextAttemptAt.ShouldBe(Now.AddSeconds(2));
        var last = delivery.Record(SendOutcome.Fail(500, 7, "HTTP 500"), Now, policy);

        delivery.Status.ShouldBe(DeliveryStatus.Failed);
        delivery.NextAttemptAt.ShouldBeNull();
        delivery.Attempts.ShouldBe(3);
        last.Number.ShouldBe(3);
        last.StatusCode.ShouldBe(500);
    }

    [Fact]
    public void Redelivering_a_failed_delivery_starts_a_fresh_round_of_retries_and_keeps_the_count()
    {
        var policy = new RetryPolicy(TimeSpan.FromSeconds(1), TimeSpan.FromHours(1), 1);
        var delivery = Delivery.Create(Guid.NewGuid(), Guid.NewGuid(), EventTypes.StackFailed, DeliveryTargetKind.Channel, Guid.NewGuid(), Now);
        delivery.Record(SendOutcome.Fail(500, 1, "x"), Now, policy);

        delivery.Redeliver(Now.AddHours(1));
        delivery.Record(SendOutcome.Ok(200, 5), Now.AddHours(1), policy);

        delivery.Status.ShouldBe(DeliveryStatus.Delivered);
        delivery.Attempts.ShouldBe(2);
        delivery.DeliveredAt.ShouldBe(Now.AddHours(1));
        delivery.LastError.ShouldBeNull();
    }

    [Fact]
    public void A_signature_verifies_only_for_the_same_secret_body_and_a_recent_timestamp()
    {
        var t = Now.ToUnixTimeSeconds();
        var header = WebhookSignature.Sign("s3cret-s3cret-s3cret", t, """{"a":1}""");

        header.ShouldStartWith($"t={t},v1=");
        header.Length.ShouldBe($"t={t},v1=".Length + 64);
        WebhookSignature.Verify("s3cret-s3cret-s3cret", header, """{"a":1}""", Now.AddMinutes(4), TimeSpan.FromMinutes(5)).ShouldBeTrue();
        WebhookSignature.Verify("other-secret-other", header, """{"a":1}""", Now, TimeSpan.FromMinutes(5)).ShouldBeFalse();
        WebhookSignature.Verify("s3cret-s3cret-s3cret", header, """{"a":2}""", Now, TimeSpan.FromMinutes(5)).ShouldBeFalse();
        WebhookSignature.Verify("s3cret-s3cret-s3cret", header, """{"a":1}""", Now.AddMinutes(6), TimeSpan.FromMinutes(5)).ShouldBeFalse();
        WebhookSignature.Verify("s3cret-s3cret-s3cret", "v1=abc", """{"a":1}""", Now, TimeSpan.FromMinutes(5)).ShouldBeFalse();
    }

    [Fact]
    public void Generated_secrets_are_long_random_and_prefixed()
    {
        var a = WebhookSignature.NewSecret();
        var b = WebhookSignature.NewSecret();

        a.ShouldStartWith("whsec_");
        a.Length.ShouldBe(6 + 43);
        a.ShouldNotBe(b);
    }
}
