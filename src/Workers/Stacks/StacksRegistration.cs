using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Paddock.Core.Common;
using Paddock.Core.Providers;
using Paddock.Core.Stacks;
using Paddock.Data;
using Paddock.Workers.Providers;
using Paddock.Workers.Providers.Docker;

namespace Paddock.Workers.Stacks;

public static class StacksRegistration
{
    public const string TtlReaperJobId = "stacks.ttl-reaper";

    public const string DriftCheckJobId = "stacks.drift-check";

    public const string OrphanReaperJobId = "stacks.orphan-reaper";

    /// <summary>The Docker provider on <c>Docker:Host</c> (default: the machine's engine), the operation job and the queue.</summary>
    public static IServiceCollection AddPaddockStacks(this IServiceCollection services, IConfiguration configuration)
    {
        var host = configuration["Docker:Host"] is { Length: > 0 } configured ? configured : "unix:///var/run/docker.sock";
        services.TryAddSingleton<IDockerClientFactory, DockerClientFactory>();
        services.TryAddSingleton(sp => new DockerProviders(sp.GetRequiredService<IServiceScopeFactory>(), sp.GetRequiredService<IDockerClientFactory>(),
            sp.GetRequiredService<ISecretProtector>(), DockerEndpoint.Parse(host)));
        services.TryAddSingleton<IStackProviders>(sp => sp.GetRequiredService<DockerProviders>());
        services.TryAddSingleton<IProviderConnectivity, DockerConnectivity>();
        services.TryAddSingleton<IStackRuntime, DockerStackRuntime>();
        services.TryAddSingleton<IStackEvents, PostgresStackEvents>();
        services.TryAddScoped<IOperationQueue, HangfireOperationQueue>();
        services.TryAddScoped<RunOperationJob>();
        services.TryAddScoped<TtlReaperJob>();
        services.TryAddScoped<DriftCheckJob>();
        services.TryAddScoped<OrphanReaperJob>();
        return services;
    }

    /// <summary>Every recurring job, in one place, with constant ids.</summary>
    public static void RegisterRecurringJobs(IRecurringJobManager jobs)
    {
        jobs.AddOrUpdate<TtlReaperJob>(TtlReaperJobId, "critical", job => job.RunAsync(CancellationToken.None), Cron.Minutely());
        jobs.AddOrUpdate<DriftCheckJob>(DriftCheckJobId, "default", job => job.RunAsync(CancellationToken.None), Cron.Minutely());
        jobs.AddOrUpdate<OrphanReaperJob>(OrphanReaperJobId, "default", job => job.RunAsync(CancellationToken.None), "*/5 * * * *");
        Governance.GovernanceRegistration.RegisterRecurringJobs(jobs);
    }

    /// <summary>Makes the local busybox base image on the default account's engine, for machines that cannot pull (best effort).</summary>
    public static async Task PrepareEngineAsync(IServiceProvider services, CancellationToken ct)
    {
        if (await services.GetRequiredService<IStackProviders>().ForAccountAsync(null, ct) is DockerProvider docker)
        {
            await LocalBaseImage.EnsureAsync(docker.Client, ct);
        }
    }

    /// <summary>
    /// The default provider account is the engine of <c>Docker:Host</c> (or the machine's): created at the first start, its
    /// endpoint following the setting at every start, and every environment without an account bound to it.
    /// </summary>
    public static async Task SeedDefaultAccountAsync(IServiceProvider services, IConfiguration configuration, CancellationToken ct)
    {
        var host = configuration["Docker:Host"] is { Length: > 0 } configured ? configured : "unix:///var/run/docker.sock";
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PaddockDbContext>();
        var now = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow();
        var seeded = await db.ProviderAccounts.FirstOrDefaultAsync(a => a.FromConfiguration, ct);
        if (seeded is null)
        {
            seeded = ProviderAccount.FromDockerHost(host, now);
            if (await db.ProviderAccounts.AnyAsync(a => a.IsDefault, ct))
            {
                seeded.MakeDefault(false);
            }

            if (await db.ProviderAccounts.AnyAsync(a => a.Name == seeded.Name, ct))
            {
                seeded.Rename("local-docker-host");
            }

            db.ProviderAccounts.Add(seeded);
        }
        else if (seeded.Endpoint != host)
        {
            seeded.MoveTo(host);
        }

        await db.SaveChangesAsync(ct);
        var defaultId = await db.ProviderAccounts.Where(a => a.IsDefault).Select(a => a.Id).FirstAsync(ct);
        foreach (var environment in await db.Environments.Where(e => e.ProviderAccountId == null).ToListAsync(ct))
        {
            environment.BindTo(defaultId);
        }

        await db.SaveChangesAsync(ct);
    }
}
