namespace Paddock.Core.Notifications;

public enum DeliveryTargetKind
{
    Channel,
    Webhook,
}

public enum DeliveryStatus
{
    /// <summary>Waiting for its first or next attempt (see <see cref="Delivery.NextAttemptAt"/>).</summary>
    Pending,
    Delivered,

    /// <summary>Gave up after the maximum number of attempts; a person can redeliver it.</summary>
    Failed,
}

/// <summary>
/// One outbox message to one target (channel or webhook). The pair is unique, so a message is fanned out to each
/// target exactly once however many dispatchers run; the delivery's id is the dedupe key receivers see in
/// <c>X-Paddock-Delivery</c>, the same on every retry and redelivery.
/// </summary>
public sealed class Delivery
{
    private Delivery()
    {
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();

    public Guid ProjectId { get; private set; }

    public Guid MessageId { get; private set; }

    public string EventType { get; private set; } = "";

    public DeliveryTargetKind TargetKind { get; private set; }

    public Guid TargetId { get; private set; }

    public DeliveryStatus Status { get; private set; }

    /// <summary>Every attempt so far, redeliveries included.</summary>
    public int Attempts { get; private set; }

    /// <summary>Failed attempts since the last success or redelivery: drives the backoff and giving up.</summary>
    public int FailuresInRow { get; private set; }

    public DateTimeOffset? NextAttemptAt { get; private set; }

    /// <summary>A sender's claim on the delivery while it sends, so two senders never send it at once.</summary>
    public DateTimeOffset? LeaseUntil { get; private set; }

    public int? LastStatusCode { get; private set; }

    public string? LastError { get; private set; }

    public int? LastDurationMs { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? DeliveredAt { get; private set; }

    public static Delivery Create(Guid projectId, Guid messageId, string eventType, DeliveryTargetKind kind, Guid targetId, DateTimeOffset now) => new()
    {
        ProjectId = projectId,
        MessageId = messageId,
        EventType = eventType,
        TargetKind = kind,
        TargetId = targetId,
        Status = DeliveryStatus.Pending,
        NextAttemptAt = now,
        CreatedAt = now,
    };

    /// <summary>Records one attempt and decides what happens next: done, retry after a backoff, or give up.</summary>
    public DeliveryAttempt Record(SendOutcome outcome, DateTimeOffset now, RetryPolicy policy)
    {
        Attempts++;
        LeaseUntil = null;
        LastStatusCode = outcome.StatusCode;
        LastError = outcome.Error is { Length: > 500 } text ? text[..500] : outcome.Error;
        LastDurationMs = outcome.DurationMs;
        if (outcome.Succeeded)
        {
            Status = DeliveryStatus.Delivered;
            FailuresInRow = 0;
            DeliveredAt = now;
            NextAttemptAt = null;
        }
        else
        {
            FailuresInRow++;
            if (FailuresInRow >= policy.MaxAttempts)
            {
                Status = DeliveryStatus.Failed;
                NextAttemptAt = null;
            }
            else
            {
                Status = DeliveryStatus.Pending;
                NextAttemptAt = now + policy.DelayAfter(FailuresInRow);
            }
        }

        return new DeliveryAttempt(Id, Attempts, now, outcome.Succeeded, outcome.StatusCode, outcome.DurationMs, LastError);
    }

    /// <summary>A person asks for it again (after a failure or to resend a delivered one): same dedupe key, fresh retries.</summary>
    public void Redeliver(DateTimeOffset now)
    {
        Status = DeliveryStatus.Pending;
        FailuresInRow = 0;
        NextAttemptAt = now;
        LeaseUntil = null;
    }
}

/// <summary>One try at sending a delivery, as the log shows it.</summary>
public sealed class DeliveryAttempt
{
    private DeliveryAttempt()
    {
    }

    public DeliveryAttempt(Guid deliveryId, int number, DateTimeOffset at, bool succeeded, int? statusCode, int durationMs, string? error)
    {
        DeliveryId = deliveryId;
        Number = number;
        AttemptedAt = at;
        Succeeded = succeeded;
        StatusCode = statusCode;
        DurationMs = durationMs;
        Error = error;
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();

    public Guid DeliveryId { get; private set; }

    public int Number { get; private set; }

    public DateTimeOffset AttemptedAt { get; private set; }

    public bool Succeeded { get; private set; }

    public int? StatusCode { get; private set; }

    public int DurationMs { get; private set; }

    public string? Error { get; private set; }
}

/// <summary>What one send did: a 2xx (or SMTP acceptance) succeeds; anything else is retried.</summary>
public sealed record SendOutcome(bool Succeeded, int? StatusCode, int DurationMs, string? Error)
{
    public static SendOutcome Ok(int? statusCode, int durationMs) => new(true, statusCode, durationMs, null);

    public static SendOutcome Fail(int? statusCode, int durationMs, string error) => new(false, statusCode, durationMs, error);
}

/// <summary>Exponential backoff: base, 2×base, 4×base… capped, for at most <see cref="MaxAttempts"/> failures in a row.</summary>
public sealed record RetryPolicy(TimeSpan Base, TimeSpan Max, int MaxAttempts)
{
    public static readonly RetryPolicy Default = new(TimeSpan.FromSeconds(10), TimeSpan.FromHours(1), 15);

    public TimeSpan DelayAfter(int failures)
    {
        var factor = Math.Pow(2, Math.Min(failures - 1, 30));
        var delay = TimeSpan.FromMilliseconds(Math.Min(Base.TotalMilliseconds * factor, Max.TotalMilliseconds));
        return delay;
    }
}
