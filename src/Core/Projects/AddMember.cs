using Microsoft.EntityFrameworkCore;
using Paddock.Core.Common;
using Paddock.Core.Identity;

namespace Paddock.Core.Projects;

public static class AddMember
{
    public sealed record Command(Guid ProjectId, string Email, string Role);

    public sealed class Handler(HandlerContext ctx)
    {
        public async Task<Result<MemberDto>> HandleAsync(Command command, CancellationToken ct)
        {
            if (await ctx.Access.DemandAsync(Permission.MembersManage, command.ProjectId, ct) is { } denied)
            {
                return denied;
            }

            var validator = new Validator().Email("email", command.Email);
            var role = MemberRules.ParseRole(command.Role, validator);
            if (validator.ToError() is { } invalid)
            {
                return invalid;
            }

            var normalized = command.Email.Trim().ToUpperInvariant();
            var user = await ctx.Db.Users.FirstOrDefaultAsync(u => u.NormalizedEmail == normalized, ct);
            if (user is null)
            {
                return ValidationError.For("email", $"No user has the e-mail '{command.Email.Trim()}'. Ask the administrator to invite them first.");
            }

            if (await ctx.Db.ProjectMembers.AnyAsync(m => m.ProjectId == command.ProjectId && m.UserId == user.Id, ct))
            {
                return ValidationError.For("email", $"{user.Email} is already a member of this project.");
            }

            var member = ProjectMember.Create(command.ProjectId, user.Id, role!.Value, ctx.Now);
            ctx.Db.ProjectMembers.Add(member);
            await ctx.Db.SaveChangesAsync(ct);
            return new MemberDto(user.Id, user.Email!, user.DisplayName, member.Role, member.AddedAt);
        }
    }
}

internal static class MemberRules
{
    public static ProjectRole? ParseRole(string? role, Validator validator)
    {
        if (Enum.TryParse<ProjectRole>(role, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(role, out _))
        {
            return parsed;
        }

        validator.Add("role", $"'{role}' is not a role. Use one of: {string.Join(", ", Enum.GetNames<ProjectRole>())}.");
        return null;
    }

    /// <summary>A project must keep at least one ProjectAdmin, or nobody could manage it.</summary>
    public static async Task<bool> IsLastAdminAsync(IPaddockDbContext db, ProjectMember member, CancellationToken ct) =>
        member.Role == ProjectRole.ProjectAdmin
        && !await db.ProjectMembers.AnyAsync(m => m.ProjectId == member.ProjectId && m.Id != member.Id && m.Role == ProjectRole.ProjectAdmin, ct);
}
