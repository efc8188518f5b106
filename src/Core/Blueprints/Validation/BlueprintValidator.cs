using System.Globalization;
using System.Text.RegularExpressions;

namespace Paddock.Core.Blueprints;

/// <summary>
/// The rules a blueprint must satisfy before it can be saved as a version. Reports every issue at once,
/// each with its field path and, when a source map is given, the YAML line and column.
/// </summary>
public static partial class BlueprintValidator
{
    public const int MaxReplicas = 100;
    public const decimal MaxCpu = 64;
    public static readonly MemorySize MinMemory = MemorySize.FromMebibytes(4);

    public static IReadOnlyList<BlueprintIssue> Validate(BlueprintSpec spec, BlueprintSourceMap? sourceMap = null)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var issues = new Issues(sourceMap ?? BlueprintSourceMap.Empty);
        ValidateVariables(spec, issues);
        foreach (var service in spec.Services)
        {
            ValidateService(spec, service, issues);
        }

        Unique(spec.Services.Select(s => s.Name), "services", "service", issues);
        ValidateHostPorts(spec, issues);
        foreach (var cycle in DependencyCycles.Find(spec.Services))
        {
            issues.Error($"services.{cycle[0]}.depends_on", $"Dependency cycle: {string.Join(" -> ", cycle)}.");
        }

