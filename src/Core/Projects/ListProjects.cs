using Microsoft.EntityFrameworkCore;
using Paddock.Core.Common;
using Paddock.Core.Identity;

namespace Paddock.Core.Projects;

public static class ListProjects
{
    public sealed record Query(bool IncludeArchived = false, string? Search = null);

    public sealed class Handler(HandlerContext ctx)
    {
        public async Task<Result<IReadOnlyList<ProjectSummary>>> HandleAsync(Query query, CancellationToken ct)
        {
            if (ctx.User.UserId is not { } userId)
            {
                return new ForbiddenError("Sign in first.");
            }

            var projects = ctx.Db.Projects.AsNoTracking();
            // The Owner sees every project; everyone else only those they are a member of.
            if (!await ctx.Access.HasAsync(Permission.ProjectsCreate, null, ct))
            {
                projects = projects.Where(p => ctx.Db.ProjectMembers.Any(m => m.ProjectId == p.Id && m.UserId == userId));
            }

            if (!query.IncludeArchived)
            {
                projects = projects.Where(p => !p.IsArchived);
            }

            if (!string.IsNullOrWhiteSpace(query.Search))
            {
                var pattern = $"%{query.Search.Trim().ToUpperInvariant()}%";
                projects = projects.Where(p => EF.Functions.Like(p.Name.ToUpper(), pattern));
            }

            var list = await projects
                .OrderBy(p => p.Name)
                .Select(p => new ProjectSummary(p.Id, p.Name, p.Description, p.IsArchived, p.CreatedAt,
                    ctx.Db.ProjectMembers.Count(m => m.ProjectId == p.Id),
                    ctx.Db.Environments.Count(e => e.ProjectId == p.Id)))
                .ToListAsync(ct);
            return list;
        }
    }
}
