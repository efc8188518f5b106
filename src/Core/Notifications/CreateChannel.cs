using Microsoft.EntityFrameworkCore;
using Paddock.Core.Common;
using Paddock.Core.Identity;

namespace Paddock.Core.Notifications;

public static class CreateChannel
{
    /// <param name="EventTypes">Optional: rules routing these events to the new channel.</param>
    public sealed record Command(Guid ProjectId, ChannelKind? Kind, ChannelSettings Settings, IReadOnlyList<string>? EventTypes);

    public sealed class Handler(HandlerContext ctx, ISecretProtector protector)
    {
        public async Task<Result<ChannelDto>> HandleAsync(Command command, CancellationToken ct)
        {
            if (await ctx.Access.DemandAsync(Permission.NotificationsManage, command.ProjectId, ct) is { } denied)
            {
                return denied;
            }

            if (command.Kind is not { } kind)
            {
                return ValidationError.For("kind", $"Kind is required: one of {string.Join(", ", Enum.GetNames<ChannelKind>())}.");
            }

            var validator = ChannelRules.ValidateChannel(kind, command.Settings, creating: true, command.EventTypes);
            if (validator.IsValid && await ctx.Db.NotificationChannels.AnyAsync(c => c.ProjectId == command.ProjectId && c.Name == command.Settings.Name.Trim(), ct))
            {
                validator.Add("name", $"A channel named '{command.Settings.Name.Trim()}' already exists in this project.");
            }

            if (validator.ToError() is { } invalid)
            {
                return invalid;
            }

            var channel = NotificationChannel.Create(command.ProjectId, kind, ctx.Now);
            // E-mail channels have no secret: their server is the installation's (Paddock:Smtp).
            var secret = kind == ChannelKind.Email || string.IsNullOrWhiteSpace(command.Settings.Secret) ? null : command.Settings.Secret.Trim();
            channel.Apply(command.Settings, secret is null ? null : protector.Protect(secret), kind == ChannelKind.Sms ? "auth token set" : ChannelRules.HintOf(secret));
            ctx.Db.NotificationChannels.Add(channel);
            var eventTypes = (command.EventTypes ?? []).Distinct(StringComparer.Ordinal).ToList();
            foreach (var eventType in eventTypes)
            {
                ctx.Db.NotificationRules.Add(NotificationRule.Create(command.ProjectId, eventType, channel.Id, ctx.Now));
            }

            await ctx.Db.SaveChangesAsync(ct);
            return ChannelDto.From(channel, eventTypes);
        }
    }
}
