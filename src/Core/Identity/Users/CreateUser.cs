using Microsoft.AspNetCore.Identity;
using Paddock.Core.Common;

namespace Paddock.Core.Identity.Users;

public static class CreateUser
{
    /// <param name="Password">Null to generate one, shown once to the administrator.</param>
    public sealed record Command(string Email, string? DisplayName, string? Password, bool IsOwner = false);

    public sealed class Handler(HandlerContext ctx, UserManager<PaddockUser> users)
    {
        public async Task<Result<CreatedUser>> HandleAsync(Command command, CancellationToken ct)
        {
            if (await ctx.Access.DemandAsync(Permission.UsersManage, null, ct) is { } denied)
            {
                return denied;
            }

            var validator = new Validator().Email("email", command.Email).MaxLength("displayName", command.DisplayName, 100, "Display name");
            if (validator.ToError() is { } invalid)
            {
                return invalid;
            }

            var email = command.Email.Trim();
            if (await users.FindByEmailAsync(email) is not null)
            {
                return ValidationError.For("email", $"A user with the e-mail '{email}' already exists.");
            }

            var password = string.IsNullOrEmpty(command.Password) ? PasswordGenerator.Generate() : command.Password;
            var user = new PaddockUser
            {
                UserName = email,
                Email = email,
                EmailConfirmed = true,
                DisplayName = string.IsNullOrWhiteSpace(command.DisplayName) ? email.Split('@')[0] : command.DisplayName.Trim(),
                IsOwner = command.IsOwner,
                CreatedAt = ctx.Now,
            };
            var result = await users.CreateAsync(user, password);
            if (!result.Succeeded)
            {
                return IdentityErrors.ToValidation(result);
            }

            return new CreatedUser(UserDto.From(user, ctx.Now), command.Password is null or "" ? password : null);
        }
    }
}
