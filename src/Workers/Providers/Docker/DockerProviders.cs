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
/// first web start) the configured <c>Docker:Host</c> is used.
/// </summary>
internal sealed class DockerProviders(IServiceScopeFactory scopes, IDockerClientFactory clients, ISecretProtector protector, DockerEndpoint fallback,
    DockerProviderOptions? options = null) : IStackProviders, IDisposable
{
    private readonly ConcurrentDictionary<(Guid Id, uint Version), DockerProvider> _byAccount = new();
    private readonly Lazy<DockerProvider> _fallback = new(() => new DockerProvider(clients, fallback, options));

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
        return accounts.Count == 0
            ? [(null, _fallback.Value)]
            : [.. accounts.Select(a => ((Guid?)a.Id, (IStackProvider)ProviderOf(a)))];
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

        if (_fallback.IsValueCreated)
        {
            _fallback.Value.Dispose();
        }
    }

    private async Task<IStackProvider> ResolveAsync(PaddockDbContext db, Guid? accountId, CancellationToken ct)
    {
        var account = accountId is { } id
            ? await db.ProviderAccounts.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, ct)
            : await db.ProviderAccounts.AsNoTracking().FirstOrDefaultAsync(a => a.IsDefault, ct);
        return account is null ? _fallback.Value : ProviderOf(account);
    }

    // A replaced client is not disposed: an operation may still be using it; accounts change rarely, so the cost is small.
    private DockerProvider ProviderOf(ProviderAccount account) =>
        _byAccount.GetOrAdd((account.Id, account.Version), _ => new DockerProvider(clients, EndpointOf(account), options));
}
