using Microsoft.AspNetCore.Identity;
using Paddock.Core.Common;

namespace Paddock.Core.Identity.Users;

public static class ChangePassword
{
    public sealed record Command(string CurrentPassword, string NewPassword);

    public sealed class Handler(HandlerContext ctx, UserManager<PaddockUser> users)
    {
        public async Task<Result<Unit>> HandleAsync(Command command, CancellationToken ct)
        {
            if (ctx.User.UserId is not { } userId || await users.FindByIdAsync(userId.ToString()) is not { } user)
            {
                return new ForbiddenError("Sign in first.");
            }

            var validator = new Validator()
                .Required("currentPassword", command.CurrentPassword, "Current password")
                .Required("newPassword", command.NewPassword, "New password");
            if (validator.ToError() is { } invalid)
            {
                return invalid;
            }

            var result = await users.ChangePasswordAsync(user, command.CurrentPassword, command.NewPassword);
            if (!result.Succeeded)
            {
                return result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.PasswordMismatch))
                    ? ValidationError.For("currentPassword", "The current password is not correct.")
                    : IdentityErrors.ToValidation(result, "newPassword");
            }

            return Unit.Value;
        }
    }
}
