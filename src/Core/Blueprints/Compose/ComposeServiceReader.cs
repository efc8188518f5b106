using YamlDotNet.RepresentationModel;

namespace Paddock.Core.Blueprints;

/// <summary>Reads one compose service into a <see cref="ServiceSpec"/>, warning about every key it cannot carry over.</summary>
internal sealed class ComposeServiceReader(YamlReadContext yaml, ComposeInterpolation variables, IReadOnlyDictionary<string, string> serviceNames)
{
    public ServiceSpec Read(string name, YamlNode node, string path)
    {
        var service = new ServiceSpec { Name = serviceNames[name] };
        foreach (var (key, value, p) in yaml.Entries(ComposeImporter.Merged(node), path))
        {
            service = key switch
            {
                "image" => service with { Image = Reference(value, p) },
                "build" => service with { Build = ReadBuild(value, p) },
                "command" => service with { Command = Words(value, p) },
                "entrypoint" => service with { Entrypoint = Words(value, p) },
                "environment" => service with { Environment = Pairs(value, p, fromShell: true) },
                "labels" => service with { Labels = Pairs(value, p, fromShell: false) },
                "ports" => service with { Ports = yaml.Items(value, p).SelectMany(i => ReadPorts(i.Item, i.Path)).ToList() },
                "volumes" => service with { Volumes = yaml.Items(value, p).Select(i => ReadVolume(i.Item, i.Path)).OfType<VolumeSpec>().ToList() },
                "depends_on" => service with { DependsOn = ReadDependsOn(value, p) },
                "healthcheck" => service with { HealthCheck = ReadHealthCheck(value, p) },
                "deploy" => ReadDeploy(service, value, p),
                "scale" => service with { Replicas = Int(value, p) ?? service.Replicas },
                "cpus" => service with { Cpu = Decimal(value, p) },
                "mem_limit" => service with { Memory = Bytes(value, p) },
                "restart" => service with { Restart = ReadRestart(value, p) },
                "env_file" => Warn(service, p, value, "env_file is not carried over: copy its values into environment (secrets as secret variables)."),
                "networks" or "network_mode" => Warn(service, p, value, "Paddock puts each stack on one network of its own; networks are not carried over."),
                "container_name" => Warn(service, p, value, "Paddock names containers after the stack and service; container_name is not carried over."),
                "expose" => Warn(service, p, value, "expose only documents ports; services on the stack network reach each other on every port."),
                _ => Warn(service, p, value, $"'{key}' is not supported by Paddock blueprints; it is not carried over."),
            };
        }

        if (service.Image is null && service.Build is null)
        {
            yaml.Error($"{path}.image", "The service has neither image nor build.", node);
        }

        return service;
    }

    private string? Reference(YamlNode node, string path) =>
        yaml.Scalar(node, path) is { } text ? variables.References(text, path) : null;

    private string? Concrete(YamlNode node, string path) =>
        yaml.Scalar(node, path) is { } text ? variables.Inline(text, path) : null;

    private int? Int(YamlNode node, string path) =>
        Concrete(node, path) is { } text ? yaml.Int(new YamlScalarNode(text), path) : null;

    private decimal? Decimal(YamlNode node, string path) =>
        Concrete(node, path) is { } text ? yaml.Decimal(new YamlScalarNode(text), path) : null;

    private TimeSpan? Duration(YamlNode node, string path) =>
        Concrete(node, path) is { } text ? yaml.Duration(new YamlScalarNode(text), path) : null;

    private MemorySize? Bytes(YamlNode node, string path)
    {
        var text = Concrete(node, path);
        if (text is null)
        {
            return null;
        }

        if (ComposeValues.TryParseBytes(text, out var size))
        {
            return size;
        }

        yaml.Error(path, $"'{text}' is not a size such as 512m or 1g.", node);
        return null;
    }

    private List<string> Words(YamlNode node, string path) =>
        node is YamlScalarNode && !YamlReadContext.IsNull(node)
            ? ShellWords.Split(Reference(node, path) ?? "").ToList()
            : yaml.Items(node, path).Select(i => Reference(i.Item, i.Path) ?? "").ToList();

    private ValueDictionary<string> Pairs(YamlNode node, string path, bool fromShell)
    {
        var pairs = new List<KeyValuePair<string, string>>();
        if (node is YamlSequenceNode)
        {
            foreach (var (item, itemPath) in yaml.Items(node, path))
            {
                var text = yaml.Scalar(item, itemPath) ?? "";
                var eq = text.IndexOf('=', StringComparison.Ordinal);
                pairs.Add(eq < 0 ? FromShell(text, itemPath, fromShell) : KeyValuePair.Create(text[..eq], variables.References(text[(eq + 1)..], itemPath)));
            }
        }
        else
        {
            foreach (var (key, value, p) in yaml.Entries(node, path))
            {
                pairs.Add(YamlReadContext.IsNull(value) ? FromShell(key, p, fromShell) : KeyValuePair.Create(key, Reference(value, p) ?? ""));
            }
        }

        return new ValueDictionary<string>(pairs);
    }

