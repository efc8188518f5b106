using Paddock.Core.Common;
using Paddock.Core.Identity;

namespace Paddock.Core.Blueprints.Catalog;

public static class UpdateBlueprint
{
    /// <summary>Changes the description and tags; the name is the blueprint's identity in stacks and is fixed.</summary>
    public sealed record Command(Guid ProjectId, Guid BlueprintId, string? Description, IReadOnlyList<string>? Tags, uint? ExpectedVersion = null);

    public sealed class Handler(HandlerContext ctx)
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

            var blueprint = found.Value;
            if (command.ExpectedVersion is { } expected && expected != blueprint.Version)
            {
                return new PreconditionFailedError("The blueprint was changed by someone else; reload and try again.");
            }

            if (await CatalogRules.ValidateNameAsync(ctx.Db, command.ProjectId, blueprint.Id, blueprint.Name, command.Description, command.Tags, ct) is { } invalid)
            {
                return invalid;
            }

            blueprint.Describe(command.Description, command.Tags, ctx.Now);
            await ctx.Db.SaveChangesAsync(ct);
            return Unit.Value;
        }
    }
}
