using Microsoft.EntityFrameworkCore;
using Paddock.Core.Common;
using Paddock.Core.Identity;

namespace Paddock.Core.Projects;

public static class ChangeMemberRole
{
    public sealed record Command(Guid ProjectId, Guid UserId, string Role);

    public sealed class Handler(HandlerContext ctx)
    {
        public async Task<Result<Unit>> HandleAsync(Command command, CancellationToken ct)
        {
            if (await ctx.Access.DemandAsync(Permission.MembersManage, command.ProjectId, ct) is { } denied)
            {
                return denied;
            }

            var validator = new Validator();
            var role = MemberRules.ParseRole(command.Role, validator);
            if (validator.ToError() is { } invalid)
            {
                return invalid;
            }

            var member = await ctx.Db.ProjectMembers.FirstOrDefaultAsync(m => m.ProjectId == command.ProjectId && m.UserId == command.UserId, ct);
            if (member is null)
            {
                return NotFoundError.For("Member", command.UserId);
            }

            if (command.UserId == ctx.User.UserId)
            {
                return ValidationError.For("role", "You cannot change your own role; ask another project admin.");
            }

            if (role != ProjectRole.ProjectAdmin && await MemberRules.IsLastAdminAsync(ctx.Db, member, ct))
            {
                return ValidationError.For("role", "This is the project's last ProjectAdmin; make someone else ProjectAdmin first.");
            }

            member.ChangeRole(role!.Value);
            await ctx.Db.SaveChangesAsync(ct);
            return Unit.Value;
        }
    }
}
