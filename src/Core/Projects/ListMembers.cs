using Microsoft.EntityFrameworkCore;
using Paddock.Core.Common;
using Paddock.Core.Identity;

namespace Paddock.Core.Projects;

public static class ListMembers
{
    public sealed record Query(Guid ProjectId);

    public sealed class Handler(HandlerContext ctx)
    {
        public async Task<Result<IReadOnlyList<MemberDto>>> HandleAsync(Query query, CancellationToken ct)
        {
            if (await ctx.Access.DemandAsync(Permission.ProjectRead, query.ProjectId, ct) is { } denied)
            {
                return denied;
            }

            var members = await (
                from m in ctx.Db.ProjectMembers.AsNoTracking()
                join u in ctx.Db.Users.AsNoTracking() on m.UserId equals u.Id
                where m.ProjectId == query.ProjectId
                orderby u.Email
                select new MemberDto(u.Id, u.Email!, u.DisplayName, m.Role, m.AddedAt)).ToListAsync(ct);
            return members;
        }
    }
}
