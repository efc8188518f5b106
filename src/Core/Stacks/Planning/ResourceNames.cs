using System.Globalization;

namespace Paddock.Core.Stacks;

/// <summary>Logical resource names, the values of the <c>paddock.resource</c> label; provider names derive from them.</summary>
public static class ResourceNames
{
    public const string Network = "network";

    public const string VolumePrefix = "volume/";

    public static string Container(string service, int replica) => string.Create(CultureInfo.InvariantCulture, $"{service}-{replica}");

    public static string Volume(string name) => VolumePrefix + name;
}
