using Microsoft.EntityFrameworkCore;
using Paddock.Core.Common;
using Paddock.Core.Identity;

namespace Paddock.Core.Projects;

public static class RemoveMember
{
    public sealed record Command(Guid ProjectId, Guid UserId);

    public sealed class Handler(HandlerContext ctx)
    {
        public async Task<Result<Unit>> HandleAsync(Command command, CancellationToken ct)
        {
            if (await ctx.Access.DemandAsync(Permission.MembersManage, command.ProjectId, ct) is { } denied)
            {
                return denied;
            }

            var member = await ctx.Db.ProjectMembers.FirstOrDefaultAsync(m => m.ProjectId == command.ProjectId && m.UserId == command.UserId, ct);
            if (member is null)
            {
                return NotFoundError.For("Member", command.UserId);
            }

            if (await MemberRules.IsLastAdminAsync(ctx.Db, member, ct))
            {
                return ValidationError.For("userId", "This is the project's last ProjectAdmin; make someone else ProjectAdmin first.");
            }

            ctx.Db.ProjectMembers.Remove(member);
            await ctx.Db.SaveChangesAsync(ct);
            return Unit.Value;
        }
    }
}
