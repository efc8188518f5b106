using Paddock.Core.Blueprints;
using Paddock.Core.Stacks;

namespace Paddock.Workers.Providers;

/// <summary>
/// Runs stacks on one target. Infrastructure faults surface as <see cref="ProviderUnreachableException"/>, refusals of the
/// target (a bad image, a port in use) as <see cref="ProviderException"/> carrying the target's own message.
/// </summary>
internal interface IStackProvider
{
    /// <summary>Everything labelled with the stack, from list calls only (no inspect per resource).</summary>
    Task<ObservedState> ObserveAsync(StackIdentity stack, CancellationToken ct);

    /// <summary>Carries out one change; returns the provider id of the resource it leaves behind, if any.</summary>
    Task<string?> ApplyAsync(StackIdentity stack, Change change, StackSecrets secrets, CancellationToken ct);

    /// <summary>
    /// Creates the container of a Create change without starting it, so creation need not wait for dependencies; returns
    /// its id. A container of the same stack and spec already there (a retried job) is adopted.
    /// </summary>
    Task<string> PrepareAsync(StackIdentity stack, Change change, StackSecrets secrets, CancellationToken ct);

    /// <summary>Starts a container made by <see cref="PrepareAsync"/>; one already running is left as it is.</summary>
    Task StartAsync(string providerId, CancellationToken ct);

    /// <summary>Waits until the resource is running (started) or reports healthy; fails with the last health output.</summary>
    Task WaitUntilAsync(string providerId, DependencyCondition condition, TimeSpan timeout, CancellationToken ct);

    /// <summary>Every stack that has at least one object on the target, from its labels: what the orphan reaper compares with Paddock's records.</summary>
    Task<IReadOnlyList<StackIdentity>> ListStacksAsync(CancellationToken ct);

    /// <summary>Removes every object labelled with the stack, whatever any plan says.</summary>
    Task DestroyAsync(StackIdentity stack, CancellationToken ct);

    IAsyncEnumerable<string> StreamLogsAsync(StackIdentity stack, string resource, bool follow, int? tail, CancellationToken ct);

    Task<ExecResult> ExecAsync(StackIdentity stack, string resource, IReadOnlyList<string> command, CancellationToken ct);
}
