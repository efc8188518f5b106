using System.Globalization;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace Paddock.Core.Blueprints;

/// <summary>
/// Writes a docker-compose file (Compose Specification, no version key; accepted by docker-compose 1.29) for a blueprint
/// in one environment. Variables stay variables: <c>${VAR:-default}</c>, <c>${VAR:?...}</c> when required.
/// </summary>
public static class ComposeExporter
{
    public static string Export(BlueprintSpec spec, string? environmentName = null)
    {
        var effective = BlueprintOverrides.Apply(spec, environmentName);
        var services = new YamlMappingNode();
        var volumes = new YamlMappingNode();
        var skipped = new List<string>();
        foreach (var service in effective.Services)
        {
            if (service.Kind != ServiceKind.Container)
            {
                skipped.Add(service.Name);
                continue;
            }

            services.Add(service.Name, Service(effective, service));
            foreach (var volume in service.Volumes.Where(v => v.Type == VolumeType.Volume && !volumes.Children.ContainsKey(v.Source)))
            {
                volumes.Add(volume.Source, new YamlMappingNode { Style = MappingStyle.Flow });
            }
        }

        var root = new YamlMappingNode { { "services", services } };
        if (volumes.Children.Count > 0)
        {
            root.Add("volumes", volumes);
        }

        // Compose runs containers only; vm services are named so the reader knows they are missing.
        var header = string.Concat(skipped.Select(s => $"# vm service '{s}' is not part of this compose file\n"));
        return header + YamlScalars.Save(root);
    }

    private static YamlMappingNode Service(BlueprintSpec spec, ServiceSpec service)
    {
        string Text(string value) => Interpolate(spec, value);
        var node = new YamlMappingNode { { "image", YamlScalars.Text(Text(service.Image ?? "")) } };
        if (service.Entrypoint.Count > 0)
        {
            node.Add("entrypoint", YamlScalars.FlowList(service.Entrypoint.Select(Text)));
        }

        if (service.Command.Count > 0)
        {
            node.Add("command", YamlScalars.FlowList(service.Command.Select(Text)));
        }

        if (service.Environment.Count > 0)
        {
            node.Add("environment", YamlScalars.Map(service.Environment.Select(e => KeyValuePair.Create(e.Key, Text(e.Value)))));
        }

        if (service.Ports.Count > 0)
        {
            node.Add("ports", new YamlSequenceNode(service.Ports.Select(p => (YamlNode)YamlScalars.Text(PortSyntax.Format(p)))));
        }

        if (service.Volumes.Count > 0)
        {
            node.Add("volumes", new YamlSequenceNode(service.Volumes.Select(v => (YamlNode)YamlScalars.Text($"{v.Source}:{v.Target}{(v.ReadOnly ? ":ro" : "")}"))));
        }

        if (service.DependsOn.Count > 0)
        {
            node.Add("depends_on", new YamlMappingNode(service.DependsOn.Select(d => KeyValuePair.Create<YamlNode, YamlNode>(
                d.Service,
                new YamlMappingNode { { "condition", d.Condition == DependencyCondition.Healthy ? "service_healthy" : "service_started" } }))));
        }

        if (service.HealthCheck is { } check)
        {
            node.Add("healthcheck", HealthCheck(check, Text));
        }

        var deploy = Deploy(service);
        if (deploy.Children.Count > 0)
        {
            node.Add("deploy", deploy);
        }

        if (service.Restart is { } restart)
        {
            node.Add("restart", YamlScalars.Text(YamlWords.Of(restart)));
        }

        if (service.Labels.Count > 0)
        {
            node.Add("labels", YamlScalars.Map(service.Labels.Select(e => KeyValuePair.Create(e.Key, Text(e.Value)))));
        }

        return node;
    }

    private static YamlMappingNode HealthCheck(HealthCheckSpec check, Func<string, string> text)
    {
        // An http check becomes a command: busybox and most base images ship wget, few ship curl.
        var test = check.IsHttp
            ? YamlScalars.FlowList(["CMD-SHELL", $"wget -q -O /dev/null http://localhost:{check.HttpPort?.ToString(CultureInfo.InvariantCulture)}{check.HttpPath} || exit 1"])
            : YamlScalars.FlowList(check.Command.Select(text).Prepend("CMD"));
        return new YamlMappingNode
        {
            { "test", test },
            { "interval", Durations.Format(check.Interval) },
            { "timeout", Durations.Format(check.Timeout) },
            { "retries", YamlScalars.Number(check.Retries) },
            { "start_period", Durations.Format(check.StartPeriod) },
        };
    }

    private static YamlMappingNode Deploy(ServiceSpec service)
    {
        var deploy = new YamlMappingNode();
        if (service.Replicas != 1)
        {
            deploy.Add("replicas", YamlScalars.Number(service.Replicas));
        }

        var limits = new YamlMappingNode();
        if (service.Cpu is { } cpu)
        {
            limits.Add("cpus", new YamlScalarNode(YamlScalars.Normalize(cpu).ToString(CultureInfo.InvariantCulture)) { Style = YamlDotNet.Core.ScalarStyle.DoubleQuoted });
        }

        if (service.Memory is { } memory)
        {
            limits.Add("memory", ComposeValues.FormatBytes(memory));
        }

        if (limits.Children.Count > 0)
        {
            deploy.Add("resources", new YamlMappingNode { { "limits", limits } });
        }

        return deploy;
    }

    private static string Interpolate(BlueprintSpec spec, string text) =>
        VariableReferences.Rewrite(text, name => spec.FindVariable(name) switch
        {
            { Type: not VariableType.Secret, Default: { } value } when !value.Contains('}', StringComparison.Ordinal) => $"${{{name}:-{value.Replace("$", "$$", StringComparison.Ordinal)}}}",
            { Required: true } => $"${{{name}:?{name} is required}}",
            _ => $"${{{name}}}",
        });
}
