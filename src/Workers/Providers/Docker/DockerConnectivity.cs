using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Paddock.Core.Providers;
using Paddock.Data;

namespace Paddock.Workers.Providers.Docker;

/// <summary>Ping and version against an account's engine with a fresh client and a short timeout, as <c>docker version</c> would.</summary>
internal sealed class DockerConnectivity(IServiceScopeFactory scopes, IDockerClientFactory clients, DockerProviders providers) : IProviderConnectivity
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    public async Task<ConnectivityResult> TestAsync(Guid accountId, CancellationToken ct)
    {
        ProviderAccount? account;
        await using (var scope = scopes.CreateAsyncScope())
        {
            account = await scope.ServiceProvider.GetRequiredService<PaddockDbContext>().ProviderAccounts.AsNoTracking().FirstOrDefaultAsync(a => a.Id == accountId, ct);
        }

        if (account is null)
        {
            return new ConnectivityResult(false, null, null, null, "The account does not exist.", 0);
        }

        var endpoint = providers.EndpointOf(account);
        var watch = Stopwatch.StartNew();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(Timeout);
        try
        {
            using var client = clients.Create(endpoint);
            await client.System.PingAsync(timeout.Token);
            var version = await client.System.GetVersionAsync(timeout.Token);
            return new ConnectivityResult(true, version.Version, version.APIVersion, $"{version.Os}/{version.Arch}", null, watch.Elapsed.TotalMilliseconds);
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            var translated = DockerErrors.Translate(e, endpoint, CancellationToken.None);
            var message = e is OperationCanceledException ? $"Docker engine at {endpoint} did not answer within {Timeout.TotalSeconds:0} s." : translated.Message;
            return new ConnectivityResult(false, null, null, null, message, watch.Elapsed.TotalMilliseconds);
        }
    }
}
