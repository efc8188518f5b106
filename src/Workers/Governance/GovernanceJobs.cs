using Hangfire;
using Paddock.Core.Approvals;
using Paddock.Core.Budgets;

namespace Paddock.Workers.Governance;

/// <summary>Hourly: charges running stacks' time against their budgets (thin: the logic is Core's <see cref="MeterCosts"/>).</summary>
[AutomaticRetry(Attempts = 1)]
internal sealed class CostMeteringJob(MeterCosts.Handler handler)
{
    public Task RunAsync(CancellationToken ct) => handler.HandleAsync(new MeterCosts.Command(), ct);
}

/// <summary>Every minute: ends the wait of approval requests past their deadline with their policy's outcome.</summary>
[AutomaticRetry(Attempts = 1)]
internal sealed class ApprovalTimeoutJob(TimeOutApprovals.Handler handler)
{
    public Task RunAsync(CancellationToken ct) => handler.HandleAsync(new TimeOutApprovals.Command(), ct);
}
