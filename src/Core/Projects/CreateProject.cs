using Microsoft.EntityFrameworkCore;
using Paddock.Core.Common;
using Paddock.Core.Identity;

namespace Paddock.Core.Projects;

public static class CreateProject
{
    public sealed record Command(string Name, string? Description);

    public sealed class Handler(HandlerContext ctx)
    {
        public async Task<Result<ProjectDetails>> HandleAsync(Command command, CancellationToken ct)
        {
            if (await ctx.Access.DemandAsync(Permission.ProjectsCreate, null, ct) is { } denied)
            {
                return denied;
            }

            if (await ProjectRules.ValidateAsync(ctx.Db, null, command.Name, command.Description, ct) is { } invalid)
            {
                return invalid;
            }

            var project = Project.Create(command.Name, command.Description, ctx.Now);
            ctx.Db.Projects.Add(project);
            // The creator administers what they create, so the project is never without an admin.
            ctx.Db.ProjectMembers.Add(ProjectMember.Create(project.Id, ctx.User.UserId!.Value, ProjectRole.ProjectAdmin, ctx.Now));
            await ctx.Db.SaveChangesAsync(ct);
            return new ProjectDetails(project.Id, project.Name, project.Description, project.IsArchived, project.CreatedAt, project.Version,
                await ctx.Access.PermissionsInAsync(project.Id, ct));
        }
    }
}

internal static class ProjectRules
{
    public static async Task<Error?> ValidateAsync(IPaddockDbContext db, Guid? projectId, string? name, string? description, CancellationToken ct)
    {
        var validator = new Validator()
            .Required("name", name, "Name")
            .MaxLength("name", name, 80, "Name")
            .MaxLength("description", description, 500, "Description");
        if (!validator.IsValid)
        {
            return validator.ToError();
        }

        var normalized = name!.Trim().ToUpperInvariant();
        var taken = await db.Projects.AnyAsync(p => p.Id != projectId && p.Name.ToUpper() == normalized, ct);
        return taken ? ValidationError.For("name", $"A project named '{name.Trim()}' already exists.") : null;
    }
}
