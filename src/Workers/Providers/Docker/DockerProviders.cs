using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Paddock.Core.Common;
using Paddock.Core.Providers;
using Paddock.Data;

namespace Paddock.Workers.Providers.Docker;

/// <summary>
/// Docker providers per provider account, cached by account and row version: an edited account (new endpoint or
/// certificates) gets a new client on its next use. Before any account exists (a worker host started ahead of the
/// first web start) the configured <c>Docker:Host</c> is used. Every provider labels with, and sweeps only, this
/// installation's objects.
/// </summary>
internal sealed class DockerProviders(IServiceScopeFactory scopes, IDockerClientFactory clients, ISecretProtector protector, DockerEndpoint fallback,
    DockerProviderOptions? options = null) : IStackProviders, IDisposable
{
    private readonly ConcurrentDictionary<(Guid Id, uint Version), DockerProvider> _byAccount = new();
    private DockerProvider? _fallback;
    private DockerProviderOptions? _options;

    public async Task<IStackProvider> ForStackAsync(Guid stackId, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PaddockDbContext>();
        var accountId = await (
            from s in db.Stacks
            join e in db.Environments on s.EnvironmentId equals e.Id
            where s.Id == stackId
            select e.ProviderAccountId).FirstOrDefaultAsync(ct);
        return await ResolveAsync(db, accountId, ct);
    }

    public async Task<IStackProvider> ForAccountAsync(Guid? accountId, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await ResolveAsync(scope.ServiceProvider.GetRequiredService<PaddockDbContext>(), accountId, ct);
    }

    public async Task<IReadOnlyList<(Guid? AccountId, IStackProvider Provider)>> AllAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PaddockDbContext>();
        var accounts = await db.ProviderAccounts.AsNoTracking().Where(a => a.Kind == ProviderKind.Docker).ToListAsync(ct);
        var withInstallation = await OptionsAsync(db, ct);
        return accounts.Count == 0
            ? [(null, Fallback(withInstallation))]
            : [.. accounts.Select(a => ((Guid?)a.Id, (IStackProvider)ProviderOf(a, withInstallation)))];
    }

    /// <summary>A client for one account, not cached: the connectivity test must see what the account says now.</summary>
    public DockerEndpoint EndpointOf(ProviderAccount account) => new(new Uri(account.Endpoint),
        account.UsesTls ? new DockerTls(protector.Unprotect(account.TlsCaCertificate!), protector.Unprotect(account.TlsClientCertificate!), protector.Unprotect(account.TlsClientKey!)) : null);

    public void Dispose()
    {
        foreach (var provider in _byAccount.Values)
        {
            provider.Dispose();
        }

        _fallback?.Dispose();
    }

    private async Task<IStackProvider> ResolveAsync(PaddockDbContext db, Guid? accountId, CancellationToken ct)
    {
        var account = accountId is { } id
            ? await db.ProviderAccounts.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, ct)
            : await db.ProviderAccounts.AsNoTracking().FirstOrDefaultAsync(a => a.IsDefault, ct);
        var withInstallation = await OptionsAsync(db, ct);
        return account is null ? Fallback(withInstallation) : ProviderOf(account, withInstallation);
    }

    /// <summary>The options with this installation's id, read once: the row never changes.</summary>
    private async ValueTask<DockerProviderOptions> OptionsAsync(PaddockDbContext db, CancellationToken ct)
    {
        if (_options is { } known)
        {
            return known;
        }

        var id = await db.Installation.AsNoTracking().Select(i => (Guid?)i.Id).FirstOrDefaultAsync(ct);
        var read = (options ?? new DockerProviderOptions()) with { Installation = id };
        // Without the row (a database not yet migrated) nothing is cached: the next call reads again.
        return id is null ? read : _options = read;
    }

    private DockerProvider Fallback(DockerProviderOptions withInstallation)
    {
        if (_fallback is { } made)
        {
            return made;
        }

        var provider = new DockerProvider(clients, fallback, withInstallation);
        if (Interlocked.CompareExchange(ref _fallback, provider, null) is { } other)
        {
            provider.Dispose();
            return other;
        }

        return provider;
    }

    // A replaced client is not disposed: an operation may still be using it; accounts change rarely, so the cost is small.
    private DockerProvider ProviderOf(ProviderAccount account, DockerProviderOptions withInstallation) =>
        _byAccount.GetOrAdd((account.Id, account.Version), _ => new DockerProvider(clients, EndpointOf(account), withInstallation));
}
