using Microsoft.EntityFrameworkCore;
using Paddock.Core.Common;
using Paddock.Core.Events;
using Paddock.Core.Identity;

namespace Paddock.Core.Notifications;

/// <summary>Replaces the project's routing (which events go to which channels) in one change.</summary>
public static class SetRules
{
    public sealed record Command(Guid ProjectId, IReadOnlyList<RuleDto>? Rules);

    public sealed class Handler(HandlerContext ctx)
    {
        public async Task<Result<IReadOnlyList<RuleDto>>> HandleAsync(Command command, CancellationToken ct)
        {
            if (await ctx.Access.DemandAsync(Permission.NotificationsManage, command.ProjectId, ct) is { } denied)
            {
                return denied;
            }

            if (command.Rules is null)
            {
                return ValidationError.For("rules", "Rules are required (an empty list turns every notification off).");
            }

            var channels = await ctx.Db.NotificationChannels.Where(c => c.ProjectId == command.ProjectId).Select(c => c.Id).ToListAsync(ct);
            var v = new Validator();
            for (var i = 0; i < command.Rules.Count; i++)
            {
                var rule = command.Rules[i];
                v.When(!EventTypes.All.Contains(rule.EventType ?? ""), $"rules[{i}].eventType", $"'{rule.EventType}' is not an event type.");
                v.When(!channels.Contains(rule.ChannelId), $"rules[{i}].channelId", $"Channel '{rule.ChannelId}' is not in this project.");
            }

            if (v.ToError() is { } invalid)
            {
                return invalid;
            }

            var wanted = command.Rules.Distinct().ToList();
            var existing = await ctx.Db.NotificationRules.Where(r => r.ProjectId == command.ProjectId).ToListAsync(ct);
            ctx.Db.NotificationRules.RemoveRange(existing.Where(r => !wanted.Contains(new RuleDto(r.EventType, r.ChannelId))));
            foreach (var rule in wanted.Where(w => !existing.Any(r => r.EventType == w.EventType && r.ChannelId == w.ChannelId)))
            {
                ctx.Db.NotificationRules.Add(NotificationRule.Create(command.ProjectId, rule.EventType, rule.ChannelId, ctx.Now));
            }

            await ctx.Db.SaveChangesAsync(ct);
            return wanted.OrderBy(r => r.EventType, StringComparer.Ordinal).ThenBy(r => r.ChannelId).ToList();
        }
    }
}
