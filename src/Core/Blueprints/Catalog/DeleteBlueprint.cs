using Microsoft.EntityFrameworkCore;
using Paddock.Core.Common;
using Paddock.Core.Identity;

namespace Paddock.Core.Blueprints.Catalog;

public static class DeleteBlueprint
{
    public sealed record Command(Guid ProjectId, Guid BlueprintId);

    public sealed class Handler(HandlerContext ctx, IEnumerable<IBlueprintUsage> usages)
    {
        public async Task<Result<Unit>> HandleAsync(Command command, CancellationToken ct)
        {
            if (await ctx.Access.DemandAsync(Permission.BlueprintsWrite, command.ProjectId, ct) is { } denied)
            {
                return denied;
            }

            var found = await CatalogRules.FindAsync(ctx.Db, command.ProjectId, command.BlueprintId, ct);
            if (!found.IsSuccess)
            {
                return found.Error!;
            }

            foreach (var usage in usages)
            {
                if (await usage.DescribeUseAsync(command.BlueprintId, ct) is { } inUse)
                {
                    return new ConflictError($"Blueprint '{found.Value.Name}' is in use: {inUse}.");
                }
            }

            var versions = await ctx.Db.BlueprintVersions.Where(v => v.BlueprintId == command.BlueprintId).ToListAsync(ct);
            ctx.Db.BlueprintVersions.RemoveRange(versions);
            ctx.Db.Blueprints.Remove(found.Value);
            await ctx.Db.SaveChangesAsync(ct);
            return Unit.Value;
        }
    }
}

/// <summary>Features that launch from blueprints (stacks) say whether one is in use, so delete can refuse.</summary>
public interface IBlueprintUsage
{
    Task<string?> DescribeUseAsync(Guid blueprintId, CancellationToken ct);
}
