using Microsoft.EntityFrameworkCore;
using Paddock.Core.Common;
using Paddock.Core.Events;
using Paddock.Core.Identity;

namespace Paddock.Core.Notifications;

/// <summary>Sends a sample event to a channel now and reports what the receiver said (not retried, not logged as a delivery).</summary>
public static class TestChannel
{
    public sealed record Command(Guid ProjectId, Guid ChannelId, string? EventType);

    public sealed class Handler(HandlerContext ctx, ISecretProtector protector, INotificationSender sender)
    {
        public async Task<Result<TestSendResult>> HandleAsync(Command command, CancellationToken ct)
        {
            if (await ctx.Access.DemandAsync(Permission.NotificationsManage, command.ProjectId, ct) is { } denied)
            {
                return denied;
            }

            var eventType = string.IsNullOrWhiteSpace(command.EventType) ? EventTypes.StackLaunched : command.EventType;
            if (!EventTypes.All.Contains(eventType))
            {
                return ValidationError.For("eventType", $"'{eventType}' is not an event type.");
            }

            var channel = await ctx.Db.NotificationChannels.AsNoTracking().FirstOrDefaultAsync(c => c.Id == command.ChannelId && c.ProjectId == command.ProjectId, ct);
            if (channel is null)
            {
                return NotFoundError.For("Channel", command.ChannelId);
            }

            var payload = SampleEvents.PayloadFor(eventType);
            var message = await NotificationComposer.RenderAsync(ctx.Db, command.ProjectId, eventType, payload, ctx.Now, ct);
            var target = ChannelTarget.From(channel, channel.ProtectedSecret is null ? null : protector.Unprotect(channel.ProtectedSecret));
            var outgoing = new OutgoingEvent(Guid.CreateVersion7(), Guid.Empty, command.ProjectId, eventType, ctx.Now, payload);
            var outcome = await sender.SendAsync(target, outgoing, message with { Subject = "[Test] " + message.Subject }, ct);
            return new TestSendResult(outcome.Succeeded, outcome.StatusCode, outcome.DurationMs, outcome.Error);
        }
    }
}
