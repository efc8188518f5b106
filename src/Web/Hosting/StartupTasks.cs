using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Paddock.Core.Identity;
using Paddock.Core.Identity.Users;
using Paddock.Data;

namespace Paddock.Web.Hosting;

internal static class StartupTasks
{
    /// <summary>
    /// Embedded mode applies migrations at start. REVIEW (as eShop notes): in a scaled-out deployment the one-shot
    /// `migrate` service in docker-compose.yml does this instead (Paddock:MigrateOnStart=false).
    /// </summary>
    public static async Task MigrateAsync(IServiceProvider services, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PaddockDbContext>();
        await db.Database.MigrateAsync(ct);
    }

    /// <summary>
    /// Creates the first administrator when there are no users: from Paddock:Admin:Email/Password, or with a generated
    /// password written once to the console (never to the log).
    /// </summary>
    public static async Task SeedAdministratorAsync(IServiceProvider services, IConfiguration configuration, TimeProvider time, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PaddockUser>>();
        if (await users.Users.AnyAsync(ct))
        {
            return;
        }

        var email = configuration["Paddock:Admin:Email"] ?? "admin@paddock.local";
        var configured = configuration["Paddock:Admin:Password"];
        var password = string.IsNullOrEmpty(configured) ? PasswordGenerator.Generate() : configured;
        var admin = new PaddockUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            DisplayName = "Administrator",
            IsOwner = true,
            CreatedAt = time.GetUtcNow(),
        };
        var result = await users.CreateAsync(admin, password);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("Cannot create the administrator: " + string.Join(" ", result.Errors.Select(e => e.Description)));
        }

        if (configuration.GetValue("Paddock:Sample", true))
        {
            await SampleContent.SeedAsync(scope.ServiceProvider.GetRequiredService<PaddockDbContext>(), admin, time.GetUtcNow(), ct);
        }

        if (string.IsNullOrEmpty(configured))
        {
            Console.WriteLine($"""

                ================================================================
                 Paddock administrator created (shown only this once):
                   e-mail:   {email}
                   password: {password}
                 Change it after signing in (account menu > Change password).
                ================================================================

                """);
        }
    }

    /// <summary>Makes the local base image on the Docker engine; an engine that is down only costs a warning (stacks report it).</summary>
    public static async Task PrepareEngineAsync(IServiceProvider services, ILogger logger, CancellationToken ct)
    {
        try
        {
            await Workers.Stacks.StacksRegistration.PrepareEngineAsync(services, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning("The Docker engine is not ready ({Reason}); stacks will fail until it is.", e.Message);
        }
    }
}
