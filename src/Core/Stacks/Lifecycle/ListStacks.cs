using Microsoft.EntityFrameworkCore;
using Paddock.Core.Common;
using Paddock.Core.Identity;

namespace Paddock.Core.Stacks;

public static class ListStacks
{
    public sealed record Query(Guid ProjectId, bool IncludeDestroyed = false);

    public sealed class Handler(HandlerContext ctx)
    {
        public async Task<Result<IReadOnlyList<StackSummary>>> HandleAsync(Query query, CancellationToken ct)
        {
            if (await ctx.Access.DemandAsync(Permission.StacksRead, query.ProjectId, ct) is { } denied)
            {
                return denied;
            }

            var stacks = ctx.Db.Stacks.AsNoTracking().Where(s => s.ProjectId == query.ProjectId);
            if (!query.IncludeDestroyed)
            {
                stacks = stacks.Where(s => s.Status != StackStatus.Destroyed);
            }

            return await (
                from s in stacks
                join e in ctx.Db.Environments on s.EnvironmentId equals e.Id
                join b in ctx.Db.Blueprints on s.BlueprintId equals b.Id
                join u in ctx.Db.Users on s.OwnerId equals u.Id into owners
                from owner in owners.DefaultIfEmpty()
                orderby s.CreatedAt descending
                select new StackSummary(s.Id, s.Name, s.Status, e.Name, b.Name, s.BlueprintVersion, owner == null ? null : owner.Email, s.CreatedAt, s.ExpiresAt,
                    ctx.Db.Operations.Where(o => o.StackId == s.Id).OrderByDescending(o => o.CreatedAt).Select(o => (OperationStatus?)o.Status).FirstOrDefault()))
                .ToListAsync(ct);
        }
    }
}
