namespace Paddock.Workers.Providers.Execution;

internal sealed record ExecutorOptions
{
    /// <summary>Provider calls running at once; the engine serialises much of its work, more buys little.</summary>
    public int MaxParallelism { get; init; } = 8;

    /// <summary>How long a resource may take to run or become healthy before its dependents give up.</summary>
    public TimeSpan ReadyTimeout { get; init; } = TimeSpan.FromMinutes(2);
}
