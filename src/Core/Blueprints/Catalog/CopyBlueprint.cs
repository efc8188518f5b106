using Microsoft.EntityFrameworkCore;
using Paddock.Core.Common;
using Paddock.Core.Identity;

namespace Paddock.Core.Blueprints.Catalog;

public static class CopyBlueprint
{
    /// <summary>Copies a blueprint's latest version into another project (or this one) under a new name, as version 1.</summary>
    public sealed record Command(Guid ProjectId, Guid BlueprintId, Guid TargetProjectId, string Name);

    public sealed class Handler(HandlerContext ctx, CreateBlueprint.Handler create)
    {
        public async Task<Result<SavedVersion>> HandleAsync(Command command, CancellationToken ct)
        {
            if (await ctx.Access.DemandAsync(Permission.BlueprintsRead, command.ProjectId, ct) is { } denied)
            {
                return denied;
            }

            var source = await ctx.Db.Blueprints.AsNoTracking().FirstOrDefaultAsync(b => b.Id == command.BlueprintId && b.ProjectId == command.ProjectId, ct);
            if (source is null)
            {
                return NotFoundError.For("Blueprint", command.BlueprintId);
            }

            var yaml = await ctx.Db.BlueprintVersions.AsNoTracking()
                .Where(v => v.BlueprintId == source.Id && v.Number == source.LatestVersion)
                .Select(v => v.Yaml)
                .FirstAsync(ct);
            // The target project's own write permission is checked by CreateBlueprint.
            return await create.HandleAsync(new CreateBlueprint.Command(command.TargetProjectId, command.Name, source.Description, source.Tags, yaml,
                $"Copied from {source.Name} v{source.LatestVersion}"), ct);
        }
    }
}
