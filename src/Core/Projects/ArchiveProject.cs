using Microsoft.EntityFrameworkCore;
using Paddock.Core.Common;
using Paddock.Core.Identity;

namespace Paddock.Core.Projects;

public static class ArchiveProject
{
    /// <summary>Archive (read-only, hidden by default) or restore a project.</summary>
    public sealed record Command(Guid ProjectId, bool Archived);

    public sealed class Handler(HandlerContext ctx)
    {
        public async Task<Result<Unit>> HandleAsync(Command command, CancellationToken ct)
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

            if (command.Archived)
            {
                project.Archive();
            }
            else
            {
                project.Restore();
            }

            await ctx.Db.SaveChangesAsync(ct);
            return Unit.Value;
        }
    }
}