        ValidateEnvironments(spec, issues);
        ValidateActions(spec, issues);
        return issues.All;
    }

    private static void ValidateVariables(BlueprintSpec spec, Issues issues)
    {
        Unique(spec.Variables.Select(v => v.Name), "variables", "variable", issues);
        foreach (var variable in spec.Variables)
        {
            var path = $"variables.{variable.Name}";
            if (!VariableReferences.IsValidName(variable.Name))
            {
                issues.Error(path, "Variable names use letters, digits and underscores, start with a letter or underscore, and are at most 64 characters.");
            }

            if (variable.Type == VariableType.Enum && variable.AllowedValues.Count == 0)
            {
                issues.Error($"{path}.allowed_values", "An enum variable needs allowed values.");
            }
            else if (variable.Type != VariableType.Enum && variable.AllowedValues.Count > 0)
            {
                issues.Warning($"{path}.allowed_values", "Allowed values apply only to enum variables; they are ignored.");
            }

            if (variable.Default is { } value)
            {
                if (CheckValue(variable, value) is { } problem)
                {
                    issues.Error($"{path}.default", problem);
                }

                if (variable.Type == VariableType.Secret)
                {
                    issues.Warning($"{path}.default", "A secret's default is stored in the blueprint in clear text; pass it as an input instead.");
                }
            }
        }
    }

    /// <summary>Why <paramref name="value"/> does not fit the variable's type, or null when it does.</summary>
    public static string? CheckValue(VariableSpec variable, string value)
    {
        ArgumentNullException.ThrowIfNull(variable);
        return variable.Type switch
        {
            VariableType.Int when !int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _) => $"'{value}' is not a whole number.",
            VariableType.Bool when value is not ("true" or "false") => $"'{value}' is not true or false.",
            VariableType.Enum when variable.AllowedValues.Count > 0 && !variable.AllowedValues.Contains(value) =>
                $"'{value}' is not one of the allowed values: {string.Join(", ", variable.AllowedValues)}.",
            _ => null,
        };
    }

    private static void ValidateService(BlueprintSpec spec, ServiceSpec service, Issues issues)
    {
        var path = $"services.{service.Name}";
        if (!ServiceName().IsMatch(service.Name))
        {
            issues.Error(path, "Service names may contain only lower-case letters, digits and dashes, start with a letter, and be at most 40 characters.");
        }

        if (service.Kind == ServiceKind.Container)
        {
            if (string.IsNullOrWhiteSpace(service.Image))
            {
                issues.Error($"{path}.image", "A container service needs an image.");
            }

            if (service.MachineImage is not null || service.InstanceType is not null)
            {
                issues.Warning(path, "machine_image and instance_type apply only to vm services; they are ignored.");
            }
        }
        else
        {
            if (string.IsNullOrWhiteSpace(service.MachineImage))
            {
                issues.Error($"{path}.machine_image", "A vm service needs a machine image.");
            }

            if (string.IsNullOrWhiteSpace(service.InstanceType))
            {
                issues.Error($"{path}.instance_type", "A vm service needs an instance type.");
            }
        }

        if (service.Image is { Length: > 0 } image && !ImageReference.IsValid(image))
        {
            issues.Error($"{path}.image", $"'{image}' is not a valid image reference ([registry[:port]/]name[:tag][@sha256:digest], lower-case name).");
        }

        if (service.Build is not null)
        {
            issues.Warning($"{path}.build", "The build context is a hint for pipelines; Paddock launches the image, it does not build it.");
        }

        if (service.Replicas is < 0 or > MaxReplicas)
        {
            issues.Error($"{path}.replicas", $"Replicas must be between 0 and {MaxReplicas}.");
        }

        if (service.Cpu is { } cpu && (cpu <= 0 || cpu > MaxCpu))
        {
            issues.Error($"{path}.cpu", $"CPU must be more than 0 and at most {MaxCpu} cores.");
        }

        if (service.Memory is { } memory && memory.Bytes < MinMemory.Bytes)
        {
            issues.Error($"{path}.memory", $"Memory must be at least {MinMemory}.");
        }

        ValidatePorts(service, path, issues);
        ValidateVolumes(service, path, issues);
        ValidateDependencies(spec, service, path, issues);
        if (service.HealthCheck is { } check)
        {
            ValidateHealthCheck(check, $"{path}.healthcheck", issues);
        }

        ValidateReferences(spec, service, path, issues);
    }

    private static void ValidatePorts(ServiceSpec service, string path, Issues issues)
    {
        for (var i = 0; i < service.Ports.Count; i++)
        {
            var port = service.Ports[i];
            if (port.ContainerPort is < 1 or > 65535)
            {
                issues.Error($"{path}.ports[{i}].container", $"Port {port.ContainerPort} is outside 1-65535.");
            }

            if (port.HostPort is { } host and (< 1 or > 65535))
            {
                issues.Error($"{path}.ports[{i}].host", $"Port {host} is outside 1-65535.");
            }
        }
    }

    private static void ValidateVolumes(ServiceSpec service, string path, Issues issues)
    {
        for (var i = 0; i < service.Volumes.Count; i++)
        {
            var volume = service.Volumes[i];
            if (!volume.Target.StartsWith('/'))
            {
                issues.Error($"{path}.volumes[{i}].target", $"The target '{volume.Target}' must be an absolute path.");
            }

            if (volume.Type == VolumeType.Volume && !VolumeName().IsMatch(volume.Source))
            {
                issues.Error($"{path}.volumes[{i}].source", $"'{volume.Source}' is not a volume name (letters, digits, '_', '.', '-').");
            }

            if (volume.IsUnsafe)
            {
                issues.Warning($"{path}.volumes[{i}]", $"Bind mount of host path '{volume.Source}' is unsafe: it exposes the host's files; policies may refuse it.");
            }
        }
    }

    private static void ValidateDependencies(BlueprintSpec spec, ServiceSpec service, string path, Issues issues)
    {
        var seen = new HashSet<string>();
        foreach (var dependency in service.DependsOn)
        {
            var dependencyPath = $"{path}.depends_on.{dependency.Service}";
            var target = spec.FindService(dependency.Service);
            if (dependency.Service == service.Name)
            {
                issues.Error(dependencyPath, "A service cannot depend on itself.");
            }
            else if (target is null)
            {
                issues.Error(dependencyPath, $"Unknown service '{dependency.Service}'.");
            }
            else if (dependency.Condition == DependencyCondition.Healthy && target.HealthCheck is null)
            {
                issues.Warning(dependencyPath, $"'{dependency.Service}' has no health check, so 'healthy' means 'started'.");
            }

            if (!seen.Add(dependency.Service))
            {
                issues.Error(dependencyPath, $"'{dependency.Service}' is listed twice.");
            }
        }
    }

    private static void ValidateHealthCheck(HealthCheckSpec check, string path, Issues issues)
    {
        if (check.Command.Count == 0 && !check.IsHttp)
        {
            issues.Error(path, "A health check needs a command or an http check.");
        }
        else if (check.Command.Count > 0 && check.IsHttp)
        {
            issues.Error(path, "A health check has either a command or an http check, not both.");
        }

        if (check.IsHttp)
        {
            if (check.HttpPort is not (>= 1 and <= 65535))
            {
                issues.Error($"{path}.http.port", "The http check needs a port between 1 and 65535.");
            }

            if (check.HttpPath is not { } httpPath || !httpPath.StartsWith('/'))
            {
                issues.Error($"{path}.http.path", "The http check needs a path starting with '/'.");
            }
        }

        if (check.Interval <= TimeSpan.Zero)
        {
            issues.Error($"{path}.interval", "The interval must be positive.");
        }

        if (check.Timeout <= TimeSpan.Zero)
        {
            issues.Error($"{path}.timeout", "The timeout must be positive.");
        }

        if (check.StartPeriod < TimeSpan.Zero)
        {
            issues.Error($"{path}.start_period", "The start period cannot be negative.");
        }

        if (check.Retries < 0)
        {
            issues.Error($"{path}.retries", "Retries cannot be negative.");
        }
    }

    private static void ValidateReferences(BlueprintSpec spec, ServiceSpec service, string path, Issues issues)
    {
        CheckReferences(spec, service.Image, $"{path}.image", issues);
        CheckReferences(spec, service.MachineImage, $"{path}.machine_image", issues);
        CheckReferences(spec, service.InstanceType, $"{path}.instance_type", issues);
        CheckReferences(spec, service.Command, $"{path}.command", issues);
        CheckReferences(spec, service.Entrypoint, $"{path}.entrypoint", issues);
        CheckReferences(spec, service.HealthCheck?.Command ?? [], $"{path}.healthcheck.command", issues);
        foreach (var (key, value) in service.Environment)
        {
            CheckReferences(spec, value, $"{path}.environment.{key}", issues);
        }

        foreach (var (key, value) in service.Labels)
        {
            CheckReferences(spec, value, $"{path}.labels.{key}", issues);
        }
    }

    private static void CheckReferences(BlueprintSpec spec, IReadOnlyList<string> values, string path, Issues issues)
    {
        for (var i = 0; i < values.Count; i++)
        {
            CheckReferences(spec, values[i], $"{path}[{i}]", issues);
        }
    }

    private static void CheckReferences(BlueprintSpec spec, string? text, string path, Issues issues)
    {
        foreach (var name in VariableReferences.Find(text).Distinct())
        {
            if (spec.FindVariable(name) is null)
            {
                issues.Error(path, $"'${{{name}}}' refers to an undefined variable.");
            }
        }
    }

    private static void ValidateHostPorts(BlueprintSpec spec, Issues issues)
    {
        var published = new List<(PortSpec Port, string Service, string Path)>();
        foreach (var service in spec.Services)
        {
            for (var i = 0; i < service.Ports.Count; i++)
            {
                var port = service.Ports[i];
                if (port.HostPort is not { } host)
                {
                    continue;
                }

                var path = $"services.{service.Name}.ports[{i}].host";
                if (service.Replicas > 1)
                {
                    issues.Error(path, $"Host port {host} is fixed but the service has {service.Replicas} replicas, which cannot all bind it; leave the host port out.");
                }

                var clash = published.FirstOrDefault(p => p.Port.HostPort == host && p.Port.Protocol == port.Protocol
                    && (p.Port.HostIp is null || port.HostIp is null || p.Port.HostIp == port.HostIp));
                if (clash.Path is not null)
                {
                    issues.Error(path, $"Host port {host}/{YamlWords.Of(port.Protocol)} is already published by service '{clash.Service}' ({clash.Path}).");
                }

                published.Add((port, service.Name, path));
            }
        }
    }

    private static void ValidateEnvironments(BlueprintSpec spec, Issues issues)
    {
        Unique(spec.Environments.Select(e => e.Name), "environments", "environment", issues);
        foreach (var environment in spec.Environments)
        {
            var path = $"environments.{environment.Name}";
            if (!ServiceName().IsMatch(environment.Name))
            {
                issues.Error(path, "Environment names may contain only lower-case letters, digits and dashes, start with a letter, and be at most 40 characters.");
            }

            foreach (var (name, value) in environment.Variables)
            {
                var variable = spec.FindVariable(name);
                if (variable is null)
                {
                    issues.Error($"{path}.variables.{name}", $"Unknown variable '{name}'.");
                }
                else if (CheckValue(variable, value) is { } problem)
                {
                    issues.Error($"{path}.variables.{name}", problem);
                }
            }

            foreach (var change in environment.Services)
            {
                ValidateOverride(spec, change, $"{path}.services.{change.Service}", issues);
            }
        }
    }

    private static void ValidateOverride(BlueprintSpec spec, ServiceOverride change, string path, Issues issues)
    {
        var service = spec.FindService(change.Service);
        if (service is null)
        {
            issues.Error(path, $"Unknown service '{change.Service}'.");
            return;
        }

        if (change.Replicas is { } replicas)
        {
            if (replicas is < 0 or > MaxReplicas)
            {
                issues.Error($"{path}.replicas", $"Replicas must be between 0 and {MaxReplicas}.");
            }
            else if (replicas > 1 && service.Ports.Any(p => p.HostPort is not null))
            {
                issues.Error($"{path}.replicas", $"'{change.Service}' publishes a fixed host port, so it cannot run {replicas} replicas.");
            }
        }

        if (change.Image is { } image)
        {
            if (service.Kind != ServiceKind.Container)
            {
                issues.Error($"{path}.image", "Only container services have an image; set instance_type for a vm.");
            }
            else if (!ImageReference.IsValid(image))
            {
                issues.Error($"{path}.image", $"'{image}' is not a valid image reference.");
            }

            CheckReferences(spec, image, $"{path}.image", issues);
        }

        if (change.InstanceType is not null && service.Kind != ServiceKind.Vm)
        {
            issues.Error($"{path}.instance_type", "Only vm services have an instance type.");
        }

        foreach (var (key, value) in change.Environment)
        {
            CheckReferences(spec, value, $"{path}.environment.{key}", issues);
        }
    }

    private static void ValidateActions(BlueprintSpec spec, Issues issues)
    {
        Unique(spec.Actions.Select(a => a.Name), "actions", "action", issues);
        foreach (var action in spec.Actions)
        {
            var path = $"actions.{action.Name}";
            if (!ServiceName().IsMatch(action.Name))
            {
                issues.Error(path, "Action names may contain only lower-case letters, digits and dashes, start with a letter, and be at most 40 characters.");
            }

            if (spec.FindService(action.Service) is null)
            {
                issues.Error($"{path}.service", $"Unknown service '{action.Service}'.");
            }

            if (action.Command.Count == 0)
            {
                issues.Error($"{path}.command", "An action needs a command.");
            }

            CheckReferences(spec, action.Command, $"{path}.command", issues);
        }
    }

    private static void Unique(IEnumerable<string> names, string section, string what, Issues issues)
    {
        foreach (var duplicate in names.GroupBy(n => n).Where(g => g.Count() > 1))
        {
            issues.Error($"{section}.{duplicate.Key}", $"The {what} name '{duplicate.Key}' is used more than once.");
        }
    }

    [GeneratedRegex("^[a-z][a-z0-9-]{0,39}$")]
    private static partial Regex ServiceName();

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9_.-]*$")]
    private static partial Regex VolumeName();

    private sealed class Issues(BlueprintSourceMap map)
    {
        public List<BlueprintIssue> All { get; } = [];

        public void Error(string path, string message) => All.Add(BlueprintIssue.Error(path, message, map.Find(path)));

        public void Warning(string path, string message) => All.Add(BlueprintIssue.Warning(path, message, map.Find(path)));
    }
}
