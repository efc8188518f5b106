using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Paddock.Core;
using Paddock.Core.Audit;
using Paddock.Core.Common;
using Paddock.Core.Identity;

namespace Paddock.Web.Identity;

/// <summary>
/// Sign-in and sign-out are plain form posts: cookies can only be written by an HTTP response, never from an
/// interactive circuit. Failed attempts count towards lockout and are audited.
/// </summary>
internal static class AccountEndpoints
{
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/account").ExcludeFromDescription();
        group.MapPost("/sign-in", SignInAsync).AllowAnonymous();
        group.MapPost("/sign-out", SignOutAsync).RequireAuthorization();
        return app;
    }

    private static async Task<IResult> SignInAsync([FromForm] string? email, [FromForm] string? password, [FromForm] string? returnUrl,
        [FromForm] bool? remember, SignInManager<PaddockUser> signIn, IPaddockDbContext db, ICurrentUser current, TimeProvider time)
    {
        var target = IsLocal(returnUrl) ? returnUrl! : "/";
        if (string.IsNullOrWhiteSpace(email) || string.IsNullOrEmpty(password))
        {
            return Back("missing", email, target);
        }

        var user = await signIn.UserManager.FindByEmailAsync(email.Trim());
        if (user is null)
        {
            return Back("invalid", email, target);
        }

        if (user.IsDisabled)
        {
            await AuditAsync(db, current, time, "user.sign-in-refused", user);
            return Back("disabled", email, target);
        }

        var result = await signIn.PasswordSignInAsync(user, password, remember ?? false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            await AuditAsync(db, current, time, "user.signed-in", user);
            return Results.LocalRedirect(target);
        }

        await AuditAsync(db, current, time, result.IsLockedOut ? "user.locked-out" : "user.sign-in-failed", user);
        return Back(result.IsLockedOut ? "locked" : "invalid", email, target);
    }

    private static async Task<IResult> SignOutAsync(SignInManager<PaddockUser> signIn)
    {
        await signIn.SignOutAsync();
        return Results.LocalRedirect("/account/sign-in");
    }

    private static async Task AuditAsync(IPaddockDbContext db, ICurrentUser current, TimeProvider time, string action, PaddockUser user)
    {
        db.AuditEvents.Add(AuditEntry.For(current, time.GetUtcNow(), action, "user", user.Id, user.Email ?? "", actorName: user.Email));
        await db.SaveChangesAsync();
    }

    private static IResult Back(string error, string? email, string returnUrl) =>
        Results.LocalRedirect($"/account/sign-in?error={error}&email={Uri.EscapeDataString(email ?? "")}&returnUrl={Uri.EscapeDataString(returnUrl)}");

    private static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url) && url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal);
}
