using Microsoft.EntityFrameworkCore;
using Paddock.Core.Common;
using Paddock.Core.Identity;

namespace Paddock.Core.Blueprints.Catalog;

public static class CompareVersions
{
    public sealed record Query(Guid ProjectId, Guid BlueprintId, int From, int To);

    public sealed class Handler(HandlerContext ctx)
    {
        public async Task<Result<BlueprintDiffResult>> HandleAsync(Query query, CancellationToken ct)
        {
            if (await ctx.Access.DemandAsync(Permission.BlueprintsRead, query.ProjectId, ct) is { } denied)
            {
                return denied;
            }

            var versions = await ctx.Db.BlueprintVersions.AsNoTracking()
                .Where(v => v.BlueprintId == query.BlueprintId && v.ProjectId == query.ProjectId && (v.Number == query.From || v.Number == query.To))
                .ToDictionaryAsync(v => v.Number, v => v.Yaml, ct);
            if (!versions.TryGetValue(query.From, out var from))
            {
                return ValidationError.For("from", $"Version {query.From} does not exist.");
            }

            if (!versions.TryGetValue(query.To, out var to))
            {
                return ValidationError.For("to", $"Version {query.To} does not exist.");
            }

            // Stored versions were valid when saved, so they parse.
            return BlueprintDiff.Compare(BlueprintYaml.Parse(from).Spec!, BlueprintYaml.Parse(to).Spec!);
        }
    }
}
