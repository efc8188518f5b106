using Hangfire;
using Hangfire.AspNetCore;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Paddock.Workers.Jobs;

public static class JobsRegistration
{
    /// <summary>Hangfire's schema in Paddock's database; kept apart from EF's tables.</summary>
    public const string Schema = "hangfire";

    /// <summary>
    /// Job storage only: enough to enqueue and to show the dashboard. Hangfire.PostgreSql polls every 15 s by
    /// default; 150 ms makes queued work start almost at once (measured: enqueue to succeeded in about 60 ms).
    /// </summary>
    public static IServiceCollection AddPaddockJobStorage(this IServiceCollection services, string connectionString, IConfiguration configuration)
    {
        var pollMs = configuration.GetValue("Paddock:Jobs:PollIntervalMs", 150);
        var options = new PostgreSqlStorageOptions
        {
            SchemaName = Schema,
            QueuePollInterval = TimeSpan.FromMilliseconds(pollMs),
            PrepareSchemaIfNecessary = true,
            // A job whose worker died (kill -9, power loss) is fetched again once its lease lapses. Sliding: a live worker keeps
            // renewing the lease in the background, so a long launch is never handed to a second worker while the first still runs.
            UseSlidingInvisibilityTimeout = configuration.GetValue("Paddock:Jobs:SlidingInvisibility", true),
            InvisibilityTimeout = TimeSpan.FromSeconds(configuration.GetValue("Paddock:Jobs:InvisibilityTimeoutSeconds", 60)),
        };
        // The storage is this host's own singleton, not Hangfire's static JobStorage.Current: two hosts in one process
        // (the tests run several) would otherwise enqueue into each other's databases.
        services.AddSingleton<JobStorage>(_ => new PostgreSqlStorage(new NpgsqlConnectionFactory(connectionString, options), options));
        services.AddHangfire((provider, config) => config
            .UseLogProvider(AttachedLogProvider(provider))
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings());
        return services;
    }

    /// <summary>Hangfire's logging is process-wide; this host takes part in it while it lives (see <see cref="HostsLogProvider"/>).</summary>
    private static HostsLogProvider AttachedLogProvider(IServiceProvider provider)
    {
        var factory = provider.GetRequiredService<ILoggerFactory>();
        HostsLogProvider.Instance.Attach(factory);
        provider.GetService<IHostApplicationLifetime>()?.ApplicationStopped.Register(() => HostsLogProvider.Instance.Detach(factory));
        return HostsLogProvider.Instance;
    }

    /// <summary>The server that runs jobs: in the web process (embedded mode) or in the worker host.</summary>
    public static IServiceCollection AddPaddockJobServer(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddHangfireServer((provider, options) =>
        {
            // Jobs resolve their services from this host's container, not from Hangfire's static activator (last host wins).
            options.Activator = new AspNetCoreJobActivator(provider.GetRequiredService<IServiceScopeFactory>());
            options.WorkerCount = configuration.GetValue("Paddock:Jobs:WorkerCount", Math.Max(4, Environment.ProcessorCount * 2));
            options.Queues = ["critical", "default"];
            options.SchedulePollingInterval = TimeSpan.FromSeconds(1);
        });
        return services;
    }
}
