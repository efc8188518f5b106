using System.Globalization;
using System.Text;

namespace Paddock.Core.Blueprints;

/// <summary>
/// A service with every variable substituted. <see cref="SecretEnvironment"/> names the environment keys whose
/// values came from secret variables: inject them at run time only, never log or store them.
/// </summary>
public sealed record ResolvedService(ServiceSpec Service, IReadOnlySet<string> SecretEnvironment)
{
    public string Name => Service.Name;

    /// <summary>The environment with secret values masked, safe for logs and plans.</summary>
    public IReadOnlyDictionary<string, string> RedactedEnvironment =>
        new ValueDictionary<string>(Service.Environment.Select(e => KeyValuePair.Create(e.Key, SecretEnvironment.Contains(e.Key) ? ResolvedBlueprint.Mask : e.Value)));

    // Records print every member; this one must not print secrets.
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append(CultureInfo.InvariantCulture, $"Name = {Name}, Image = {Service.Image ?? Service.MachineImage}, Environment = {string.Join(", ", RedactedEnvironment.Select(e => $"{e.Key}={e.Value}"))}");
        return true;
    }
}
