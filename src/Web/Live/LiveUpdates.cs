using System.Collections.Concurrent;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;
using Paddock.Core.Events;
using Paddock.Core.Stacks;
using Paddock.Data;
using Paddock.Data.Events;

namespace Paddock.Web.Live;

/// <summary>
/// The one fan-out of live messages. What this node publishes (its jobs, other features through
/// <see cref="ILiveUpdates"/>) it delivers itself and also posts over PostgreSQL NOTIFY (<see cref="LiveChannel"/>);
/// what other nodes and worker hosts post, it hears there. Each node delivers only to its own hub connections and to
/// the circuits on it that subscribed in-process (the approvals badge), so each connection hears each message once whatever the
/// topology. Stack events are handled in order on one loop,
/// which reads the current stack and operation status from the database; operation log lines are batched per stack
/// and flushed every 200 ms.
/// </summary>
internal sealed class LiveUpdates(IHubContext<LiveHub> hub, LiveChannel channel, IServiceScopeFactory scopes, TimeProvider time, ILogger<LiveUpdates> logger)
    : BackgroundService, ILiveUpdates
{
    public static readonly TimeSpan LogBatchInterval = TimeSpan.FromMilliseconds(200);

    private static readonly TimeSpan SendTimeout = TimeSpan.FromSeconds(5);

    private readonly Channel<StackEvent> _events = Channel.CreateUnbounded<StackEvent>(new UnboundedChannelOptions { SingleReader = true });
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<Guid, Func<LiveMessage, Task>>> _local = new();
    private readonly Lock _logsLock = new();
    private Dictionary<(Guid ProjectId, Guid StackId, Guid? OperationId), List<string>> _logs = [];

    public Task PublishAsync(Guid projectId, Guid? stackId, string kind, object? payload, CancellationToken ct = default)
    {
        var data = JsonSerializer.SerializeToElement(payload, JsonSerializerOptions.Web);
        channel.Post(new LiveEnvelope(projectId, stackId, null, kind, null, data));
        return DeliverAsync(new LiveMessage(kind, projectId, stackId, null, time.GetUtcNow(), data), ct);
    }

    /// <summary>From <see cref="IStackEvents"/> of jobs in this process: never blocks the job that reports.</summary>
    public void Enqueue(StackEvent stackEvent)
    {
        _events.Writer.TryWrite(stackEvent);
        channel.Post(stackEvent);
    }

    /// <summary>A circuit's subscription to one group of this node; dispose it with the component.</summary>
    public IDisposable Subscribe(string group, Func<LiveMessage, Task> handler)
    {
        var id = Guid.NewGuid();
        _local.GetOrAdd(group, _ => new()).TryAdd(id, handler);
        return new Subscription(() =>
        {
            if (_local.TryGetValue(group, out var handlers))
            {
                handlers.TryRemove(id, out _);
            }
        });
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var flushing = FlushLogsPeriodicallyAsync(stoppingToken);
        var listening = channel.ListenAsync(OnEnvelopeAsync, stoppingToken);
        try
        {
            await foreach (var stackEvent in _events.Reader.ReadAllAsync(stoppingToken))
            {
                try
                {
                    await HandleAsync(stackEvent, stoppingToken);
                }
                catch (Exception e) when (!stoppingToken.IsCancellationRequested)
                {
                    // Whatever failed (a timeout, a cancelled query), the loop must live on: it serves every later event.
                    logger.LogWarning(e, "Could not push the live update {Kind} of stack {StackId}", stackEvent.Kind, stackEvent.StackId);
                }
            }
        }
        catch (OperationCanceledException)
        {
        }

        await flushing;
        await listening;
    }

    private async Task OnEnvelopeAsync(LiveEnvelope envelope)
    {
        if (envelope.Data is { } data)
        {
            await DeliverAsync(new LiveMessage(envelope.Kind, envelope.ProjectId, envelope.StackId, envelope.OperationId, time.GetUtcNow(), data), CancellationToken.None);
        }
        else if (envelope.StackId is { } stackId)
        {
            _events.Writer.TryWrite(new StackEvent(envelope.ProjectId, stackId, envelope.OperationId, envelope.Kind, envelope.Message));
        }
    }

    private async Task HandleAsync(StackEvent e, CancellationToken ct)
    {
        if (e.Kind == "operation.step")
        {
            lock (_logsLock)
            {
                var key = (e.ProjectId, e.StackId, e.OperationId);
                if (!_logs.TryGetValue(key, out var lines))
                {
                    _logs[key] = lines = [];
                }

                lines.Add(e.Message ?? "");
            }

            return;
        }

        // Log lines that came before a status change are delivered before it.
        await FlushLogsAsync(ct);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PaddockDbContext>();
        var stackStatus = await db.Stacks.AsNoTracking().Where(s => s.Id == e.StackId).Select(s => (StackStatus?)s.Status).FirstOrDefaultAsync(ct);
        if (e.OperationId is { } operationId)
        {
            var operation = await db.Operations.AsNoTracking().Where(o => o.Id == operationId)
                .Select(o => new { o.Kind, o.Status, o.Error }).FirstOrDefaultAsync(ct);
            await DeliverAsync(new LiveMessage("operation.status", e.ProjectId, e.StackId, operationId, time.GetUtcNow(), new OperationStatusData(
                e.Kind, operation?.Kind.ToString(), operation?.Status.ToString(), stackStatus?.ToString(), operation?.Error)), ct);
            return;
        }

        await DeliverAsync(new LiveMessage("stack.status", e.ProjectId, e.StackId, null, time.GetUtcNow(),
            new StackStatusData(e.Kind, stackStatus?.ToString(), e.Message)), ct);
    }

    private async Task FlushLogsPeriodicallyAsync(CancellationToken ct)
    {
        using var timer = new PeriodicTimer(LogBatchInterval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(ct))
            {
                await FlushLogsAsync(ct);
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private async Task FlushLogsAsync(CancellationToken ct)
    {
        Dictionary<(Guid ProjectId, Guid StackId, Guid? OperationId), List<string>> batch;
        lock (_logsLock)
        {
            if (_logs.Count == 0)
            {
                return;
            }

            batch = _logs;
            _logs = [];
        }

        foreach (var ((projectId, stackId, operationId), lines) in batch)
        {
            try
            {
                await DeliverAsync(new LiveMessage("operation.log", projectId, stackId, operationId, time.GetUtcNow(), new LogLinesData(lines)), ct, stackOnly: true);
            }
            catch (Exception e) when (!ct.IsCancellationRequested)
            {
                logger.LogWarning(e, "Could not push log lines of stack {StackId}", stackId);
            }
        }
    }

    private async Task DeliverAsync(LiveMessage message, CancellationToken ct, bool stackOnly = false)
    {
        List<string> groups = stackOnly ? [] : [LiveGroups.Project(message.ProjectId)];
        if (message.StackId is { } stackId)
        {
            groups.Add(LiveGroups.Stack(stackId));
        }

        // A connection whose client stopped reading must not hold up everyone else's updates.
        try
        {
            await hub.Clients.Groups(groups).SendAsync(LiveHub.Method, message, ct).WaitAsync(SendTimeout, ct);
        }
        catch (TimeoutException)
        {
            logger.LogWarning("Sending {Kind} to {Groups} took longer than {Timeout}; moving on", message.Kind, string.Join(", ", groups), SendTimeout);
        }

        if (message.Kind.StartsWith("approval.", StringComparison.Ordinal))
        {
            groups.Add(LiveGroups.ApprovalEvents);
        }

        foreach (var group in groups)
        {
            if (_local.TryGetValue(group, out var handlers))
            {
                foreach (var handler in handlers.Values)
                {
                    try
                    {
                        await handler(message);
                    }
                    catch (Exception e)
                    {
                        // A broken page must not stop the others from hearing.
                        logger.LogDebug(e, "A live subscriber of {Group} failed", group);
                    }
                }
            }
        }
    }

    private sealed class Subscription(Action dispose) : IDisposable
    {
        public void Dispose() => dispose();
    }
}

public sealed record OperationStatusData(string Event, string? Kind, string? Status, string? StackStatus, string? Error);

public sealed record StackStatusData(string Event, string? Status, string? Message);

public sealed record LogLinesData(IReadOnlyList<string> Lines);
