using System.Text.Json;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Npgsql;
using Paddock.Core.Stacks;

namespace Paddock.Data.Events;

/// <summary>
/// Live updates between processes over PostgreSQL LISTEN/NOTIFY, the one server every web and worker node already
/// shares: a job on a worker host (or on another web node) posts here, and every other web node hears it and fans it
/// out to its own hub connections and pages. Best effort (a node that is not listening misses the message; the outbox carries the durable events).
/// Posts go out one at a time in order, so log lines never overtake the status change that followed them.
/// </summary>
public sealed class LiveChannel : IAsyncDisposable
{
    public const string Name = "paddock_live";

    // NOTIFY payloads are limited to 8000 bytes; long messages (engine errors) are cut, the page reads the rest.
    private const int MaxMessageLength = 4000;

    private readonly string _connectionString;
    private readonly ILogger<LiveChannel> _logger;
    private readonly Channel<string> _outgoing = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task _sending;

    public LiveChannel(string connectionString, ILogger<LiveChannel> logger)
    {
        _connectionString = connectionString;
        _logger = logger;
        _sending = Task.Run(SendAsync);
    }

    /// <summary>This process: it delivers its own messages directly and skips their echo.</summary>
    public Guid NodeId { get; } = Guid.NewGuid();

    public void Post(LiveEnvelope envelope)
    {
        envelope = envelope with { Origin = NodeId };
        if (envelope.Message is { Length: > MaxMessageLength } message)
        {
            envelope = envelope with { Message = message[..MaxMessageLength] + "…" };
        }

        _outgoing.Writer.TryWrite(JsonSerializer.Serialize(envelope));
    }

    public void Post(StackEvent e) => Post(new LiveEnvelope(e.ProjectId, e.StackId, e.OperationId, e.Kind, e.Message, null));

    /// <summary>Calls <paramref name="onMessage"/> for every message any node posts, until cancelled; reconnects after failures.</summary>
    public async Task ListenAsync(Func<LiveEnvelope, Task> onMessage, CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            try
            {
                await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(_connectionString) { Pooling = false, KeepAlive = 30 }.ConnectionString);
                await connection.OpenAsync(ct);
                var received = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });
                connection.Notification += (_, args) => received.Writer.TryWrite(args.Payload);
                await using (var listen = new NpgsqlCommand($"LISTEN {Name}", connection))
                {
                    await listen.ExecuteNonQueryAsync(ct);
                }

                var dispatching = DispatchAsync(received.Reader, onMessage, ct);
                try
                {
                    while (!ct.IsCancellationRequested)
                    {
                        await connection.WaitAsync(ct);
                    }
                }
                finally
                {
                    received.Writer.TryComplete();
                    await dispatching;
                }
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                _logger.LogWarning(e, "Listening for live updates failed; retrying in 2 s");
                try
                {
                    await Task.Delay(TimeSpan.FromSeconds(2), ct);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        _outgoing.Writer.TryComplete();
        await _sending;
    }

    private async Task DispatchAsync(ChannelReader<string> reader, Func<LiveEnvelope, Task> onMessage, CancellationToken ct)
    {
        await foreach (var payload in reader.ReadAllAsync(CancellationToken.None))
        {
            try
            {
                if (JsonSerializer.Deserialize<LiveEnvelope>(payload) is { } envelope && envelope.Origin != NodeId)
                {
                    await onMessage(envelope);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                _logger.LogWarning(e, "A live update could not be handled");
            }
        }
    }

    private async Task SendAsync()
    {
        await foreach (var payload in _outgoing.Reader.ReadAllAsync())
        {
            try
            {
                await using var connection = new NpgsqlConnection(_connectionString);
                await connection.OpenAsync();
                await using var notify = new NpgsqlCommand("SELECT pg_notify(@channel, @payload)", connection);
                notify.Parameters.AddWithValue("channel", Name);
                notify.Parameters.AddWithValue("payload", payload);
                await notify.ExecuteNonQueryAsync();
            }
            catch (Exception e)
            {
                _logger.LogWarning(e, "A live update could not be posted");
            }
        }
    }
}

/// <summary>
/// One live message between nodes: a stack event from a job (<see cref="Message"/>), or a project event published
/// through ILiveUpdates (<see cref="Data"/>, its JSON payload).
/// </summary>
public sealed record LiveEnvelope(Guid ProjectId, Guid? StackId, Guid? OperationId, string Kind, string? Message, JsonElement? Data, Guid? Origin = null);
