using Microsoft.EntityFrameworkCore;
using Paddock.Core.Common;
using Paddock.Core.Identity;

namespace Paddock.Core.Environments;

public static class ListEnvironments
{
    public sealed record Query(Guid ProjectId);

    public sealed class Handler(HandlerContext ctx)
    {
        public async Task<Result<IReadOnlyList<EnvironmentDto>>> HandleAsync(Query query, CancellationToken ct)
        {
            if (await ctx.Access.DemandAsync(Permission.ProjectRead, query.ProjectId, ct) is { } denied)
            {
                return denied;
            }

            var list = await ctx.Db.Environments.AsNoTracking()
                .Where(e => e.ProjectId == query.ProjectId)
                .OrderBy(e => e.Name)
                .ToListAsync(ct);
            return list.Select(EnvironmentDto.From).ToList();
        }
    }
}
