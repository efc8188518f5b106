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
        if (taken)
        {
            return ValidationError.For("name", $"This project already has an environment named '{name}'.");
        }

        return await AccountProblemAsync(db, environmentId, settings.ProviderAccountId, ct);
    }

    /// <summary>The account must exist, and an environment with live stacks stays where they run (moving it would orphan them).</summary>
    private static async Task<Error?> AccountProblemAsync(IPaddockDbContext db, Guid? environmentId, Guid? accountId, CancellationToken ct)
    {
        if (accountId is not { } id)
        {
            return null;
        }

        if (!await db.ProviderAccounts.AnyAsync(a => a.Id == id, ct))
        {
            return ValidationError.For("providerAccountId", $"Provider account '{id}' does not exist.");
        }

        var current = environmentId is null ? null : await db.Environments.Where(e => e.Id == environmentId).Select(e => e.ProviderAccountId).FirstOrDefaultAsync(ct);
        if (environmentId is not null && current is not null && current != id
            && await db.Stacks.AnyAsync(s => s.EnvironmentId == environmentId && s.Status != Stacks.StackStatus.Destroyed, ct))
        {
            return ValidationError.For("providerAccountId", "The environment has live stacks on its current account; destroy them before moving it to another account.");
        }

        return null;
    }
}
