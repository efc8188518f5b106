using Microsoft.EntityFrameworkCore;
using Paddock.Core.Common;

namespace Paddock.Core.Identity.ServiceAccounts;

public static class DeleteServiceAccount
{
    public sealed record Command(Guid ProjectId, Guid ServiceAccountId);

    public sealed class Handler(HandlerContext ctx)
    {
        /// <summary>Revokes every token, removes the membership and disables the user, in one transaction.</summary>
        public async Task<Result<Unit>> HandleAsync(Command command, CancellationToken ct)
        {
            if (await ctx.Access.DemandAsync(Permission.MembersManage, command.ProjectId, ct) is { } denied)
            {
                return denied;
            }

            var account = await ctx.Db.ServiceAccounts
                .FirstOrDefaultAsync(s => s.Id == command.ServiceAccountId && s.ProjectId == command.ProjectId && s.DeletedAt == null, ct);
            if (account is null)
            {
                return NotFoundError.For("Service account", command.ServiceAccountId);
            }

            var now = ctx.Now;
            account.Delete(now);
            foreach (var token in await ctx.Db.ApiTokens.Where(t => t.ServiceAccountId == account.Id && t.RevokedAt == null).ToListAsync(ct))
            {
                token.Revoke(now);
            }

            ctx.Db.ProjectMembers.RemoveRange(await ctx.Db.ProjectMembers.Where(m => m.UserId == account.UserId).ToListAsync(ct));
            if (await ctx.Db.Users.FirstOrDefaultAsync(u => u.Id == account.UserId, ct) is { } user)
            {
                user.IsDisabled = true;
            }

            await ctx.Db.SaveChangesAsync(ct);
            return Unit.Value;
        }
    }
}
