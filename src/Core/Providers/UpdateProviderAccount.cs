using Microsoft.EntityFrameworkCore;
using Paddock.Core.Common;
using Paddock.Core.Identity;

namespace Paddock.Core.Providers;

public static class UpdateProviderAccount
{
    public sealed record Command(Guid AccountId, ProviderAccountSettings Settings, uint? ExpectedVersion = null);

    public sealed class Handler(HandlerContext ctx, ISecretProtector protector)
    {
        public async Task<Result<ProviderAccountDto>> HandleAsync(Command command, CancellationToken ct)
        {
            if (await ctx.Access.DemandAsync(Permission.ProvidersManage, null, ct) is { } denied)
            {
                return denied;
            }

            var account = await ctx.Db.ProviderAccounts.FirstOrDefaultAsync(a => a.Id == command.AccountId, ct);
            if (account is null)
            {
                return NotFoundError.For("Provider account", command.AccountId);
            }

            if (command.ExpectedVersion is { } expected && expected != account.Version)
            {
                return new PreconditionFailedError("The provider account was changed by someone else; reload and try again.");
            }

            if (command.Settings.Kind != account.Kind)
            {
                return ValidationError.For("kind", "The kind of an account cannot change; create another account.");
            }

            var tls = await ProviderAccountRules.ValidateAsync(ctx.Db, protector, account, command.Settings, ct);
            if (!tls.IsSuccess)
            {
                return tls.Error!;
            }

            if (account.IsDefault && !command.Settings.IsDefault)
            {
                return ValidationError.For("isDefault", "One account is always the default: make another account the default instead.");
            }

            account.Rename(command.Settings.Name);
            account.MoveTo(command.Settings.Endpoint);
            account.UseTls(tls.Value);
            if (command.Settings.IsDefault && !account.IsDefault)
            {
                await CreateProviderAccount.ClearDefaultAsync(ctx.Db, ct);
                account.MakeDefault(true);
            }

            await ctx.Db.SaveChangesAsync(ct);
            var environments = await ctx.Db.Environments.CountAsync(e => e.ProviderAccountId == account.Id, ct);
            return ProviderAccountDto.From(account, environments);
        }
    }
}
