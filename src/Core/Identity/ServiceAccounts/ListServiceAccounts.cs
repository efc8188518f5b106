using Microsoft.EntityFrameworkCore;
using Paddock.Core.Common;

namespace Paddock.Core.Identity.ServiceAccounts;

public static class ListServiceAccounts
{
    public sealed record Query(Guid ProjectId);

    public sealed class Handler(HandlerContext ctx)
    {
        public async Task<Result<IReadOnlyList<ServiceAccountDto>>> HandleAsync(Query query, CancellationToken ct)
        {
            if (await ctx.Access.DemandAsync(Permission.ProjectRead, query.ProjectId, ct) is { } denied)
            {
                return denied;
            }

            var now = ctx.Now;
            return await (
                from s in ctx.Db.ServiceAccounts.AsNoTracking()
                join m in ctx.Db.ProjectMembers.AsNoTracking() on new { s.ProjectId, s.UserId } equals new { m.ProjectId, m.UserId }
                where s.ProjectId == query.ProjectId && s.DeletedAt == null
                orderby s.Name
                select new ServiceAccountDto(s.Id, s.UserId, s.Name, s.Description, m.Role, s.CreatedAt,
                    ctx.Db.ApiTokens.Count(t => t.ServiceAccountId == s.Id && t.RevokedAt == null && t.ExpiresAt > now)))
                .ToListAsync(ct);
        }
    }
}
