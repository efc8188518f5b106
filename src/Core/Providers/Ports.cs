namespace Paddock.Core.Providers;

/// <summary>Asks a target whether it answers (ping and version): the Docker provider in Workers.</summary>
public interface IProviderConnectivity
{
    Task<ConnectivityResult> TestAsync(Guid accountId, CancellationToken ct);
}
