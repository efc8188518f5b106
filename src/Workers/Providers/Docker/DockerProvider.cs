using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using Docker.DotNet;
using Docker.DotNet.Models;
using Paddock.Core.Blueprints;
using Paddock.Core.Stacks;

namespace Paddock.Workers.Providers.Docker;

/// <summary>A stack on one Docker engine: a bridge network, named volumes and one container per replica, all labelled.</summary>
internal sealed class DockerProvider : IStackProvider, IDisposable
{
    private readonly IDockerClient _client;
    private readonly DockerEndpoint _endpoint;
    private readonly DockerProviderOptions _options;
    private readonly TimeProvider _time;

    public DockerProvider(IDockerClientFactory clients, DockerEndpoint endpoint, DockerProviderOptions? options = null, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(clients);
        _endpoint = endpoint;
        _client = clients.Create(endpoint);
        _options = options ?? new DockerProviderOptions();
        _time = time ?? TimeProvider.System;
    }

    public IDockerClient Client => _client;

    public Task<ObservedState> ObserveAsync(StackIdentity stack, CancellationToken ct) => EngineAsync(async () =>
    {
        ArgumentNullException.ThrowIfNull(stack);
        var filter = DockerLabels.StackFilter(stack.Id);
        var containers = _client.Containers.ListContainersAsync(new ContainersListParameters { All = true, Filters = filter }, ct);
        var networks = _client.Networks.ListNetworksAsync(new NetworksListParameters { Filters = filter }, ct);
        var volumes = _client.Volumes.ListAsync(new VolumesListParameters { Filters = filter }, ct);
        await Task.WhenAll(containers, networks, volumes);
        IEnumerable<ObservedResource?> found =
        [
            .. (await networks).Select(DockerObservation.Network),
            .. ((await volumes).Volumes ?? []).Select(DockerObservation.Volume),
            .. (await containers).Select(DockerObservation.Container),
        ];
        return new ObservedState([.. found.OfType<ObservedResource>()]);
    }, ct);

    public Task<string?> ApplyAsync(StackIdentity stack, Change change, StackSecrets secrets, CancellationToken ct) => EngineAsync(async () =>
    {
        ArgumentNullException.ThrowIfNull(stack);
        ArgumentNullException.ThrowIfNull(change);
        var observed = change.Observed;
        switch (change.Action, change.ResourceKind)
        {
            case (ChangeAction.NoOp, _):
                return observed?.ProviderId;
            case (ChangeAction.Create, ResourceKind.Network):
                return await CreateNetworkAsync(stack, change.Desired!, ct);
            case (ChangeAction.Create, ResourceKind.Volume):
                return await CreateVolumeAsync(stack, change.Desired!, ct);
            case (ChangeAction.Create, ResourceKind.Container):
                return await CreateContainerAsync(stack, change.Desired!, secrets, ct);
            case (ChangeAction.Replace, ResourceKind.Container):
                await StopAsync(observed!.ProviderId, ct);
                await RemoveContainerAsync(observed.ProviderId, ct);
                return await CreateContainerAsync(stack, change.Desired!, secrets, ct);
            case (ChangeAction.Update, ResourceKind.Container) when observed!.State == ResourceState.Paused:
                await _client.Containers.UnpauseContainerAsync(observed.ProviderId, ct);
                return observed.ProviderId;
            case (ChangeAction.Update or ChangeAction.Start, ResourceKind.Container):
                await _client.Containers.StartContainerAsync(observed!.ProviderId, new ContainerStartParameters(), ct);
                return observed.ProviderId;
            case (ChangeAction.Stop, ResourceKind.Container):
                await StopAsync(observed!.ProviderId, ct);
                return observed.ProviderId;
            case (ChangeAction.Restart, ResourceKind.Container):
                await _client.Containers.RestartContainerAsync(observed!.ProviderId, new ContainerRestartParameters { WaitBeforeKillSeconds = StopSeconds }, ct);
                return observed.ProviderId;
            case (ChangeAction.Delete, ResourceKind.Container):
                await RemoveContainerAsync(observed!.ProviderId, ct);
                return null;
            case (ChangeAction.Delete, ResourceKind.Network):
                await IgnoreNotFoundAsync(() => _client.Networks.DeleteNetworkAsync(observed!.ProviderId, ct));
                return null;
            case (ChangeAction.Delete, ResourceKind.Volume):
                await IgnoreNotFoundAsync(() => _client.Volumes.RemoveAsync(observed!.ProviderId, true, ct));
                return null;
            default:
                throw new ProviderException($"{change.Action} of a {change.ResourceKind.ToString().ToLowerInvariant()} is not supported by the Docker provider.");
        }
    }, ct);

