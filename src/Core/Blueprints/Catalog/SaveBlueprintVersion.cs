using Microsoft.EntityFrameworkCore;
using Paddock.Core.Common;
using Paddock.Core.Identity;

namespace Paddock.Core.Blueprints.Catalog;

public static class SaveBlueprintVersion
{
    /// <param name="BaseVersion">The version the author started from; saving over a newer one is refused (412) so edits are never lost.</param>
    public sealed record Command(Guid ProjectId, Guid BlueprintId, string Yaml, string? Message, int? BaseVersion = null);

    public sealed class Handler(HandlerContext ctx)
    {
        public async Task<Result<SavedVersion>> HandleAsync(Command command, CancellationToken ct)
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
            if (command.BaseVersion is { } baseVersion && baseVersion != blueprint.LatestVersion)
            {
                return new PreconditionFailedError(
                    $"Version {blueprint.LatestVersion} was saved since you opened version {baseVersion}; reload, compare and save again.");
            }

            var validator = new Validator().MaxLength("message", command.Message, 500, "Message");
            if (validator.ToError() is { } invalidMessage)
            {
                return invalidMessage;
            }

            var check = BlueprintCheck.Run(command.Yaml);
            if (!check.IsValid)
            {
                return check.ToValidationError();
            }

            var warnings = check.Issues.Where(i => i.Severity == IssueSeverity.Warning).ToList();
            var hash = BlueprintHash.Compute(check.Spec!);
            blueprint.SetLayout(check.Layout);
            var latestHash = await ctx.Db.BlueprintVersions
                .Where(v => v.BlueprintId == blueprint.Id && v.Number == blueprint.LatestVersion)
                .Select(v => v.ContentHash)
                .FirstOrDefaultAsync(ct);
            if (latestHash == hash)
            {
                // Same content (formatting, comments or layout may differ): no new version.
                await ctx.Db.SaveChangesAsync(ct);
                return new SavedVersion(blueprint.Id, blueprint.LatestVersion, hash, false, warnings);
            }

            var version = blueprint.AddVersion(command.Yaml, hash, command.Message, ctx.User.UserId, ctx.Now);
            ctx.Db.BlueprintVersions.Add(version);
            await ctx.Db.SaveChangesAsync(ct);
            return new SavedVersion(blueprint.Id, version.Number, hash, true, warnings);
        }
    }
}
