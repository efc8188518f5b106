namespace Paddock.Workers.Providers;

/// <summary>The provider for each place stacks run: a stack's environment's account, or the default account.</summary>
internal interface IStackProviders
{
    /// <summary>The provider of the stack's environment's account; the default account for a stack Paddock does not know.</summary>
    Task<IStackProvider> ForStackAsync(Guid stackId, CancellationToken ct);

    /// <summary>The provider of one account; null is the default account.</summary>
    Task<IStackProvider> ForAccountAsync(Guid? accountId, CancellationToken ct);

    /// <summary>One provider per account, for jobs that sweep every engine (the orphan reaper).</summary>
    Task<IReadOnlyList<(Guid? AccountId, IStackProvider Provider)>> AllAsync(CancellationToken ct);
}
