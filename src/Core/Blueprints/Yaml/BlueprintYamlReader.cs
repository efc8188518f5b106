using YamlDotNet.RepresentationModel;

namespace Paddock.Core.Blueprints;

/// <summary>Turns the YAML tree of a <c>paddock/v1</c> blueprint into a spec; shape errors only, rules live in the validator.</summary>
internal sealed class BlueprintYamlReader
{
    private readonly YamlReadContext _yaml = new();

    public BlueprintParseResult Read(string text)
    {
        var root = _yaml.Load(text);
        BlueprintSpec? spec = null;
        var layout = BlueprintLayout.Empty;
        if (root is not null)
        {
            (spec, layout) = ReadRoot(root);
        }

        return new BlueprintParseResult
        {
            Spec = _yaml.Errors.Count == 0 ? spec : null,
            Layout = layout,
            Errors = _yaml.Errors,
            Warnings = _yaml.Warnings,
            SourceMap = _yaml.SourceMap,
        };
    }

    private (BlueprintSpec Spec, BlueprintLayout Layout) ReadRoot(YamlNode root)
    {
        var spec = new BlueprintSpec();
        var layout = BlueprintLayout.Empty;
        var sawApiVersion = false;
        foreach (var (key, value, path) in _yaml.Entries(root, ""))
        {
            switch (key)
            {
                case "apiVersion":
                    sawApiVersion = true;
                    if (_yaml.Scalar(value, path) != BlueprintYaml.ApiVersion)
                    {
                        _yaml.Error(path, $"Unsupported apiVersion; expected {BlueprintYaml.ApiVersion}.", value);
                    }

                    break;
                case "kind":
                    if (_yaml.Scalar(value, path) != BlueprintYaml.Kind)
                    {
                        _yaml.Error(path, $"Expected kind: {BlueprintYaml.Kind}.", value);
                    }

                    break;
                case "name": spec = spec with { Name = _yaml.Scalar(value, path) }; break;
                case "description": spec = spec with { Description = _yaml.Scalar(value, path) }; break;
                case "variables": spec = spec with { Variables = _yaml.Entries(value, path).Select(e => ReadVariable(e.Key, e.Value, e.Path)).ToList() }; break;
                case "services": spec = spec with { Services = _yaml.Entries(value, path).Select(e => ReadService(e.Key, e.Value, e.Path)).ToList() }; break;
                case "environments": spec = spec with { Environments = _yaml.Entries(value, path).Select(e => ReadEnvironment(e.Key, e.Value, e.Path)).ToList() }; break;
                case "actions": spec = spec with { Actions = _yaml.Entries(value, path).Select(e => ReadAction(e.Key, e.Value, e.Path)).ToList() }; break;
                case "layout": layout = ReadLayout(value, path); break;
                default: _yaml.Unknown(path, value); break;
            }
        }

        if (!sawApiVersion && root is YamlMappingNode)
        {
            _yaml.Warning("apiVersion", $"apiVersion is missing; {BlueprintYaml.ApiVersion} is assumed.", root);
        }

        return (spec, layout);
    }

    private VariableSpec ReadVariable(string name, YamlNode node, string path)
    {
        var variable = new VariableSpec { Name = name };
        if (node is YamlScalarNode)
        {
            // Short form: `REGION: eu-west-1` is a string variable with that default.
            return variable with { Default = _yaml.Scalar(node, path) };
        }

        foreach (var (key, value, p) in _yaml.Entries(node, path))
        {
            variable = key switch
            {
                "type" => variable with { Type = _yaml.Enum<VariableType>(value, p) ?? VariableType.String },
                "default" => variable with { Default = _yaml.Scalar(value, p) },
                "required" => variable with { Required = _yaml.Bool(value, p) ?? false },
                "description" => variable with { Description = _yaml.Scalar(value, p) },
                "allowed_values" => variable with { AllowedValues = _yaml.Words(value, p) },
                _ => Ignore(variable, p, value),
            };
        }

        return variable;
    }