    public Task<string> PrepareAsync(StackIdentity stack, Change change, StackSecrets secrets, CancellationToken ct) => EngineAsync(() =>
    {
        ArgumentNullException.ThrowIfNull(stack);
        ArgumentNullException.ThrowIfNull(change);
        return change is { Action: ChangeAction.Create, ResourceKind: ResourceKind.Container, Desired: { } desired }
            ? CreateContainerAsync(stack, desired, secrets, ct, start: false)
            : throw new ProviderException($"Only a container being created can be prepared, not a {change.Action} of {change.Resource}.");
    }, ct);

    public Task StartAsync(string providerId, CancellationToken ct) => EngineAsync(async () =>
    {
        // The engine answers 304 (false) when it already runs: a retried job that started it before the crash.
        await _client.Containers.StartContainerAsync(providerId, new ContainerStartParameters(), ct);
        return true;
    }, ct);

    public Task WaitUntilAsync(string providerId, DependencyCondition condition, TimeSpan timeout, CancellationToken ct) => EngineAsync(async () =>
    {
        var started = _time.GetTimestamp();
        string? lastOutput = null;
        while (true)
        {
            var container = await _client.Containers.InspectContainerAsync(providerId, ct);
            var state = container.State ?? throw new ProviderException($"The engine reported no state for {providerId}.");
            var name = container.Name.TrimStart('/');
            if (state.Status is "exited" or "dead")
            {
                throw new ProviderException(string.Create(CultureInfo.InvariantCulture, $"{name} exited with code {state.ExitCode} instead of {(condition == DependencyCondition.Healthy ? "becoming healthy" : "running")}."));
            }

            // A service without a health check counts as healthy once it runs (the blueprint validator warns about this).
            if (state.Running && (condition == DependencyCondition.Started || state.Health is null || string.IsNullOrEmpty(state.Health.Status)))
            {
                return true;
            }

            lastOutput = state.Health?.Log?.LastOrDefault()?.Output?.Trim() ?? lastOutput;
            switch (state.Health?.Status)
            {
                case "healthy":
                    return true;
                case "unhealthy":
                    throw new ProviderException($"{name} is unhealthy: {lastOutput ?? "no health check output"}");
            }

            if (_time.GetElapsedTime(started) > timeout)
            {
                throw new ProviderException($"{name} did not become {(condition == DependencyCondition.Healthy ? "healthy" : "running")} within {Durations.Format(timeout)}; last health check output: {lastOutput ?? "none"}");
            }

            await Task.Delay(_options.PollInterval, _time, ct);
        }
    }, ct);

    public Task<IReadOnlyList<StackIdentity>> ListStacksAsync(CancellationToken ct) => EngineAsync(async () =>
    {
        var filter = new Dictionary<string, IDictionary<string, bool>> { ["label"] = new Dictionary<string, bool> { [DockerLabels.Stack] = true } };
        var containers = _client.Containers.ListContainersAsync(new ContainersListParameters { All = true, Filters = filter }, ct);
        var networks = _client.Networks.ListNetworksAsync(new NetworksListParameters { Filters = filter }, ct);
        var volumes = _client.Volumes.ListAsync(new VolumesListParameters { Filters = filter }, ct);
        await Task.WhenAll(containers, networks, volumes);
        IEnumerable<IDictionary<string, string>?> labels =
        [
            .. (await containers).Select(c => c.Labels), .. (await networks).Select(n => n.Labels), .. ((await volumes).Volumes ?? []).Select(v => v.Labels),
        ];
        return (IReadOnlyList<StackIdentity>)labels
            .OfType<IDictionary<string, string>>()
            .Where(l => l.TryGetValue(DockerLabels.Stack, out var id) && Guid.TryParse(id, out _) && DockerLabels.IsOurs(l, _options.Installation))
            .Select(l => new StackIdentity(Guid.Parse(l[DockerLabels.Stack]), l.TryGetValue(DockerLabels.StackName, out var name) ? name : ""))
            .DistinctBy(s => s.Id)
            .ToList();
    }, ct);

