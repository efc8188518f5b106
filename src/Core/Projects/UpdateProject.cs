using Microsoft.EntityFrameworkCore;
using Paddock.Core.Common;
using Paddock.Core.Identity;

namespace Paddock.Core.Projects;

public static class UpdateProject
{
    /// <param name="ExpectedVersion">When given, the update is refused if the project changed since it was read.</param>
    public sealed record Command(Guid ProjectId, string Name, string? Description, uint? ExpectedVersion = null);

    public sealed class Handler(HandlerContext ctx)
    {
        public async Task<Result<ProjectDetails>> HandleAsync(Command command, CancellationToken ct)
        {
            if (await ctx.Access.DemandAsync(Permission.ProjectManage, command.ProjectId, ct) is { } denied)
            {
                return denied;
            }

            var project = await ctx.Db.Projects.FirstOrDefaultAsync(p => p.Id == command.ProjectId, ct);
            if (project is null)
            {
                return NotFoundError.For("Project", command.ProjectId);
            }

            if (command.ExpectedVersion is { } expected && expected != project.Version)
            {
                return new PreconditionFailedError("The project was changed by someone else; reload and try again.");
            }

            if (await ProjectRules.ValidateAsync(ctx.Db, project.Id, command.Name, command.Description, ct) is { } invalid)
            {
                return invalid;
            }

            project.Rename(command.Name, command.Description);
            await ctx.Db.SaveChangesAsync(ct);
            return new ProjectDetails(project.Id, project.Name, project.Description, project.IsArchived, project.CreatedAt, project.Version,
                await ctx.Access.PermissionsInAsync(project.Id, ct));
        }
    }
}
