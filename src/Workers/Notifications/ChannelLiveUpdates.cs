using System.Text.Json;
using Paddock.Core.Events;
using Paddock.Data.Events;

namespace Paddock.Workers.Notifications;

/// <summary>
/// <see cref="ILiveUpdates"/> of a worker host, which has no hub of its own: messages go over PostgreSQL NOTIFY to the
/// web nodes, which deliver them. In the embedded mode the web's own implementation is registered instead.
/// </summary>
internal sealed class ChannelLiveUpdates(LiveChannel channel) : ILiveUpdates
{
    public Task PublishAsync(Guid projectId, Guid? stackId, string kind, object? payload, CancellationToken ct = default)
    {
        channel.Post(new LiveEnvelope(projectId, stackId, null, kind, null, JsonSerializer.SerializeToElement(payload, JsonSerializerOptions.Web)));
        return Task.CompletedTask;
    }
}
