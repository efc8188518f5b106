using YamlDotNet.RepresentationModel;

namespace Paddock.Core.Blueprints;

/// <summary>Writes the canonical YAML form: short forms where they read back the same, fields in a fixed order.</summary>
internal static class BlueprintYamlWriter
{
    public static string Write(BlueprintSpec spec, BlueprintLayout? layout)
    {
        var root = new YamlMappingNode
        {
            { "apiVersion", BlueprintYaml.ApiVersion },
            { "kind", BlueprintYaml.Kind },
        };
        AddText(root, "name", spec.Name);
        AddText(root, "description", spec.Description);
        AddSection(root, "variables", spec.Variables.Select(v => (v.Name, Variable(v))));
        AddSection(root, "services", spec.Services.Select(s => (s.Name, (YamlNode)Service(s))));
        AddSection(root, "environments", spec.Environments.Select(e => (e.Name, (YamlNode)Environment(e))));
        AddSection(root, "actions", spec.Actions.Select(a => (a.Name, (YamlNode)Action(a))));
        if (layout is { Positions.Count: > 0 })
        {
            AddSection(root, "layout", layout.Positions.Select(p => (p.Key, (YamlNode)new YamlMappingNode
            {
                { "x", YamlScalars.Number(p.Value.X) },
                { "y", YamlScalars.Number(p.Value.Y) },
            })));
        }

        return YamlScalars.Save(root);
    }

    private static YamlNode Variable(VariableSpec variable)
    {
        if (variable is { Type: VariableType.String, Required: false, Description: null, AllowedValues.Count: 0, Default: not null })
        {
            return YamlScalars.Text(variable.Default);
        }

        var node = new YamlMappingNode { { "type", YamlWords.Of(variable.Type) } };
        AddText(node, "default", variable.Default);
        if (variable.Required)
        {
            node.Add("required", YamlScalars.Bool(true));
        }

        AddText(node, "description", variable.Description);
        AddList(node, "allowed_values", variable.AllowedValues);
        return node;
    }

    private static YamlMappingNode Service(ServiceSpec service)
    {
        var node = new YamlMappingNode();
        if (service.Kind != ServiceKind.Container)
        {
            node.Add("kind", YamlWords.Of(service.Kind));
        }

        AddText(node, "image", service.Image);
        AddText(node, "machine_image", service.MachineImage);
        AddText(node, "instance_type", service.InstanceType);
        AddText(node, "build", service.Build);
        AddList(node, "entrypoint", service.Entrypoint);
        AddList(node, "command", service.Command);
        AddMap(node, "environment", service.Environment);
        if (service.Ports.Count > 0)
        {
            node.Add("ports", new YamlSequenceNode(service.Ports.Select(p => (YamlNode)YamlScalars.Text(PortSyntax.Format(p)))));
        }

        if (service.Volumes.Count > 0)
        {
            node.Add("volumes", new YamlSequenceNode(service.Volumes.Select(Volume)));
        }

        if (service.DependsOn.Count > 0)
        {
            node.Add("depends_on", service.DependsOn.All(d => d.Condition == DependencyCondition.Started)
                ? new YamlSequenceNode(service.DependsOn.Select(d => (YamlNode)YamlScalars.Text(d.Service)))
                : new YamlMappingNode(service.DependsOn.Select(d => KeyValuePair.Create<YamlNode, YamlNode>(YamlScalars.Text(d.Service), YamlWords.Of(d.Condition)))));
        }

        if (service.HealthCheck is { } check)
        {
            node.Add("healthcheck", HealthCheck(check));
        }

        if (service.Replicas != 1)
        {
            node.Add("replicas", YamlScalars.Number(service.Replicas));
        }

        if (service.Cpu is { } cpu)
        {
            node.Add("cpu", YamlScalars.Number(cpu));
        }

        if (service.Memory is { } memory)
        {
            node.Add("memory", memory.ToString());
        }

        if (service.Restart is { } restart)
        {
            node.Add("restart", YamlScalars.Text(YamlWords.Of(restart)));
        }

        AddMap(node, "labels", service.Labels);
        return node;
    }

    private static YamlNode Volume(VolumeSpec volume) =>
        VolumeSyntax.TryFormat(volume) is { } text
            ? YamlScalars.Text(text)
            : new YamlMappingNode
            {
                { "type", YamlWords.Of(volume.Type) },
                { "source", YamlScalars.Text(volume.Source) },
                { "target", YamlScalars.Text(volume.Target) },
                { "read_only", YamlScalars.Bool(volume.ReadOnly) },
            };

    private static YamlMappingNode HealthCheck(HealthCheckSpec check)
    {
        var node = new YamlMappingNode();
        AddList(node, "command", check.Command);
        if (check.IsHttp)
        {
            var http = new YamlMappingNode();
            AddText(http, "path", check.HttpPath);
            if (check.HttpPort is { } port)
            {
                http.Add("port", YamlScalars.Number(port));
            }

            node.Add("http", http);
        }

        node.Add("interval", Durations.Format(check.Interval));
        node.Add("timeout", Durations.Format(check.Timeout));
        node.Add("retries", YamlScalars.Number(check.Retries));
        node.Add("start_period", Durations.Format(check.StartPeriod));
        return node;
    }

    private static YamlMappingNode Environment(EnvironmentOverride environment)
    {
        var node = new YamlMappingNode();
        AddMap(node, "variables", environment.Variables);
        AddSection(node, "services", environment.Services.Select(s =>
        {
            var change = new YamlMappingNode();
            if (s.Replicas is { } replicas)
            {
                change.Add("replicas", YamlScalars.Number(replicas));
            }

            AddText(change, "instance_type", s.InstanceType);
            AddText(change, "image", s.Image);
            AddMap(change, "environment", s.Environment);
            return (s.Service, (YamlNode)change);
        }));
        return node;
    }

    private static YamlMappingNode Action(ActionSpec action)
    {
        var node = new YamlMappingNode { { "service", YamlScalars.Text(action.Service) } };
        AddList(node, "command", action.Command);
        AddText(node, "description", action.Description);
        return node;
    }

    private static void AddText(YamlMappingNode node, string key, string? value)
    {
        if (value is not null)
        {
            node.Add(key, YamlScalars.Text(value));
        }
    }

    private static void AddList(YamlMappingNode node, string key, IReadOnlyList<string> values)
    {
        if (values.Count > 0)
        {
            node.Add(key, YamlScalars.FlowList(values));
        }
    }

    private static void AddMap(YamlMappingNode node, string key, IReadOnlyDictionary<string, string> values)
    {
        if (values.Count > 0)
        {
            node.Add(key, YamlScalars.Map(values));
        }
    }

    private static void AddSection(YamlMappingNode node, string key, IEnumerable<(string Name, YamlNode Value)> entries)
    {
        var section = new YamlMappingNode();
        foreach (var (name, value) in entries)
        {
            section.Add(YamlScalars.Text(name), value);
        }

        if (section.Children.Count > 0)
        {
            node.Add(key, section);
        }
    }
}
