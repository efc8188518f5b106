using Microsoft.EntityFrameworkCore;
using Paddock.Core.Common;

namespace Paddock.Core.Identity.Users;

public static class ListUsers
{
    public sealed record Query(string? Search = null);

    public sealed class Handler(HandlerContext ctx)
    {
        public async Task<Result<IReadOnlyList<UserDto>>> HandleAsync(Query query, CancellationToken ct)
        {
            if (await ctx.Access.DemandAsync(Permission.UsersManage, null, ct) is { } denied)
            {
                return denied;
            }

            // Service accounts are users underneath, but they belong to their project's page, not to the people list.
            var users = ctx.Db.Users.AsNoTracking().Where(u => !ctx.Db.ServiceAccounts.Any(s => s.UserId == u.Id));
            if (!string.IsNullOrWhiteSpace(query.Search))
            {
                var pattern = $"%{query.Search.Trim().ToUpperInvariant()}%";
                users = users.Where(u => EF.Functions.Like(u.NormalizedEmail!, pattern) || EF.Functions.Like(u.DisplayName.ToUpper(), pattern));
            }

            var list = await users.OrderBy(u => u.Email).ToListAsync(ct);
            var now = ctx.Now;
            return list.Select(u => UserDto.From(u, now)).ToList();
        }
    }
}
