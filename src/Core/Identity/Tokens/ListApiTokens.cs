using Microsoft.EntityFrameworkCore;
using Paddock.Core.Common;

namespace Paddock.Core.Identity.Tokens;

public static class ListApiTokens
{
    /// <param name="ServiceAccountId">A service account's tokens (members.manage); null for the caller's own.</param>
    public sealed record Query(Guid? ProjectId = null, Guid? ServiceAccountId = null);

    public sealed class Handler(HandlerContext ctx)
    {
        public async Task<Result<IReadOnlyList<ApiTokenDto>>> HandleAsync(Query query, CancellationToken ct)
        {
            if (ctx.User.UserId is not { } callerId)
            {
                return new ForbiddenError("Sign in to see API tokens.");
            }

            var tokens = ctx.Db.ApiTokens.AsNoTracking();
            if (query.ServiceAccountId is { } serviceAccountId)
            {
                if (await ctx.Access.DemandAsync(Permission.MembersManage, query.ProjectId ?? Guid.Empty, ct) is { } denied)
                {
                    return denied;
                }

                tokens = tokens.Where(t => t.ServiceAccountId == serviceAccountId && t.ProjectId == query.ProjectId);
            }
            else
            {
                tokens = tokens.Where(t => t.UserId == callerId && t.ServiceAccountId == null);
            }

            var now = ctx.Now;
            var list = await tokens.OrderByDescending(t => t.CreatedAt).ToListAsync(ct);
            return list.Select(t => ApiTokenDto.From(t, now)).ToList();
        }
    }
}