    public Task DestroyAsync(StackIdentity stack, CancellationToken ct) => EngineAsync(async () =>
    {
        ArgumentNullException.ThrowIfNull(stack);
        // Everything carrying the stack's label, also objects Paddock did not make (a crash, a hand-made copy): no orphan survives.
        var filter = DockerLabels.StackFilter(stack.Id);
        var containers = await _client.Containers.ListContainersAsync(new ContainersListParameters { All = true, Filters = filter }, ct);
        // Force removal kills at once: an ephemeral stack has nothing to drain, and busybox httpd as PID 1 ignores SIGTERM.
        await Task.WhenAll(containers.Select(c => RemoveContainerAsync(c.ID, ct)));
        foreach (var network in await _client.Networks.ListNetworksAsync(new NetworksListParameters { Filters = filter }, ct))
        {
            await IgnoreNotFoundAsync(() => _client.Networks.DeleteNetworkAsync(network.ID, ct));
        }

        var volumes = (await _client.Volumes.ListAsync(new VolumesListParameters { Filters = filter }, ct)).Volumes ?? [];
        await Task.WhenAll(volumes.Select(v => IgnoreNotFoundAsync(() => _client.Volumes.RemoveAsync(v.Name, true, ct))));
        return true;
    }, ct);

    public async IAsyncEnumerable<string> StreamLogsAsync(StackIdentity stack, string resource, bool follow, int? tail, [EnumeratorCancellation] CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(stack);
        var parameters = new ContainerLogsParameters
        {
            ShowStdout = true,
            ShowStderr = true,
            Follow = follow,
            Tail = tail?.ToString(CultureInfo.InvariantCulture) ?? "all",
        };
        using var stream = await EngineAsync(() => _client.Containers.GetContainerLogsAsync(DockerNames.Container(stack, resource), parameters, ct), ct);
        var buffer = new byte[16 * 1024];
        var lines = new Dictionary<MultiplexedStream.TargetStream, (Decoder Decoder, StringBuilder Text)>();
        while (true)
        {
            MultiplexedStream.ReadResult read;
            try
            {
                read = await stream.ReadOutputAsync(buffer, 0, buffer.Length, ct);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                yield break;
            }

            if (read.EOF)
            {
                break;
            }

            if (!lines.TryGetValue(read.Target, out var target))
            {
                lines[read.Target] = target = (Encoding.UTF8.GetDecoder(), new StringBuilder());
            }

            var chars = new char[Encoding.UTF8.GetMaxCharCount(read.Count)];
            target.Text.Append(chars, 0, target.Decoder.GetChars(buffer, 0, read.Count, chars, 0));
            foreach (var line in TakeLines(target.Text))
            {
                yield return line;
            }
        }

        foreach (var (_, text) in lines.Values.Where(t => t.Text.Length > 0))
        {
            yield return text.ToString();
        }
    }

    public Task<ExecResult> ExecAsync(StackIdentity stack, string resource, IReadOnlyList<string> command, CancellationToken ct) => EngineAsync(async () =>
    {
        ArgumentNullException.ThrowIfNull(stack);
        var exec = await _client.Exec.CreateContainerExecAsync(
            DockerNames.Container(stack, resource),
            new ContainerExecCreateParameters { AttachStdout = true, AttachStderr = true, Cmd = [.. command] },
            ct);
        using (var stream = await _client.Exec.StartContainerExecAsync(exec.ID, new ContainerExecStartParameters(), ct))
        {
            var (output, error) = await stream.ReadOutputToEndAsync(ct);
            var inspect = await _client.Exec.InspectContainerExecAsync(exec.ID, ct);
            return new ExecResult(inspect.ExitCode ?? -1, output, error);
        }
    }, ct);

    public void Dispose() => _client.Dispose();

    /// <summary>How long a removal someone else started may take before the engine is said to be stuck.</summary>
    private static readonly TimeSpan RemovalPatience = TimeSpan.FromSeconds(60);

