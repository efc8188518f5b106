using Hangfire;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Paddock.Core.Stacks;
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
        services.TryAddSingleton<IStackProvider>(sp => new DockerProvider(sp.GetRequiredService<IDockerClientFactory>(), DockerEndpoint.Parse(host)));
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
    }

    /// <summary>Makes the local busybox base image on the configured engine, for machines that cannot pull (best effort).</summary>
    public static async Task PrepareEngineAsync(IServiceProvider services, CancellationToken ct)
    {
        if (services.GetRequiredService<IStackProvider>() is DockerProvider docker)
        {
            await LocalBaseImage.EnsureAsync(docker.Client, ct);
        }
    }
}