    // `- API_KEY` (no value) takes the value from the shell that runs compose: that is an input, so a variable.
    private KeyValuePair<string, string> FromShell(string key, string path, bool fromShell)
    {
        if (!fromShell || !VariableReferences.IsValidName(key))
        {
            return KeyValuePair.Create(key, "");
        }

        variables.Declare(key, null, required: false, null, path);
        return KeyValuePair.Create(key, $"${{{key}}}");
    }

    private string? ReadBuild(YamlNode node, string path)
    {
        var context = node is YamlScalarNode ? yaml.Scalar(node, path) : null;
        foreach (var (key, value, p) in yaml.Entries(node is YamlMappingNode ? node : new YamlMappingNode(), path))
        {
            if (key == "context")
            {
                context = yaml.Scalar(value, p);
            }
            else
            {
                yaml.Warning(p, $"build.{key} is not carried over; only the build context is kept.", value);
            }
        }

        yaml.Warning(path, "The build context is kept as a hint for pipelines; Paddock launches images, so set an image the pipeline pushes.", node);
        return context ?? ".";
    }

    private List<PortSpec> ReadPorts(YamlNode node, string path)
    {
        if (node is YamlScalarNode)
        {
            var text = Concrete(node, path) ?? "";
            if (!ComposeValues.TryParsePorts(text, out var ports, out var warning, out var error))
            {
                yaml.Error(path, error!, node);
            }

            if (warning is not null)
            {
                yaml.Warning(path, warning, node);
            }

            return ports;
        }

        int? target = null;
        int? published = null;
        var protocol = PortProtocol.Tcp;
        string? hostIp = null;
        foreach (var (key, value, p) in yaml.Entries(node, path))
        {
            switch (key)
            {
                case "target": target = Int(value, p); break;
                case "published": published = Int(value, p); break;
                case "protocol": protocol = yaml.Enum<PortProtocol>(value, p) ?? PortProtocol.Tcp; break;
                case "host_ip": hostIp = Concrete(value, p); break;
                case "mode" when yaml.Scalar(value, p) == "ingress": break;
                default: yaml.Warning(p, $"Port option '{key}' is not carried over.", value); break;
            }
        }

        if (target is null)
        {
            yaml.Error(path, "A port needs a target.", node);
            return [];
        }

        return [new PortSpec { ContainerPort = target.Value, HostPort = published, Protocol = protocol, HostIp = hostIp }];
    }

    private VolumeSpec? ReadVolume(YamlNode node, string path)
    {
        if (node is YamlScalarNode)
        {
            var text = Concrete(node, path) ?? "";
            var parts = text.Split(':');
            if (parts.Length == 1)
            {
                yaml.Warning(path, $"The anonymous volume '{text}' is not carried over; name it (data:{text}) to keep its data.", node);
                return null;
            }

            var modes = parts.Length > 2 ? parts[2].Split(',') : [];
            foreach (var mode in modes.Where(m => m is not ("ro" or "rw")))
            {
                yaml.Warning(path, $"Volume mode '{mode}' is not carried over.", node);
            }

            return Volume(VolumeSyntax.IsHostPath(parts[0]) ? VolumeType.Bind : VolumeType.Volume, parts[0], parts[1], modes.Contains("ro"), path, node);
        }

        string? type = "volume";
        string? source = null;
        string? target = null;
        var readOnly = false;
        foreach (var (key, value, p) in yaml.Entries(node, path))
        {
            switch (key)
            {
                case "type": type = yaml.Scalar(value, p); break;
                case "source": source = Concrete(value, p); break;
                case "target": target = Concrete(value, p); break;
                case "read_only": readOnly = yaml.Bool(value, p) ?? false; break;
                default: yaml.Warning(p, $"Volume option '{key}' is not carried over.", value); break;
            }
        }

        if (type is not ("volume" or "bind") || source is null || target is null)
        {
            yaml.Warning(path, type is "volume" or "bind"
                ? "A volume without source or target (anonymous) is not carried over."
                : $"Volumes of type '{type}' are not supported; it is not carried over.", node);
            return null;
        }

        return Volume(type == "bind" ? VolumeType.Bind : VolumeType.Volume, source, target, readOnly, path, node);
    }

    private VolumeSpec Volume(VolumeType type, string source, string target, bool readOnly, string path, YamlNode node)
    {
        if (type == VolumeType.Bind)
        {
            yaml.Warning(path, $"The bind mount of '{source}' is carried over but flagged unsafe: it exposes host files and the path must exist on the engine's host.", node);
        }

        return new VolumeSpec { Type = type, Source = source, Target = target, ReadOnly = readOnly };
    }

