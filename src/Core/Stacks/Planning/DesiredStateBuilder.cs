using Paddock.Core.Blueprints;
using Paddock.Core.Common;

namespace Paddock.Core.Stacks;

/// <summary>Turns a resolved blueprint into the resources of one stack: its network, named volumes and container replicas.</summary>
public static class DesiredStateBuilder
{
    public static Result<DesiredState> Build(StackIdentity stack, ResolvedBlueprint blueprint)
    {
        ArgumentNullException.ThrowIfNull(stack);
        ArgumentNullException.ThrowIfNull(blueprint);
        var validator = new Validator();
        foreach (var service in blueprint.Services.Where(s => s.Service.Kind != ServiceKind.Container))
        {
            validator.Add($"services.{service.Name}.kind", $"'{service.Name}' is a vm; a container engine runs container services only.");
        }

        foreach (var service in blueprint.Services.Where(s => s.Service.Kind == ServiceKind.Container && string.IsNullOrWhiteSpace(s.Service.Image)))
        {
            validator.Add($"services.{service.Name}.image", $"'{service.Name}' has no image.");
        }

        var levels = ServiceLevels(blueprint, validator);
        if (validator.ToError() is { } error)
        {
            return error;
        }

        var resources = new List<DesiredResource>
        {
            new() { Name = ResourceNames.Network, Kind = ResourceKind.Network, SpecHash = SpecHasher.Network() },
        };
        resources.AddRange(blueprint.Services
            .SelectMany(s => s.Service.Volumes)
            .Where(v => v.Type == VolumeType.Volume)
            .Select(v => v.Source)
            .Distinct(StringComparer.Ordinal)
            .Select(name => new DesiredResource { Name = ResourceNames.Volume(name), Kind = ResourceKind.Volume, SpecHash = SpecHasher.Volume(name) }));

        var secrets = new List<KeyValuePair<string, IReadOnlyDictionary<string, string>>>();
        foreach (var resolved in blueprint.Services)
        {
            var service = resolved.Service;
            var secretValues = new ValueDictionary<string>(service.Environment.Where(e => resolved.SecretEnvironment.Contains(e.Key)));
            if (secretValues.Count > 0)
            {
                secrets.Add(KeyValuePair.Create(service.Name, (IReadOnlyDictionary<string, string>)secretValues));
            }

            var spec = new ContainerSpec
            {
                Image = service.Image!,
                Command = service.Command,
                Entrypoint = service.Entrypoint,
                Environment = resolved.RedactedEnvironment,
                SecretKeys = [.. secretValues.Keys.Order(StringComparer.Ordinal)],
                Ports = service.Ports,
                Volumes = service.Volumes,
                HealthCheck = service.HealthCheck,
                Cpu = service.Cpu,
                Memory = service.Memory,
                Restart = service.Restart,
                Labels = service.Labels,
                NetworkAlias = service.Name,
            };
            var (hash, fields) = SpecHasher.Container(stack, spec, secretValues);
            var readyCondition = blueprint.Services
                .SelectMany(s => s.Service.DependsOn)
                .Where(d => d.Service == service.Name)
                .Select(d => (DependencyCondition?)d.Condition)
                .Max();
            var dependsOn = ValueList<string>.From(service.DependsOn.Select(d => d.Service).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal));
            for (var replica = 1; replica <= service.Replicas; replica++)
            {
                resources.Add(new DesiredResource
                {
                    Name = ResourceNames.Container(service.Name, replica),
                    Kind = ResourceKind.Container,
                    SpecHash = hash,
                    FieldHashes = fields,
                    Level = levels[service.Name],
                    Service = service.Name,
                    DependsOn = dependsOn,
                    Replica = replica,
                    Container = spec,
                    ReadyCondition = readyCondition,
                    IsReplicated = service.Replicas > 1,
                });
            }
        }

        return new DesiredState { Stack = stack, Resources = resources, Secrets = new StackSecrets(secrets) };
    }

    /// <summary>1 for services without dependencies, else one more than the deepest dependency (the network and volumes are 0).</summary>
    private static Dictionary<string, int> ServiceLevels(ResolvedBlueprint blueprint, Validator validator)
    {
        var levels = new Dictionary<string, int>(StringComparer.Ordinal);
        var visiting = new HashSet<string>(StringComparer.Ordinal);

        int Level(ServiceSpec service)
        {
            if (levels.TryGetValue(service.Name, out var known))
            {
                return known;
            }

            if (!visiting.Add(service.Name))
            {
                validator.Add($"services.{service.Name}.depends_on", $"'{service.Name}' depends on itself through a cycle.");
                return 1;
            }

            var level = 1;
            foreach (var dependency in service.DependsOn)
            {
                if (blueprint.FindService(dependency.Service) is { } target)
                {
                    level = Math.Max(level, Level(target.Service) + 1);
                }
                else
                {
                    validator.Add($"services.{service.Name}.depends_on", $"'{dependency.Service}' is not a service of this blueprint.");
                }
            }

            visiting.Remove(service.Name);
            return levels[service.Name] = level;
        }

        foreach (var service in blueprint.Services)
        {
            Level(service.Service);
        }

        return levels;
    }
}
