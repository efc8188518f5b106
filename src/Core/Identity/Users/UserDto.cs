namespace Paddock.Core.Identity.Users;

public sealed record UserDto(Guid Id, string Email, string DisplayName, bool IsOwner, bool IsDisabled, bool IsLockedOut, DateTimeOffset CreatedAt)
{
    public static UserDto From(PaddockUser u, DateTimeOffset now) =>
        new(u.Id, u.Email!, u.DisplayName, u.IsOwner, u.IsDisabled, u.LockoutEnd > now, u.CreatedAt);
}

/// <summary>A created user and, when none was given, the generated password shown once to the administrator.</summary>
public sealed record CreatedUser(UserDto User, string? GeneratedPassword);