    private ServiceSpec ReadService(string name, YamlNode node, string path)
    {
        var service = new ServiceSpec { Name = name };
        foreach (var (key, value, p) in _yaml.Entries(node, path))
        {
            service = key switch
            {
                "kind" => service with { Kind = _yaml.Enum<ServiceKind>(value, p) ?? ServiceKind.Container },
                "image" => service with { Image = _yaml.Scalar(value, p) },
                "machine_image" => service with { MachineImage = _yaml.Scalar(value, p) },
                "instance_type" => service with { InstanceType = _yaml.Scalar(value, p) },
                "build" => service with { Build = _yaml.Scalar(value, p) },
                "command" => service with { Command = _yaml.Words(value, p) },
                "entrypoint" => service with { Entrypoint = _yaml.Words(value, p) },
                "environment" => service with { Environment = _yaml.StringMap(value, p) },
                "ports" => service with { Ports = _yaml.Items(value, p).Select(i => ReadPort(i.Item, i.Path)).OfType<PortSpec>().ToList() },
                "volumes" => service with { Volumes = _yaml.Items(value, p).Select(i => ReadVolume(i.Item, i.Path)).OfType<VolumeSpec>().ToList() },
                "depends_on" => service with { DependsOn = ReadDependencies(value, p) },
                "healthcheck" => service with { HealthCheck = ReadHealthCheck(value, p) },
                "replicas" => service with { Replicas = _yaml.Int(value, p) ?? 1 },
                "cpu" => service with { Cpu = _yaml.Decimal(value, p) },
                "memory" => service with { Memory = ReadMemory(value, p) },
                "restart" => service with { Restart = _yaml.Enum<RestartPolicy>(value, p) },
                "labels" => service with { Labels = _yaml.StringMap(value, p) },
                _ => Ignore(service, p, value),
            };
        }

        return service;
    }

    private PortSpec? ReadPort(YamlNode node, string path)
    {
        if (node is YamlScalarNode)
        {
            if (PortSyntax.TryParse(_yaml.Scalar(node, path) ?? "", out var port, out var error))
            {
                return port;
            }

            _yaml.Error(path, error!, node);
            return null;
        }

        int? container = null;
        int? host = null;
        var protocol = PortProtocol.Tcp;
        string? hostIp = null;
        foreach (var (key, value, p) in _yaml.Entries(node, path))
        {
            switch (key)
            {
                case "container": container = _yaml.Int(value, p); break;
                case "host": host = _yaml.Int(value, p); break;
                case "protocol": protocol = _yaml.Enum<PortProtocol>(value, p) ?? PortProtocol.Tcp; break;
                case "host_ip": hostIp = _yaml.Scalar(value, p); break;
                default: _yaml.Unknown(p, value); break;
            }
        }

        if (container is null)
        {
            _yaml.Error(path, "A port needs a container port.", node);
            return null;
        }

        return new PortSpec { ContainerPort = container.Value, HostPort = host, Protocol = protocol, HostIp = hostIp };
    }

    private VolumeSpec? ReadVolume(YamlNode node, string path)
    {
        if (node is YamlScalarNode)
        {
            if (VolumeSyntax.TryParse(_yaml.Scalar(node, path) ?? "", out var volume, out var error))
            {
                return volume;
            }

            _yaml.Error(path, error!, node);
            return null;
        }

        var type = VolumeType.Volume;
        string? source = null;
        string? target = null;
        var readOnly = false;
        foreach (var (key, value, p) in _yaml.Entries(node, path))
        {
            switch (key)
            {
                case "type": type = _yaml.Enum<VolumeType>(value, p) ?? VolumeType.Volume; break;
                case "source": source = _yaml.Scalar(value, p); break;
                case "target": target = _yaml.Scalar(value, p); break;
                case "read_only": readOnly = _yaml.Bool(value, p) ?? false; break;
                default: _yaml.Unknown(p, value); break;
            }
        }

        if (source is null || target is null)
        {
            _yaml.Error(path, "A volume needs a source and a target.", node);
            return null;
        }

        return new VolumeSpec { Type = type, Source = source, Target = target, ReadOnly = readOnly };
    }

    private List<DependencySpec> ReadDependencies(YamlNode node, string path)
    {
        if (node is YamlSequenceNode)
        {
            return _yaml.Items(node, path).Select(i => new DependencySpec(_yaml.Scalar(i.Item, i.Path) ?? "")).ToList();
        }

        var dependencies = new List<DependencySpec>();
        foreach (var (service, value, p) in _yaml.Entries(node, path))
        {
            var conditionNode = value;
            var conditionPath = p;
            if (value is YamlMappingNode)
            {
                conditionNode = new YamlScalarNode(); // no condition given: started
                foreach (var (key, v, cp) in _yaml.Entries(value, p))
                {
                    if (key == "condition")
                    {
                        conditionNode = v;
                        conditionPath = cp;
                    }
                    else
                    {
                        _yaml.Unknown(cp, v);
                    }
                }
            }

            dependencies.Add(new DependencySpec(service, _yaml.Enum<DependencyCondition>(conditionNode, conditionPath) ?? DependencyCondition.Started));
        }

        return dependencies;
    }

