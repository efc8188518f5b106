using Microsoft.EntityFrameworkCore;
using Paddock.Core.Common;
using Paddock.Core.Identity;

namespace Paddock.Core.Blueprints.Catalog;

public static class SetVersionStatus
{
    public sealed record Command(Guid ProjectId, Guid BlueprintId, int Number, VersionStatus Status);

    public sealed class Handler(HandlerContext ctx)
    {
        public async Task<Result<Unit>> HandleAsync(Command command, CancellationToken ct)
        {
            if (await ctx.Access.DemandAsync(Permission.BlueprintsWrite, command.ProjectId, ct) is { } denied)
            {
                return denied;
            }

            var version = await ctx.Db.BlueprintVersions
                .FirstOrDefaultAsync(v => v.BlueprintId == command.BlueprintId && v.ProjectId == command.ProjectId && v.Number == command.Number, ct);
            if (version is null)
            {
                return NotFoundError.For("Blueprint version", command.Number);
            }

            switch (command.Status)
            {
                case VersionStatus.Published:
                    version.Publish();
                    break;
                case VersionStatus.Deprecated:
                    version.Deprecate();
                    break;
                default:
                    return ValidationError.For("status", "A version can be published or deprecated, never made a draft again.");
            }

            await ctx.Db.SaveChangesAsync(ct);
            return Unit.Value;
        }
    }
}
