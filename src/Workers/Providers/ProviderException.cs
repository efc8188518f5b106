namespace Paddock.Workers.Providers;

/// <summary>The target refused or failed an action; the message is the target's own words.</summary>
internal class ProviderException : Exception
{
    public ProviderException(string message)
        : base(message)
    {
    }

    public ProviderException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
