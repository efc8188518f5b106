using Microsoft.EntityFrameworkCore;
using Paddock.Core.Common;

namespace Paddock.Core.Environments;

internal static class EnvironmentRules
{
    private static readonly TimeSpan MaxAllowedTtl = TimeSpan.FromDays(365);

    public static async Task<Error?> ValidateAsync(IPaddockDbContext db, Guid projectId, Guid? environmentId, EnvironmentSettings settings, CancellationToken ct)
    {
        var validator = new Validator()
            .Required("name", settings.Name, "Name")
            .Slug("name", settings.Name?.Trim(), "Name")
            .MaxLength("description", settings.Description, 500, "Description")
            .When(settings.DefaultTtl <= TimeSpan.Zero, "defaultTtl", "Default time to live must be positive.")
            .When(settings.MaxTtl <= TimeSpan.Zero, "maxTtl", "Maximum time to live must be positive.")
            .When(settings.MaxTtl > MaxAllowedTtl, "maxTtl", "Maximum time to live can be at most 365 days.")
            .When(settings.DefaultTtl > MaxAllowedTtl, "defaultTtl", "Default time to live can be at most 365 days.")
            .When(settings.DefaultTtl is { } d && settings.MaxTtl is { } m && d > m, "defaultTtl", "Default time to live cannot exceed the maximum.");
        if (!validator.IsValid)
        {
            return validator.ToError();
        }

        var name = settings.Name?.Trim() ?? "";
        var taken = await db.Environments.AnyAsync(e => e.ProjectId == projectId && e.Id != environmentId && e.Name == name, ct);
        return taken ? ValidationError.For("name", $"This project already has an environment named '{name}'.") : null;
    }
}
