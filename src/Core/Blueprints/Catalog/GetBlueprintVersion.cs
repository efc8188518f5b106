using Microsoft.EntityFrameworkCore;
using Paddock.Core.Common;
using Paddock.Core.Identity;

namespace Paddock.Core.Blueprints.Catalog;

public static class GetBlueprintVersion
{
    /// <param name="Number">The version number; null for the latest.</param>
    public sealed record Query(Guid ProjectId, Guid BlueprintId, int? Number = null);

    public sealed class Handler(HandlerContext ctx)
    {
        public async Task<Result<VersionDetails>> HandleAsync(Query query, CancellationToken ct)
        {
            if (await ctx.Access.DemandAsync(Permission.BlueprintsRead, query.ProjectId, ct) is { } denied)
            {
                return denied;
            }

            var versions = ctx.Db.BlueprintVersions.AsNoTracking().Where(v => v.BlueprintId == query.BlueprintId && v.ProjectId == query.ProjectId);
            versions = query.Number is { } number ? versions.Where(v => v.Number == number) : versions.OrderByDescending(v => v.Number);
            var found = await (
                from v in versions
                join u in ctx.Db.Users on v.AuthorId equals u.Id into authors
                from author in authors.DefaultIfEmpty()
                select new VersionDetails(v.BlueprintId, v.Number, v.Yaml, v.ContentHash, v.Message, v.Status, author == null ? null : author.Email, v.CreatedAt))
                .FirstOrDefaultAsync(ct);
            return found is null ? NotFoundError.For("Blueprint version", query.Number?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "latest") : found;
        }
    }
}