    private List<DependencySpec> ReadDependsOn(YamlNode node, string path)
    {
        if (node is YamlSequenceNode)
        {
            return yaml.Items(node, path).Select(i => new DependencySpec(Rename(yaml.Scalar(i.Item, i.Path) ?? ""))).ToList();
        }

        var dependencies = new List<DependencySpec>();
        foreach (var (name, value, p) in yaml.Entries(node, path))
        {
            var condition = DependencyCondition.Started;
            foreach (var (key, v, cp) in yaml.Entries(value, p))
            {
                if (key != "condition")
                {
                    yaml.Warning(cp, $"depends_on option '{key}' is not carried over.", v);
                    continue;
                }

                switch (yaml.Scalar(v, cp))
                {
                    case "service_healthy": condition = DependencyCondition.Healthy; break;
                    case "service_started": break;
                    case "service_completed_successfully":
                        yaml.Warning(cp, "Waiting for a service to complete is not supported; Paddock waits for it to start.", v);
                        break;
                    case var other:
                        yaml.Warning(cp, $"Unknown condition '{other}'; Paddock waits for the service to start.", v);
                        break;
                }
            }

            dependencies.Add(new DependencySpec(Rename(name), condition));
        }

        return dependencies;
    }

    private string Rename(string composeName) => serviceNames.TryGetValue(composeName, out var name) ? name : composeName;

    private HealthCheckSpec? ReadHealthCheck(YamlNode node, string path)
    {
        var check = new HealthCheckSpec();
        var disabled = false;
        foreach (var (key, value, p) in yaml.Entries(node, path))
        {
            switch (key)
            {
                case "test":
                    var words = value is YamlScalarNode ? ["CMD-SHELL", Reference(value, p) ?? ""] : Words(value, p);
                    (check, disabled) = words switch
                    {
                        ["NONE", ..] => (check, true),
                        ["CMD", .. var rest] => (check with { Command = rest }, disabled),
                        ["CMD-SHELL", .. var rest] => (check with { Command = ["/bin/sh", "-c", string.Join(' ', rest)] }, disabled),
                        _ => (check with { Command = words }, disabled),
                    };
                    break;
                case "interval": check = check with { Interval = Duration(value, p) ?? check.Interval }; break;
                case "timeout": check = check with { Timeout = Duration(value, p) ?? check.Timeout }; break;
                case "start_period": check = check with { StartPeriod = Duration(value, p) ?? check.StartPeriod }; break;
                case "retries": check = check with { Retries = Int(value, p) ?? check.Retries }; break;
                case "disable": disabled |= yaml.Bool(value, p) ?? false; break;
                default: yaml.Warning(p, $"healthcheck.{key} is not carried over.", value); break;
            }
        }

        return disabled || check.Command.Count == 0 ? null : check;
    }

    private ServiceSpec ReadDeploy(ServiceSpec service, YamlNode node, string path)
    {
        foreach (var (key, value, p) in yaml.Entries(node, path))
        {
            switch (key)
            {
                case "replicas": service = service with { Replicas = Int(value, p) ?? service.Replicas }; break;
                case "resources":
                    foreach (var (kind, limits, lp) in yaml.Entries(value, p))
                    {
                        if (kind != "limits")
                        {
                            yaml.Warning(lp, $"deploy.resources.{kind} is not carried over; Paddock sets limits only.", limits);
                            continue;
                        }

                        foreach (var (limit, v, vp) in yaml.Entries(limits, lp))
                        {
                            service = limit switch
                            {
                                "cpus" => service with { Cpu = Decimal(v, vp) },
                                "memory" => service with { Memory = Bytes(v, vp) },
                                _ => Warn(service, vp, v, $"The limit '{limit}' is not carried over."),
                            };
                        }
                    }

                    break;
                case "restart_policy":
                    foreach (var (option, v, op) in yaml.Entries(value, p))
                    {
                        service = option == "condition"
                            ? service with { Restart = yaml.Scalar(v, op) switch { "none" => RestartPolicy.No, "on-failure" => RestartPolicy.OnFailure, _ => RestartPolicy.Always } }
                            : Warn(service, op, v, $"restart_policy.{option} is not carried over.");
                    }

                    break;
                default: yaml.Warning(p, $"deploy.{key} is not carried over.", value); break;
            }
        }

        return service;
    }

    private RestartPolicy? ReadRestart(YamlNode node, string path)
    {
        var text = yaml.Scalar(node, path);
        if (text?.StartsWith("on-failure:", StringComparison.Ordinal) == true)
        {
            yaml.Warning(path, "The retry count of on-failure is not carried over.", node);
            text = "on-failure";
        }

        return text is null ? null : yaml.EnumText<RestartPolicy>(text == "false" ? "no" : text, path, node);
    }

    private ServiceSpec Warn(ServiceSpec service, string path, YamlNode node, string message)
    {
        yaml.Warning(path, message, node);
        return service;
    }
}
