using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Paddock.Core.Stacks;
using Paddock.Data;
using Paddock.Workers.Providers;

namespace Paddock.Workers.Stacks;

/// <summary>
/// Compares what the engine runs (by labels) with Paddock's records (recurring): objects of unknown or destroyed stacks
/// are recorded (and so audited) when first seen, and removed once the grace period has passed, unless their
/// environment only reports. No orphan survives a crash for longer than the grace period.
/// </summary>
internal sealed class OrphanReaperJob(PaddockDbContext db, IStackProviders providers, IConfiguration configuration, TimeProvider time,
    Microsoft.Extensions.Logging.ILogger<OrphanReaperJob> logger)
{
    /// <summary>The advisory lock key of the sweep: one sweep of a database at a time, across nodes.</summary>
    private static readonly Guid SweepLock = new("0f7a2e6c-5b1d-4c3e-9a8f-6d2b1c0e4f37");

    public Task RunAsync(CancellationToken ct) =>
        ReapAsync(TimeSpan.FromMinutes(configuration.GetValue("Paddock:Stacks:OrphanGraceMinutes", 60)), ct);

    public async Task ReapAsync(TimeSpan grace, CancellationToken ct)
    {
        // Two sweeps at once (nodes, or a recurring run and a manual one) would both record the same orphan, and one would
        // act on rows the other is changing: they take turns.
        await using var sweep = await StackLock.AcquireAsync(db.Database.GetConnectionString()!, SweepLock, ct);

        // Every account's engine; two accounts on one engine see the same stacks, which the first one handles.
        var handled = new HashSet<Guid>();
        foreach (var (accountId, provider) in await providers.AllAsync(ct))
        {
            try
            {
                await ReapAsync(provider, grace, handled, ct);
            }
            catch (ProviderException e)
            {
                // What this engine's sweep recorded but did not save is dropped: the next sweep finds it again.
                db.ChangeTracker.Clear();
                // One engine that is down must not keep the others from being swept.
                Microsoft.Extensions.Logging.LoggerExtensions.LogWarning(logger, "Orphan sweep of provider account {Account} skipped: {Reason}", accountId, e.Message);
            }
        }
    }

    private async Task ReapAsync(IStackProvider provider, TimeSpan grace, HashSet<Guid> handled, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var onEngine = (await provider.ListStacksAsync(ct)).Where(s => !handled.Contains(s.Id)).ToList();
        var ids = onEngine.Select(s => s.Id).ToList();
        var live = await db.Stacks.Where(s => ids.Contains(s.Id) && s.Status != StackStatus.Destroyed).Select(s => s.Id).ToListAsync(ct);
        var known = await (
            from s in db.Stacks
            join e in db.Environments on s.EnvironmentId equals e.Id
            where ids.Contains(s.Id)
            select new { s.Id, s.ProjectId, e.OrphansReportOnly }).ToDictionaryAsync(x => x.Id, ct);
        var recorded = await db.OrphanedStacks.Where(o => ids.Contains(o.Id)).ToDictionaryAsync(o => o.Id, ct);

        foreach (var stack in onEngine.Where(s => !live.Contains(s.Id)))
        {
            known.TryGetValue(stack.Id, out var record);
            if (!recorded.TryGetValue(stack.Id, out var orphan))
            {
                orphan = OrphanedStack.Found(stack.Id, stack.Name, record?.ProjectId, record?.OrphansReportOnly ?? false, now);
                db.OrphanedStacks.Add(orphan);
            }
            else if (orphan.RemovedAt is not null)
            {
                orphan.SeenAgain(now);
            }

            if (!orphan.ReportOnly && now - orphan.FirstSeenAt >= grace)
            {
                try
                {
                    await provider.DestroyAsync(stack, ct);
                    orphan.MarkRemoved(now);
                }
                catch (ProviderException e) when (e is not ProviderUnreachableException)
                {
                    // The engine refused this one stack's removal: it stays recorded, the others are still swept, the next sweep retries.
                    Microsoft.Extensions.Logging.LoggerExtensions.LogWarning(logger, "Orphaned stack {Stack} was not removed: {Reason}", stack.Id, e.Message);
                }
            }
        }

        await db.SaveChangesAsync(ct);
        handled.UnionWith(ids);
    }
}
