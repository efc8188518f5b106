using Microsoft.EntityFrameworkCore;
using Paddock.Core.Common;
using Paddock.Core.Identity;

namespace Paddock.Core.Notifications;

public static class UpdateWebhook
{
    /// <param name="Secret">A new secret to set, or null to keep the current one; <paramref name="RotateSecret"/> generates one.</param>
    public sealed record Command(Guid ProjectId, Guid WebhookId, WebhookSettings Settings, string? Secret, bool RotateSecret, uint? ExpectedVersion = null);

    public sealed class Handler(HandlerContext ctx, ISecretProtector protector)
    {
        /// <returns>The webhook, with the secret only when it changed.</returns>
        public async Task<Result<WebhookWithSecret>> HandleAsync(Command command, CancellationToken ct)
        {
            if (await ctx.Access.DemandAsync(Permission.NotificationsManage, command.ProjectId, ct) is { } denied)
            {
                return denied;
            }

            var webhook = await ctx.Db.WebhookSubscriptions.FirstOrDefaultAsync(w => w.Id == command.WebhookId && w.ProjectId == command.ProjectId, ct);
            if (webhook is null)
            {
                return NotFoundError.For("Webhook", command.WebhookId);
            }

            if (command.ExpectedVersion is { } expected && expected != webhook.Version)
            {
                return new PreconditionFailedError("The webhook was changed by someone else; reload and try again.");
            }

            var secret = string.IsNullOrWhiteSpace(command.Secret) ? null : command.Secret.Trim();
            if (ChannelRules.ValidateWebhook(command.Settings, secret).ToError() is { } invalid)
            {
                return invalid;
            }

            webhook.Apply(command.Settings);
            if (command.RotateSecret)
            {
                secret ??= WebhookSignature.NewSecret();
            }

            if (secret is not null)
            {
                webhook.SetSecret(protector.Protect(secret));
            }

            await ctx.Db.SaveChangesAsync(ct);
            return new WebhookWithSecret(WebhookDto.From(webhook), secret);
        }
    }
}
