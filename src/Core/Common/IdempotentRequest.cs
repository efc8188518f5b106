namespace Paddock.Core.Common;

/// <summary>
/// One <c>Idempotency-Key</c> a caller used on a POST that starts work, and the first answer to it. A unique index on
/// (caller, key) makes the first request the only one that runs: a parallel twin fails to insert instead of racing.
/// Bookkeeping, not a change people make: not audited.
/// </summary>
public sealed class IdempotentRequest
{
    public static readonly TimeSpan Retention = TimeSpan.FromHours(24);

    private IdempotentRequest()
    {
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();

    public Guid CallerId { get; private set; }

    public string Key { get; private set; } = "";

    /// <summary>SHA-256 of method, path and body: the same key with another request is refused, not replayed.</summary>
    public string RequestHash { get; private set; } = "";

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? CompletedAt { get; private set; }

    public int? StatusCode { get; private set; }

    public string? ContentType { get; private set; }

    public string? Location { get; private set; }

    public string? ResponseBody { get; private set; }

    public static IdempotentRequest Start(Guid callerId, string key, string requestHash, DateTimeOffset now) =>
        new() { CallerId = callerId, Key = key, RequestHash = requestHash, CreatedAt = now };
}
