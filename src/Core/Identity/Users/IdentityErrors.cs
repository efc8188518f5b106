using Microsoft.AspNetCore.Identity;
using Paddock.Core.Common;

namespace Paddock.Core.Identity.Users;

internal static class IdentityErrors
{
    /// <summary>Maps Identity's error codes to the form field they concern.</summary>
    public static ValidationError ToValidation(IdentityResult result, string passwordField = "password") =>
        new(result.Errors.Select(e => new FieldError(
            e.Code.StartsWith("Password", StringComparison.Ordinal) ? passwordField
            : e.Code.Contains("Email", StringComparison.Ordinal) || e.Code.Contains("UserName", StringComparison.Ordinal) ? "email"
            : "",
            e.Description)).ToArray());
}
