using Paddock.Core.Blueprints;
using Paddock.Core.Stacks;
using Paddock.Workers.Providers;

namespace Paddock.Workers.Tests.Providers;

/// <summary>Counts the calls that change the engine, around a real provider.</summary>
internal sealed class CountingProvider(IStackProvider inner) : IStackProvider
{
    private int _applies;

    public int Applies => _applies;

    public Task<ObservedState> ObserveAsync(StackIdentity stack, CancellationToken ct) => inner.ObserveAsync(stack, ct);

    public Task<string?> ApplyAsync(StackIdentity stack, Change change, StackSecrets secrets, CancellationToken ct)
    {
        Interlocked.Increment(ref _applies);
        return inner.ApplyAsync(stack, change, secrets, ct);
    }

    public Task<string> PrepareAsync(StackIdentity stack, Change change, StackSecrets secrets, CancellationToken ct)
    {
        Interlocked.Increment(ref _applies);
        return inner.PrepareAsync(stack, change, secrets, ct);
    }

    public Task StartAsync(string providerId, CancellationToken ct)
    {
        Interlocked.Increment(ref _applies);
        return inner.StartAsync(providerId, ct);
    }

    public Task WaitUntilAsync(string providerId, DependencyCondition condition, TimeSpan timeout, CancellationToken ct) =>
        inner.WaitUntilAsync(providerId, condition, timeout, ct);

    public Task<IReadOnlyList<StackIdentity>> ListStacksAsync(CancellationToken ct) => inner.ListStacksAsync(ct);

    public Task DestroyAsync(StackIdentity stack, CancellationToken ct) => inner.DestroyAsync(stack, ct);

    public IAsyncEnumerable<string> StreamLogsAsync(StackIdentity stack, string resource, bool follow, int? tail, CancellationToken ct) =>
        inner.StreamLogsAsync(stack, resource, follow, tail, ct);

    public Task<ExecResult> ExecAsync(StackIdentity stack, string resource, IReadOnlyList<string> command, CancellationToken ct) =>
        inner.ExecAsync(stack, resource, command, ct);
}
