using Microsoft.EntityFrameworkCore;
using Paddock.Core.Common;
using Paddock.Core.Identity;

namespace Paddock.Core.Blueprints.Catalog;

public static class ListBlueprints
{
    public sealed record Query(Guid ProjectId, string? Search = null, string? Tag = null);

    public sealed class Handler(HandlerContext ctx)
    {
        public async Task<Result<IReadOnlyList<BlueprintSummary>>> HandleAsync(Query query, CancellationToken ct)
        {
            if (await ctx.Access.DemandAsync(Permission.BlueprintsRead, query.ProjectId, ct) is { } denied)
            {
                return denied;
            }

            var blueprints = ctx.Db.Blueprints.AsNoTracking().Where(b => b.ProjectId == query.ProjectId);
            if (!string.IsNullOrWhiteSpace(query.Search))
            {
                var pattern = $"%{query.Search.Trim().ToUpperInvariant()}%";
                blueprints = blueprints.Where(b => EF.Functions.Like(b.Name.ToUpper(), pattern) || EF.Functions.Like(b.Description.ToUpper(), pattern));
            }

            if (!string.IsNullOrWhiteSpace(query.Tag))
            {
                var tag = query.Tag.Trim().ToLowerInvariant();
                blueprints = blueprints.Where(b => b.Tags.Contains(tag));
            }

            var rows = await (
                from b in blueprints
                join u in ctx.Db.Users on b.OwnerId equals u.Id into owners
                from owner in owners.DefaultIfEmpty()
                let latest = ctx.Db.BlueprintVersions.FirstOrDefault(v => v.BlueprintId == b.Id && v.Number == b.LatestVersion)
                orderby b.Name
                select new { b, Owner = owner == null ? null : owner.Email, Latest = latest }).ToListAsync(ct);

            return rows.Select(r => new BlueprintSummary(r.b.Id, r.b.ProjectId, r.b.Name, r.b.Description, r.b.Tags, r.Owner, r.b.LatestVersion,
                r.Latest?.Status, r.Latest is null ? 0 : ServiceCount(r.Latest.Yaml), r.b.UpdatedAt)).ToList();
        }

        private static int ServiceCount(string yaml) => BlueprintYaml.Parse(yaml).Spec?.Services.Count ?? 0;
    }
}
