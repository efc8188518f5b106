namespace Paddock.Workers.Providers;

/// <summary>The target could not be reached at all (socket missing, connection refused, timeout).</summary>
internal sealed class ProviderUnreachableException(string message, Exception inner) : ProviderException(message, inner);
