using Microsoft.EntityFrameworkCore;
using Paddock.Core.Common;
using Paddock.Core.Identity;

namespace Paddock.Core.Providers;

public static class CreateProviderAccount
{
    public sealed record Command(ProviderAccountSettings Settings);

    public sealed class Handler(HandlerContext ctx, ISecretProtector protector)
    {
        public async Task<Result<ProviderAccountDto>> HandleAsync(Command command, CancellationToken ct)
        {
            if (await ctx.Access.DemandAsync(Permission.ProvidersManage, null, ct) is { } denied)
            {
                return denied;
            }

            var tls = await ProviderAccountRules.ValidateAsync(ctx.Db, protector, null, command.Settings, ct);
            if (!tls.IsSuccess)
            {
                return tls.Error!;
            }

            var account = ProviderAccount.Create(command.Settings.Name, command.Settings.Kind, command.Settings.Endpoint, tls.Value, ctx.Now);
            if (command.Settings.IsDefault)
            {
                await ClearDefaultAsync(ctx.Db, ct);
                account.MakeDefault(true);
            }

            ctx.Db.ProviderAccounts.Add(account);
            await ctx.Db.SaveChangesAsync(ct);
            return ProviderAccountDto.From(account, 0);
        }
    }

    internal static async Task ClearDefaultAsync(IPaddockDbContext db, CancellationToken ct)
    {
        foreach (var other in await db.ProviderAccounts.Where(a => a.IsDefault).ToListAsync(ct))
        {
            other.MakeDefault(false);
        }
    }
}
