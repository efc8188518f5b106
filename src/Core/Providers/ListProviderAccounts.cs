using Microsoft.EntityFrameworkCore;
using Paddock.Core.Common;
using Paddock.Core.Identity;

namespace Paddock.Core.Providers;

public static class ListProviderAccounts
{
    public sealed record Query;

    public sealed class Handler(HandlerContext ctx)
    {
        public async Task<Result<IReadOnlyList<ProviderAccountDto>>> HandleAsync(Query query, CancellationToken ct)
        {
            if (await ctx.Access.DemandAsync(Permission.ProvidersManage, null, ct) is { } denied)
            {
                return denied;
            }

            var accounts = await ctx.Db.ProviderAccounts.AsNoTracking().OrderByDescending(a => a.IsDefault).ThenBy(a => a.Name).ToListAsync(ct);
            var counts = await ctx.Db.Environments.AsNoTracking().Where(e => e.ProviderAccountId != null)
                .GroupBy(e => e.ProviderAccountId!.Value).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
            return accounts.Select(a => ProviderAccountDto.From(a, counts.GetValueOrDefault(a.Id))).ToList();
        }
    }
}

/// <summary>The accounts an environment of a project may bind to, for people who manage that project's environments.</summary>
public static class ListProviderAccountChoices
{
    public sealed record Query(Guid ProjectId);

    public sealed class Handler(HandlerContext ctx)
    {
        public async Task<Result<IReadOnlyList<ProviderAccountChoice>>> HandleAsync(Query query, CancellationToken ct)
        {
            if (await ctx.Access.DemandAsync(Permission.EnvironmentsManage, query.ProjectId, ct) is { } denied)
            {
                return denied;
            }

            return await ctx.Db.ProviderAccounts.AsNoTracking().OrderByDescending(a => a.IsDefault).ThenBy(a => a.Name)
                .Select(a => new ProviderAccountChoice(a.Id, a.Name, a.Kind, a.IsDefault)).ToListAsync(ct);
        }
    }
}

public static class TestProviderAccount
{
    public sealed record Command(Guid AccountId);

    public sealed class Handler(HandlerContext ctx, IProviderConnectivity connectivity)
    {
        public async Task<Result<ConnectivityResult>> HandleAsync(Command command, CancellationToken ct)
        {
            if (await ctx.Access.DemandAsync(Permission.ProvidersManage, null, ct) is { } denied)
            {
                return denied;
            }

            if (!await ctx.Db.ProviderAccounts.AnyAsync(a => a.Id == command.AccountId, ct))
            {
                return NotFoundError.For("Provider account", command.AccountId);
            }

            return await connectivity.TestAsync(command.AccountId, ct);
        }
    }
}
