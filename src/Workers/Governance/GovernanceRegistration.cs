using Hangfire;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Paddock.Core.Approvals;

namespace Paddock.Workers.Governance;

public static class GovernanceRegistration
{
    public const string CostMeteringJobId = "budgets.cost-metering";

    public const string ApprovalTimeoutJobId = "approvals.timeouts";

    /// <summary>Where approval links point (Paddock:PublicUrl) and how long they live (Paddock:Approvals:LinkLifetimeHours); the two jobs.</summary>
    public static IServiceCollection AddPaddockGovernance(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<GovernanceOptions>(options =>
        {
            options.PublicUrl = configuration["Paddock:PublicUrl"] is { Length: > 0 } url ? url : options.PublicUrl;
            options.LinkLifetime = TimeSpan.FromHours(configuration.GetValue("Paddock:Approvals:LinkLifetimeHours", options.LinkLifetime.TotalHours));
        });
        services.TryAddScoped<CostMeteringJob>();
        services.TryAddScoped<ApprovalTimeoutJob>();
        return services;
    }

    public static void RegisterRecurringJobs(IRecurringJobManager jobs)
    {
        jobs.AddOrUpdate<CostMeteringJob>(CostMeteringJobId, "default", job => job.RunAsync(CancellationToken.None), Cron.Hourly());
        jobs.AddOrUpdate<ApprovalTimeoutJob>(ApprovalTimeoutJobId, "critical", job => job.RunAsync(CancellationToken.None), Cron.Minutely());
    }
}
