using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Paddock.Core.Identity;

namespace Paddock.Web.Identity;

/// <summary>Identity's sign-in, plus Paddock's rule that a disabled user cannot sign in (nor keep a session).</summary>
internal sealed class PaddockSignInManager(
    UserManager<PaddockUser> userManager,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<PaddockUser> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<PaddockUser>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<PaddockUser> confirmation)
    : SignInManager<PaddockUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    public override async Task<bool> CanSignInAsync(PaddockUser user) =>
        !user.IsDisabled && await base.CanSignInAsync(user);
}
