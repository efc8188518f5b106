using Paddock.Core.Stacks;

namespace Paddock.Workers.Providers.Docker;

/// <summary>Engine names: <c>paddock-&lt;stack&gt;</c> for the network, <c>paddock-&lt;stack&gt;-&lt;name&gt;</c> for volumes and containers.</summary>
internal static class DockerNames
{
    public static string Network(StackIdentity stack) => $"paddock-{stack.Slug}";

    public static string Volume(StackIdentity stack, string volume) => $"paddock-{stack.Slug}-{volume}";

    public static string Container(StackIdentity stack, string resource) => $"paddock-{stack.Slug}-{resource}";
}
