using Microsoft.EntityFrameworkCore;
using Paddock.Core.Common;
using Paddock.Core.Identity;

namespace Paddock.Core.Blueprints.Catalog;

public static class GetBlueprint
{
    public sealed record Query(Guid ProjectId, Guid BlueprintId);

    public sealed class Handler(HandlerContext ctx)
    {
        public async Task<Result<BlueprintDetails>> HandleAsync(Query query, CancellationToken ct)
        {
            if (await ctx.Access.DemandAsync(Permission.BlueprintsRead, query.ProjectId, ct) is { } denied)
            {
                return denied;
            }

            var blueprint = await ctx.Db.Blueprints.AsNoTracking().FirstOrDefaultAsync(b => b.Id == query.BlueprintId && b.ProjectId == query.ProjectId, ct);
            if (blueprint is null)
            {
                return NotFoundError.For("Blueprint", query.BlueprintId);
            }

            var versions = await (
                from v in ctx.Db.BlueprintVersions.AsNoTracking()
                join u in ctx.Db.Users on v.AuthorId equals u.Id into authors
                from author in authors.DefaultIfEmpty()
                where v.BlueprintId == blueprint.Id
                orderby v.Number descending
                select new VersionSummary(v.Number, v.ContentHash, v.Message, v.Status, author == null ? null : author.Email, v.CreatedAt)).ToListAsync(ct);
            var owner = await ctx.Db.Users.Where(u => u.Id == blueprint.OwnerId).Select(u => u.Email).FirstOrDefaultAsync(ct);
            return new BlueprintDetails(blueprint.Id, blueprint.ProjectId, blueprint.Name, blueprint.Description, blueprint.Tags, owner,
                blueprint.LatestVersion, blueprint.Layout, blueprint.CreatedAt, blueprint.UpdatedAt, blueprint.Version, versions);
        }
    }
}
