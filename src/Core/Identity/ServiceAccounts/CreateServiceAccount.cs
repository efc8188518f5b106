using Microsoft.EntityFrameworkCore;
using Paddock.Core.Common;
using Paddock.Core.Projects;

namespace Paddock.Core.Identity.ServiceAccounts;

public static class CreateServiceAccount
{
    public sealed record Command(Guid ProjectId, string? Name, string? Role, string? Description = null);

    public sealed class Handler(HandlerContext ctx)
    {
        public async Task<Result<ServiceAccountDto>> HandleAsync(Command command, CancellationToken ct)
        {
            if (await ctx.Access.DemandAsync(Permission.MembersManage, command.ProjectId, ct) is { } denied)
            {
                return denied;
            }

            var validator = new Validator()
                .Required("name", command.Name, "Name")
                .Slug("name", command.Name?.Trim(), "Name")
                .MaxLength("description", command.Description, 500, "Description");
            var role = MemberRules.ParseRole(command.Role, validator);
            if (validator.ToError() is { } invalid)
            {
                return invalid;
            }

            var name = command.Name!.Trim();
            if (await ctx.Db.ServiceAccounts.AnyAsync(s => s.ProjectId == command.ProjectId && s.Name == name && s.DeletedAt == null, ct))
            {
                return ValidationError.For("name", $"This project already has a service account named '{name}'.");
            }

            var now = ctx.Now;
            var userId = Guid.CreateVersion7();
            var userName = ServiceAccount.UserNameFor(userId);
            // No password hash: a service account can never sign in with the form, only act through its tokens.
            var user = new PaddockUser
            {
                Id = userId,
                UserName = userName,
                NormalizedUserName = userName.ToUpperInvariant(),
                Email = userName,
                NormalizedEmail = userName.ToUpperInvariant(),
                DisplayName = $"{name} (service account)",
                SecurityStamp = Guid.NewGuid().ToString("N"),
                CreatedAt = now,
            };
            var account = ServiceAccount.Create(command.ProjectId, userId, name, command.Description?.Trim(), now);
            ctx.Db.Users.Add(user);
            ctx.Db.ServiceAccounts.Add(account);
            ctx.Db.ProjectMembers.Add(ProjectMember.Create(command.ProjectId, userId, role!.Value, now));
            await ctx.Db.SaveChangesAsync(ct);
            return new ServiceAccountDto(account.Id, userId, name, account.Description, role.Value, now, 0);
        }
    }
}
