using Microsoft.EntityFrameworkCore;
using Paddock.Core.Common;
using Paddock.Core.Identity;

namespace Paddock.Core.Providers;

public static class DeleteProviderAccount
{
    public sealed record Command(Guid AccountId);

    public sealed class Handler(HandlerContext ctx)
    {
        public async Task<Result<Unit>> HandleAsync(Command command, CancellationToken ct)
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

            if (account.IsDefault)
            {
                return new ConflictError($"'{account.Name}' is the default account; make another account the default first.");
            }

            var environments = await ctx.Db.Environments.CountAsync(e => e.ProviderAccountId == account.Id, ct);
            if (environments > 0)
            {
                return new ConflictError($"'{account.Name}' is used by {environments} environment{(environments == 1 ? "" : "s")}; bind them to another account first.");
            }

            ctx.Db.ProviderAccounts.Remove(account);
            await ctx.Db.SaveChangesAsync(ct);
            return Unit.Value;
        }
    }
}
