using Microsoft.EntityFrameworkCore;
using Paddock.Core.Common;
using Paddock.Core.Identity;

namespace Paddock.Core.Projects;

public static class GetProject
{
    public sealed record Query(Guid ProjectId);

    public sealed class Handler(HandlerContext ctx)
    {
        public async Task<Result<ProjectDetails>> HandleAsync(Query query, CancellationToken ct)
        {
            if (await ctx.Access.DemandAsync(Permission.ProjectRead, query.ProjectId, ct) is { } denied)
            {
                return denied;
            }

            var project = await ctx.Db.Projects.AsNoTracking().FirstOrDefaultAsync(p => p.Id == query.ProjectId, ct);
            if (project is null)
            {
                return NotFoundError.For("Project", query.ProjectId);
            }

            return new ProjectDetails(project.Id, project.Name, project.Description, project.IsArchived, project.CreatedAt, project.Version,
                await ctx.Access.PermissionsInAsync(project.Id, ct));
        }
    }
}
