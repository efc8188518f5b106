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
                select new { b, Owner = owner == null ? null : owner.Email, LatestId = latest == null ? (Guid?)null : latest.Id, Status = latest == null ? (VersionStatus?)null : latest.Status, Hash = latest == null ? null : latest.ContentHash })
                .ToListAsync(ct);

            // A version's YAML never changes, so its service count is kept by content hash: the list reads and parses the
            // YAML only of versions it has not counted yet (parsing was most of this list's time).
            var counts = new Dictionary<string, int>(StringComparer.Ordinal);
            var uncounted = new List<Guid>();
            foreach (var row in rows.Where(r => r.Hash is not null))
            {
                if (ServiceCounts.TryGetValue(row.Hash!, out var known))
                {
                    counts[row.Hash!] = known;
                }
                else
                {
                    uncounted.Add(row.LatestId!.Value);
                }
            }

            if (uncounted.Count > 0)
            {
                if (ServiceCounts.Count > 10_000)
                {
                    ServiceCounts.Clear();
                }

                var yamls = await ctx.Db.BlueprintVersions.AsNoTracking().Where(v => uncounted.Contains(v.Id)).Select(v => new { v.ContentHash, v.Yaml }).ToListAsync(ct);
                foreach (var version in yamls)
                {
                    counts[version.ContentHash] = ServiceCounts[version.ContentHash] = BlueprintYaml.Parse(version.Yaml).Spec?.Services.Count ?? 0;
                }
            }

            return rows.Select(r => new BlueprintSummary(r.b.Id, r.b.ProjectId, r.b.Name, r.b.Description, r.b.Tags, r.Owner, r.b.LatestVersion,
                r.Status, r.Hash is null ? 0 : counts.GetValueOrDefault(r.Hash), r.b.UpdatedAt)).ToList();
        }
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, int> ServiceCounts = new(StringComparer.Ordinal);
}
