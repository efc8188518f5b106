namespace Paddock.Workers.Providers.Docker;

/// <summary>Credentials for one registry host, e.g. <c>ghcr.io</c> or <c>127.0.0.1:5000</c>.</summary>
internal sealed record RegistryCredential(string Server, string Username, string Password)
{
    public override string ToString() => $"RegistryCredential {{ Server = {Server}, Username = {Username} }}";
}
