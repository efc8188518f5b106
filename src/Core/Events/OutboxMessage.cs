using System.Text.Json;

namespace Paddock.Core.Events;

/// <summary>
/// A domain event written in the same transaction as the change it reports, so an event is never lost nor sent for a
/// change that rolled back. The notification and webhook dispatcher reads unprocessed messages and fans them out into
/// deliveries; the message id is the dedupe key every receiver sees.
/// </summary>
public sealed class OutboxMessage
{
    private static readonly JsonSerializerOptions PayloadJson = new(JsonSerializerDefaults.Web);

    private OutboxMessage()
    {
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();

    /// <summary>The project the event belongs to (its channels, rules and webhooks apply); null for system-wide events.</summary>
    public Guid? ProjectId { get; private set; }

    /// <summary>One of <see cref="EventTypes"/>.</summary>
    public string Type { get; private set; } = "";

    /// <summary>The event's data as JSON (camelCase): never a secret value.</summary>
    public string Payload { get; private set; } = "{}";

    public DateTimeOffset OccurredAt { get; private set; }

    /// <summary>When the dispatcher turned it into deliveries; null while it waits.</summary>
    public DateTimeOffset? DispatchedAt { get; private set; }

    public static OutboxMessage Create<TPayload>(Guid? projectId, string type, TPayload payload, DateTimeOffset now) => new()
    {
        ProjectId = projectId,
        Type = type,
        Payload = JsonSerializer.Serialize(payload, PayloadJson),
        OccurredAt = now,
    };

    public T? PayloadAs<T>() => JsonSerializer.Deserialize<T>(Payload, PayloadJson);

    public void MarkDispatched(DateTimeOffset now) => DispatchedAt = now;
}