    private uint StopSeconds => (uint)Math.Max(0, Math.Ceiling(_options.StopTimeout.TotalSeconds));

    private async Task<string> CreateNetworkAsync(StackIdentity stack, DesiredResource resource, CancellationToken ct)
    {
        // The engine accepts duplicate network names, so a retried job must look before it creates.
        var name = DockerNames.Network(stack);
        var existing = await _client.Networks.ListNetworksAsync(new NetworksListParameters
        {
            Filters = new Dictionary<string, IDictionary<string, bool>> { ["name"] = new Dictionary<string, bool> { [name] = true } },
        }, ct);
        if (existing.FirstOrDefault(n => n.Name == name) is { } found)
        {
            return Label(found.Labels, DockerLabels.Stack) == stack.Id.ToString("D")
                ? found.ID
                : throw new ProviderException($"The network name {name} is taken by another stack or by hand.");
        }

        var created = await _client.Networks.CreateNetworkAsync(new NetworksCreateParameters
        {
            Name = name,
            Driver = "bridge",
            Labels = Labels(stack, resource, _options),
        }, ct);
        return created.ID;
    }

    private async Task<string> CreateVolumeAsync(StackIdentity stack, DesiredResource resource, CancellationToken ct)
    {
        var volume = await _client.Volumes.CreateAsync(new VolumesCreateParameters
        {
            Name = DockerNames.Volume(stack, resource.Name[ResourceNames.VolumePrefix.Length..]),
            Labels = Labels(stack, resource, _options),
        }, ct);
        return volume.Name;
    }

    private async Task<string> CreateContainerAsync(StackIdentity stack, DesiredResource resource, StackSecrets secrets, CancellationToken ct, bool start = true)
    {
        var parameters = ContainerParameters.Build(stack, resource, secrets, _options);
        string id;
        try
        {
            id = (await _client.Containers.CreateContainerAsync(parameters, ct)).ID;
        }
        catch (DockerApiException e) when (DockerErrors.IsNotFound(e))
        {
            // The local base image cannot be pulled from anywhere: any engine Paddock uses gets it made on first need.
            if (parameters.Image == LocalBaseImage.Name)
            {
                await LocalBaseImage.EnsureAsync(_client, ct);
            }
            else
            {
                await PullAsync(parameters.Image, ct);
            }

            id = (await _client.Containers.CreateContainerAsync(parameters, ct)).ID;
        }
        catch (DockerApiException e) when (DockerErrors.IsConflict(e))
        {
            // Same name: a retried job that created it before; adopt it only when it is exactly this spec of this stack.
            var existing = await _client.Containers.InspectContainerAsync(parameters.Name!, ct);
            var labels = existing.Config?.Labels;
            if (Label(labels, DockerLabels.Stack) != stack.Id.ToString("D") || Label(labels, DockerLabels.SpecHash) != resource.SpecHash)
            {
                throw new ProviderException($"The container name {parameters.Name} is taken: {DockerErrors.EngineMessage(e)}");
            }

            id = existing.ID;
        }

        if (start)
        {
            await _client.Containers.StartContainerAsync(id, new ContainerStartParameters(), ct);
        }

        return id;
    }

    private async Task PullAsync(string image, CancellationToken ct)
    {
        var (repository, tag) = SplitReference(image);
        var registry = RegistryOf(repository);
        var credential = _options.Registries.FirstOrDefault(r => string.Equals(r.Server, registry, StringComparison.OrdinalIgnoreCase));
        var auth = credential is null ? null : new AuthConfig { ServerAddress = credential.Server, Username = credential.Username, Password = credential.Password };
        var errors = new PullErrors();
        try
        {
            await _client.Images.CreateImageAsync(new ImagesCreateParameters { FromImage = repository, Tag = tag }, auth, errors, ct);
        }
        catch (DockerApiException e)
        {
            throw new ProviderException($"Pulling {image} failed: {DockerErrors.EngineMessage(e)}", e);
        }

        if (errors.First is { } error)
        {
            throw new ProviderException($"Pulling {image} failed: {error}");
        }
    }

