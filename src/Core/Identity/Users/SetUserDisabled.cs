using Microsoft.AspNetCore.Identity;
using Paddock.Core.Common;

namespace Paddock.Core.Identity.Users;

public static class SetUserDisabled
{
    public sealed record Command(Guid UserId, bool Disabled);

    public sealed class Handler(HandlerContext ctx, UserManager<PaddockUser> users)
    {
        public async Task<Result<UserDto>> HandleAsync(Command command, CancellationToken ct)
        {
            if (await ctx.Access.DemandAsync(Permission.UsersManage, null, ct) is { } denied)
            {
                return denied;
            }

            var user = await users.FindByIdAsync(command.UserId.ToString());
            if (user is null)
            {
                return NotFoundError.For("User", command.UserId);
            }

            if (user.Id == ctx.User.UserId && command.Disabled)
            {
                return ValidationError.For("disabled", "You cannot disable your own account.");
            }

            user.IsDisabled = command.Disabled;
            // A new security stamp ends the disabled user's existing sessions at their next validation.
            await users.UpdateSecurityStampAsync(user);
            return UserDto.From(user, ctx.Now);
        }
    }
}
