using Hangfire;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Paddock.Web.Hosting;

/// <summary>Ready only when the job storage answers: a web node that cannot enqueue cannot launch anything.</summary>
internal sealed class HangfireHealthCheck(JobStorage storage) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var servers = storage.GetMonitoringApi().Servers().Count;
            return Task.FromResult(HealthCheckResult.Healthy($"{servers} job server(s)"));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy("Job storage is unreachable.", e));
        }
    }
}
