using Microsoft.EntityFrameworkCore;
using Paddock.Core.Common;
using Paddock.Core.Identity;

namespace Paddock.Core.Notifications;

public static class UpdateChannel
{
    /// <param name="EventTypes">When given, replaces the rules routing events to this channel.</param>
    public sealed record Command(Guid ProjectId, Guid ChannelId, ChannelSettings Settings, IReadOnlyList<string>? EventTypes, uint? ExpectedVersion = null);

    public sealed class Handler(HandlerContext ctx, ISecretProtector protector)
    {
        public async Task<Result<ChannelDto>> HandleAsync(Command command, CancellationToken ct)
        {
            if (await ctx.Access.DemandAsync(Permission.NotificationsManage, command.ProjectId, ct) is { } denied)
            {
                return denied;
            }

            var channel = await ctx.Db.NotificationChannels.FirstOrDefaultAsync(c => c.Id == command.ChannelId && c.ProjectId == command.ProjectId, ct);
            if (channel is null)
            {
                return NotFoundError.For("Channel", command.ChannelId);
            }

            if (command.ExpectedVersion is { } expected && expected != channel.Version)
            {
                return new PreconditionFailedError("The channel was changed by someone else; reload and try again.");
            }

            var validator = ChannelRules.ValidateChannel(channel.Kind, command.Settings, creating: false, command.EventTypes);
            if (validator.IsValid && await ctx.Db.NotificationChannels.AnyAsync(c => c.ProjectId == command.ProjectId && c.Id != channel.Id && c.Name == command.Settings.Name.Trim(), ct))
            {
                validator.Add("name", $"A channel named '{command.Settings.Name.Trim()}' already exists in this project.");
            }

            if (validator.ToError() is { } invalid)
            {
                return invalid;
            }

            var secret = channel.Kind == ChannelKind.Email || string.IsNullOrWhiteSpace(command.Settings.Secret) ? null : command.Settings.Secret.Trim();
            channel.Apply(command.Settings, secret is null ? null : protector.Protect(secret), channel.Kind == ChannelKind.Sms ? "auth token set" : ChannelRules.HintOf(secret));
            var rules = await ctx.Db.NotificationRules.Where(r => r.ChannelId == channel.Id).ToListAsync(ct);
            if (command.EventTypes is { } wanted)
            {
                ctx.Db.NotificationRules.RemoveRange(rules.Where(r => !wanted.Contains(r.EventType)));
                foreach (var eventType in wanted.Distinct(StringComparer.Ordinal).Where(e => rules.All(r => r.EventType != e)))
                {
                    ctx.Db.NotificationRules.Add(NotificationRule.Create(command.ProjectId, eventType, channel.Id, ctx.Now));
                }
            }

            await ctx.Db.SaveChangesAsync(ct);
            return ChannelDto.From(channel, command.EventTypes ?? rules.Select(r => r.EventType).ToList());
        }
    }
}