    private HealthCheckSpec? ReadHealthCheck(YamlNode node, string path)
    {
        if (YamlReadContext.IsNull(node))
        {
            return null;
        }

        var check = new HealthCheckSpec();
        foreach (var (key, value, p) in _yaml.Entries(node, path))
        {
            switch (key)
            {
                case "command": check = check with { Command = _yaml.Words(value, p) }; break;
                case "http":
                    foreach (var (httpKey, httpValue, hp) in _yaml.Entries(value, p))
                    {
                        check = httpKey switch
                        {
                            "path" => check with { HttpPath = _yaml.Scalar(httpValue, hp) },
                            "port" => check with { HttpPort = _yaml.Int(httpValue, hp) },
                            _ => Ignore(check, hp, httpValue),
                        };
                    }

                    break;
                case "interval": check = check with { Interval = _yaml.Duration(value, p) ?? check.Interval }; break;
                case "timeout": check = check with { Timeout = _yaml.Duration(value, p) ?? check.Timeout }; break;
                case "retries": check = check with { Retries = _yaml.Int(value, p) ?? check.Retries }; break;
                case "start_period": check = check with { StartPeriod = _yaml.Duration(value, p) ?? check.StartPeriod }; break;
                default: _yaml.Unknown(p, value); break;
            }
        }

        return check;
    }

    private MemorySize? ReadMemory(YamlNode node, string path)
    {
        var text = _yaml.Scalar(node, path);
        if (text is null)
        {
            return null;
        }

        if (MemorySize.TryParse(text, out var size))
        {
            return size;
        }

        _yaml.Error(path, $"'{text}' is not a memory size such as 256Mi or 1Gi.", node);
        return null;
    }

    private EnvironmentOverride ReadEnvironment(string name, YamlNode node, string path)
    {
        var environment = new EnvironmentOverride { Name = name };
        foreach (var (key, value, p) in _yaml.Entries(node, path))
        {
            environment = key switch
            {
                "variables" => environment with { Variables = _yaml.StringMap(value, p) },
                "services" => environment with { Services = _yaml.Entries(value, p).Select(e => ReadServiceOverride(e.Key, e.Value, e.Path)).ToList() },
                _ => Ignore(environment, p, value),
            };
        }

        return environment;
    }

    private ServiceOverride ReadServiceOverride(string service, YamlNode node, string path)
    {
        var change = new ServiceOverride { Service = service };
        foreach (var (key, value, p) in _yaml.Entries(node, path))
        {
            change = key switch
            {
                "replicas" => change with { Replicas = _yaml.Int(value, p) },
                "instance_type" => change with { InstanceType = _yaml.Scalar(value, p) },
                "image" => change with { Image = _yaml.Scalar(value, p) },
                "environment" => change with { Environment = _yaml.StringMap(value, p) },
                _ => Ignore(change, p, value),
            };
        }

        return change;
    }

    private ActionSpec ReadAction(string name, YamlNode node, string path)
    {
        var action = new ActionSpec { Name = name, Service = "" };
        foreach (var (key, value, p) in _yaml.Entries(node, path))
        {
            action = key switch
            {
                "service" => action with { Service = _yaml.Scalar(value, p) ?? "" },
                "command" => action with { Command = _yaml.Words(value, p) },
                "description" => action with { Description = _yaml.Scalar(value, p) },
                _ => Ignore(action, p, value),
            };
        }

        return action;
    }

    private BlueprintLayout ReadLayout(YamlNode node, string path)
    {
        var positions = new List<KeyValuePair<string, LayoutPosition>>();
        foreach (var (service, value, p) in _yaml.Entries(node, path))
        {
            double x = 0, y = 0;
            foreach (var (key, v, cp) in _yaml.Entries(value, p))
            {
                switch (key)
                {
                    case "x": x = (double)(_yaml.Decimal(v, cp) ?? 0); break;
                    case "y": y = (double)(_yaml.Decimal(v, cp) ?? 0); break;
                    default: _yaml.Unknown(cp, v); break;
                }
            }

            positions.Add(KeyValuePair.Create(service, new LayoutPosition(x, y)));
        }

        return new BlueprintLayout { Positions = new ValueDictionary<LayoutPosition>(positions) };
    }

    private T Ignore<T>(T value, string path, YamlNode node)
    {
        _yaml.Unknown(path, node);
        return value;
    }
}
