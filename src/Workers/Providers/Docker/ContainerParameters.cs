using System.Globalization;
using Docker.DotNet.Models;
using Paddock.Core.Blueprints;
using Paddock.Core.Stacks;
using ContainerSpec = Paddock.Core.Stacks.ContainerSpec;
using DockerRestartPolicy = Docker.DotNet.Models.RestartPolicy;
using RestartPolicy = Paddock.Core.Blueprints.RestartPolicy;

namespace Paddock.Workers.Providers.Docker;

/// <summary>Maps a desired container to the engine's create request. Secret values enter here and nowhere earlier.</summary>
internal static class ContainerParameters
{
    public static CreateContainerParameters Build(StackIdentity stack, DesiredResource resource, StackSecrets secrets, DockerProviderOptions options)
    {
        var spec = resource.Container ?? throw new ArgumentException($"{resource.Name} is not a container.", nameof(resource));
        var service = resource.Service ?? spec.NetworkAlias;
        var secretValues = secrets.For(service);
        var environment = new List<string>();
        foreach (var (key, value) in spec.Environment)
        {
            if (!spec.SecretKeys.Contains(key))
            {
                environment.Add($"{key}={value}");
            }
            else if (secretValues.TryGetValue(key, out var secret))
            {
                environment.Add($"{key}={secret}");
            }
            else
            {
                throw new ProviderException($"The secret value of {service}.environment.{key} was not supplied.");
            }
        }

        var labels = new Dictionary<string, string>(spec.Labels, StringComparer.Ordinal)
        {
            [DockerLabels.Stack] = stack.Id.ToString("D"),
            [DockerLabels.StackName] = stack.Name,
            [DockerLabels.Resource] = resource.Name,
            [DockerLabels.Service] = service,
            [DockerLabels.Replica] = (resource.Replica ?? 1).ToString(CultureInfo.InvariantCulture),
            [DockerLabels.Level] = resource.Level.ToString(CultureInfo.InvariantCulture),
            [DockerLabels.SpecHash] = resource.SpecHash,
            [DockerLabels.SpecFields] = DockerLabels.FormatFields(resource.FieldHashes),
        };
        DockerLabels.AddInstallation(labels, options.Installation);
        var network = DockerNames.Network(stack);
        return new CreateContainerParameters
        {
            Name = DockerNames.Container(stack, resource.Name),
            Image = spec.Image,
            Cmd = spec.Command.Count > 0 ? [.. spec.Command] : null!,
            Entrypoint = spec.Entrypoint.Count > 0 ? [.. spec.Entrypoint] : null!,
            Env = environment,
            Labels = labels,
            ExposedPorts = spec.Ports.ToDictionary(PortKey, _ => default(EmptyStruct)),
            Healthcheck = spec.HealthCheck is { } check ? HealthCheck(check, spec) : null!,
            HostConfig = new HostConfig
            {
                NetworkMode = network,
                PortBindings = spec.Ports
                    .GroupBy(PortKey)
                    .ToDictionary(g => g.Key, g => (IList<PortBinding>)[.. g.Select(p => new PortBinding
                    {
                        HostIP = options.PublishAddress,
                        HostPort = p.HostPort?.ToString(CultureInfo.InvariantCulture) ?? "",
                    })]),
                Mounts = [.. spec.Volumes.Select(v => new Mount
                {
                    Type = v.Type == VolumeType.Volume ? "volume" : "bind",
                    Source = v.Type == VolumeType.Volume ? DockerNames.Volume(stack, v.Source) : v.Source,
                    Target = v.Target,
                    ReadOnly = v.ReadOnly,
                })],
                RestartPolicy = spec.Restart is { } restart ? new DockerRestartPolicy { Name = Restart(restart) } : null!,
                NanoCPUs = spec.Cpu is { } cpu ? (long)(cpu * 1_000_000_000m) : 0,
                Memory = spec.Memory?.Bytes ?? 0,
            },
            NetworkingConfig = new NetworkingConfig
            {
                EndpointsConfig = new Dictionary<string, EndpointSettings>
                {
                    [network] = new EndpointSettings { Aliases = [spec.NetworkAlias] },
                },
            },
        };
    }

    /// <summary>
    /// A one-word command list runs through the shell (CMD-SHELL), a longer one directly (CMD); an http check fetches
    /// the path from inside the container with wget, which busybox and most base images have.
    /// </summary>
    public static HealthcheckConfig HealthCheck(HealthCheckSpec check, ContainerSpec spec)
    {
        ArgumentNullException.ThrowIfNull(check);
        ArgumentNullException.ThrowIfNull(spec);
        List<string> test;
        if (check.IsHttp)
        {
            var port = check.HttpPort ?? (spec.Ports.Count > 0 ? spec.Ports[0].ContainerPort : 80);
            test = ["CMD-SHELL", string.Create(CultureInfo.InvariantCulture, $"wget -q -O- http://127.0.0.1:{port}{check.HttpPath ?? "/"}")];
        }
        else if (check.Command is [var first, ..] && first is "CMD" or "CMD-SHELL" or "NONE")
        {
            test = [.. check.Command];
        }
        else
        {
            test = check.Command.Count == 1 ? ["CMD-SHELL", check.Command[0]] : ["CMD", .. check.Command];
        }

        return new HealthcheckConfig
        {
            Test = test,
            Interval = check.Interval,
            Timeout = check.Timeout,
            Retries = check.Retries,
            StartPeriod = check.StartPeriod,
        };
    }

    private static string PortKey(PortSpec port) =>
        string.Create(CultureInfo.InvariantCulture, $"{port.ContainerPort}/{(port.Protocol == PortProtocol.Udp ? "udp" : "tcp")}");

    private static RestartPolicyKind Restart(RestartPolicy restart) => restart switch
    {
        RestartPolicy.Always => RestartPolicyKind.Always,
        RestartPolicy.OnFailure => RestartPolicyKind.OnFailure,
        RestartPolicy.UnlessStopped => RestartPolicyKind.UnlessStopped,
        _ => RestartPolicyKind.No,
    };
}
