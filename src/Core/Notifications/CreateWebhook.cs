using Paddock.Core.Common;
using Paddock.Core.Identity;

namespace Paddock.Core.Notifications;

/// <summary>Subscribes a URL to events; the secret is the caller's or a generated one, returned this once.</summary>
public static class CreateWebhook
{
    public sealed record Command(Guid ProjectId, WebhookSettings Settings, string? Secret);

    public sealed class Handler(HandlerContext ctx, ISecretProtector protector)
    {
        public async Task<Result<WebhookWithSecret>> HandleAsync(Command command, CancellationToken ct)
        {
            if (await ctx.Access.DemandAsync(Permission.NotificationsManage, command.ProjectId, ct) is { } denied)
            {
                return denied;
            }

            var secret = string.IsNullOrWhiteSpace(command.Secret) ? null : command.Secret.Trim();
            if (ChannelRules.ValidateWebhook(command.Settings, secret).ToError() is { } invalid)
            {
                return invalid;
            }

            secret ??= WebhookSignature.NewSecret();
            var webhook = WebhookSubscription.Create(command.ProjectId, ctx.Now);
            webhook.Apply(command.Settings);
            webhook.SetSecret(protector.Protect(secret));
            ctx.Db.WebhookSubscriptions.Add(webhook);
            await ctx.Db.SaveChangesAsync(ct);
            return new WebhookWithSecret(WebhookDto.From(webhook), secret);
        }
    }
}
