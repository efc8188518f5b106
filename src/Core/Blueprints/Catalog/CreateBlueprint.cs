using Paddock.Core.Common;
using Paddock.Core.Identity;

namespace Paddock.Core.Blueprints.Catalog;

public static class CreateBlueprint
{
    /// <param name="Yaml">The first version's content; null starts from a runnable example.</param>
    public sealed record Command(Guid ProjectId, string Name, string? Description, IReadOnlyList<string>? Tags, string? Yaml, string? Message);

    public sealed class Handler(HandlerContext ctx)
    {
        public async Task<Result<SavedVersion>> HandleAsync(Command command, CancellationToken ct)
        {
            if (await ctx.Access.DemandAsync(Permission.BlueprintsWrite, command.ProjectId, ct) is { } denied)
            {
                return denied;
            }

            if (await CatalogRules.ValidateNameAsync(ctx.Db, command.ProjectId, null, command.Name, command.Description, command.Tags, ct) is { } invalid)
            {
                return invalid;
            }

            var yaml = string.IsNullOrWhiteSpace(command.Yaml) ? CatalogRules.StarterYaml(command.Name.Trim()) : command.Yaml;
            var check = BlueprintCheck.Run(yaml);
            if (!check.IsValid)
            {
                return check.ToValidationError();
            }

            var blueprint = Blueprint.Create(command.ProjectId, command.Name, command.Description, command.Tags, ctx.User.UserId, ctx.Now);
            blueprint.SetLayout(check.Layout);
            var hash = BlueprintHash.Compute(check.Spec!);
            var version = blueprint.AddVersion(yaml, hash, command.Message ?? "First version", ctx.User.UserId, ctx.Now);
            ctx.Db.Blueprints.Add(blueprint);
            ctx.Db.BlueprintVersions.Add(version);
            await ctx.Db.SaveChangesAsync(ct);
            return new SavedVersion(blueprint.Id, version.Number, hash, true, check.Issues.Where(i => i.Severity == IssueSeverity.Warning).ToList());
        }
    }
}
