using System.Collections.Concurrent;
using Paddock.Workers.Providers.Execution;

namespace Paddock.Workers.Tests.Providers;

/// <summary>Records step events synchronously (Progress&lt;T&gt; would post them later, out of order).</summary>
internal sealed class StepLog : IProgress<StepEvent>
{
    private readonly ConcurrentQueue<StepEvent> _events = new();

    public IReadOnlyList<StepEvent> Events => [.. _events];

    public void Report(StepEvent value) => _events.Enqueue(value);
}