    /// <summary>Without a tag the engine would pull every tag of the repository: ask for <c>latest</c> as the CLI does.</summary>
    private static (string Repository, string? Tag) SplitReference(string image)
    {
        if (image.Contains('@', StringComparison.Ordinal))
        {
            return (image, null);
        }

        var colon = image.LastIndexOf(':');
        return colon > image.LastIndexOf('/') ? (image[..colon], image[(colon + 1)..]) : (image, "latest");
    }

    private static string RegistryOf(string repository)
    {
        var slash = repository.IndexOf('/', StringComparison.Ordinal);
        var first = slash < 0 ? "" : repository[..slash];
        return first.Contains('.', StringComparison.Ordinal) || first.Contains(':', StringComparison.Ordinal) || first == "localhost" ? first : "docker.io";
    }

    private async Task StopAsync(string id, CancellationToken ct) =>
        await IgnoreNotFoundAsync(() => _client.Containers.StopContainerAsync(id, new ContainerStopParameters { WaitBeforeKillSeconds = StopSeconds }, ct));

    private async Task RemoveContainerAsync(string id, CancellationToken ct)
    {
        try
        {
            await IgnoreNotFoundAsync(() => _client.Containers.RemoveContainerAsync(id, new ContainerRemoveParameters { Force = true }, ct));
        }
        catch (DockerApiException e) when (DockerErrors.IsConflict(e) && DockerErrors.EngineMessage(e).Contains("already in progress", StringComparison.Ordinal))
        {
            // Someone else (another node's sweep, a hand-run `docker rm`) is removing it: done once it is gone, as if we had.
            await WaitUntilGoneAsync(id, ct);
        }
    }

    private async Task WaitUntilGoneAsync(string id, CancellationToken ct)
    {
        var started = _time.GetTimestamp();
        while (true)
        {
            try
            {
                await _client.Containers.InspectContainerAsync(id, ct);
            }
            catch (DockerApiException e) when (DockerErrors.IsNotFound(e))
            {
                return;
            }

            if (_time.GetElapsedTime(started) > RemovalPatience)
            {
                throw new ProviderException($"Container {id[..Math.Min(12, id.Length)]} was being removed by someone else and is still there after {Durations.Format(RemovalPatience)}.");
            }

            await Task.Delay(_options.PollInterval, _time, ct);
        }
    }

    private static Dictionary<string, string> Labels(StackIdentity stack, DesiredResource resource, DockerProviderOptions options)
    {
        var labels = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [DockerLabels.Stack] = stack.Id.ToString("D"),
            [DockerLabels.StackName] = stack.Name,
            [DockerLabels.Resource] = resource.Name,
            [DockerLabels.SpecHash] = resource.SpecHash,
        };
        DockerLabels.AddInstallation(labels, options.Installation);
        return labels;
    }

    private static string? Label(IDictionary<string, string>? labels, string key) =>
        labels is not null && labels.TryGetValue(key, out var value) ? value : null;

    private static async Task IgnoreNotFoundAsync(Func<Task> call)
    {
        try
        {
            await call();
        }
        catch (DockerApiException e) when (DockerErrors.IsNotFound(e))
        {
        }
    }

    private static List<string> TakeLines(StringBuilder text)
    {
        var lines = new List<string>();
        int newline;
        while ((newline = IndexOf(text, '\n')) >= 0)
        {
            lines.Add(text.ToString(0, newline).TrimEnd('\r'));
            text.Remove(0, newline + 1);
        }

        return lines;
    }

    private static int IndexOf(StringBuilder text, char c)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == c)
            {
                return i;
            }
        }

        return -1;
    }

    private async Task<T> EngineAsync<T>(Func<Task<T>> call, CancellationToken ct)
    {
        try
        {
            return await call();
        }
        catch (Exception e) when (DockerErrors.Translate(e, _endpoint, ct) is var translated && translated != e)
        {
            throw translated;
        }
    }

    /// <summary>Collects pull errors synchronously; <see cref="Progress{T}"/> would report them after the call returned.</summary>
    private sealed class PullErrors : IProgress<JSONMessage>
    {
        public string? First { get; private set; }

        public void Report(JSONMessage value)
        {
            if (First is null && value.Error?.Message is { Length: > 0 } message)
            {
                First = message;
            }
        }
    }
}
