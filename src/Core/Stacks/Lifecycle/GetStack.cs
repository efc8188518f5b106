using Microsoft.EntityFrameworkCore;
using Paddock.Core.Common;
using Paddock.Core.Identity;

namespace Paddock.Core.Stacks;

public static class GetStack
{
    /// <param name="Operations">How many recent operations to return, newest first; the newest carries its step log.</param>
    public sealed record Query(Guid ProjectId, Guid StackId, int Operations = 20);

    public sealed class Handler(HandlerContext ctx)
    {
        public async Task<Result<StackDetails>> HandleAsync(Query query, CancellationToken ct)
        {
            if (await ctx.Access.DemandAsync(Permission.StacksRead, query.ProjectId, ct) is { } denied)
            {
                return denied;
            }

            var row = await (
                from s in ctx.Db.Stacks.AsNoTracking()
                join e in ctx.Db.Environments on s.EnvironmentId equals e.Id
                join b in ctx.Db.Blueprints on s.BlueprintId equals b.Id
                join u in ctx.Db.Users on s.OwnerId equals u.Id into owners
                from owner in owners.DefaultIfEmpty()
                where s.Id == query.StackId && s.ProjectId == query.ProjectId
                select new { s, Environment = e.Name, e.IsProtected, Blueprint = b.Name, b.LatestVersion, Owner = owner == null ? null : owner.Email })
                .FirstOrDefaultAsync(ct);
            if (row is null)
            {
                return NotFoundError.For("Stack", query.StackId);
            }

            var operations = await GetOperation.WithRequester(ctx.Db)
                .Where(r => r.Operation.StackId == row.s.Id)
                .OrderByDescending(r => r.Operation.CreatedAt)
                .Take(query.Operations).ToListAsync(ct);
            var latestId = operations.FirstOrDefault()?.Operation.Id;
            var steps = latestId is { } id ? await GetOperation.StepsAsync(ctx.Db, id, ct) : null;

            var stack = row.s;
            return new StackDetails(stack.Id, stack.ProjectId, stack.Name, stack.Status, stack.EnvironmentId, row.Environment, row.IsProtected, stack.BlueprintId, row.Blueprint,
                stack.BlueprintVersion, row.LatestVersion, StackDesiredState.Masked(stack.Inputs), stack.Replicas, row.Owner, stack.CreatedAt, stack.ExpiresAt,
                [.. operations.Select(r => GetOperation.ToDto(r, r.Operation.Id == latestId ? steps : null))], stack.Drift, stack.DriftCheckedAt);
        }
    }
}
