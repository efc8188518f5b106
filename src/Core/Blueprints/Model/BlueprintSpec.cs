namespace Paddock.Core.Blueprints;

/// <summary>
/// The content of a blueprint version: what to run, with which inputs, per environment.
/// Designer positions are not part of it (see <see cref="BlueprintLayout"/>), so moving a box never changes the content hash.
/// </summary>
public sealed record BlueprintSpec
{
    public string? Name { get; init; }

    public string? Description { get; init; }

    public IReadOnlyList<VariableSpec> Variables { get; init => field = ValueList<VariableSpec>.From(value); } = ValueList<VariableSpec>.Empty;

    public IReadOnlyList<ServiceSpec> Services { get; init => field = ValueList<ServiceSpec>.From(value); } = ValueList<ServiceSpec>.Empty;

    /// <summary>Per-environment overrides; each names its environment.</summary>
    public IReadOnlyList<EnvironmentOverride> Environments { get; init => field = ValueList<EnvironmentOverride>.From(value); } = ValueList<EnvironmentOverride>.Empty;

    public IReadOnlyList<ActionSpec> Actions { get; init => field = ValueList<ActionSpec>.From(value); } = ValueList<ActionSpec>.Empty;

    public ServiceSpec? FindService(string name) => Services.FirstOrDefault(s => s.Name == name);

    public VariableSpec? FindVariable(string name) => Variables.FirstOrDefault(v => v.Name == name);

    public EnvironmentOverride? FindEnvironment(string name) => Environments.FirstOrDefault(e => e.Name == name);
}
