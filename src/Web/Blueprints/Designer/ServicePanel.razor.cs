using System.Globalization;
using Microsoft.AspNetCore.Components;
using Paddock.Core.Blueprints;

namespace Paddock.Web.Blueprints.Designer;

/// <summary>An edit of one service: <see cref="Name"/> is the name it had, so a rename can be carried into references.</summary>
public sealed record ServiceEdit(string Name, ServiceSpec Service);

/// <summary>
/// Every field of the selected service. Text that does not parse (a port, a memory size) is an inline error and goes
/// nowhere; text that parses becomes a new spec at once, and the validator's issues for it come back as field errors.
/// </summary>
public sealed partial class ServicePanel
{
    private readonly Dictionary<string, string> _fields = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _parseErrors = new(StringComparer.Ordinal);
    private ServiceSpec? _loaded;
    private bool _volumesReadOnly;

    [Parameter, EditorRequired]
    public ServiceSpec Service { get; set; } = default!;

    /// <summary>The whole blueprint, for the services a dependency can point at.</summary>
    [Parameter]
    public BlueprintSpec? Spec { get; set; }

    /// <summary>The validator's issues whose path is in this service.</summary>
    [Parameter]
    public IReadOnlyList<BlueprintIssue> Issues { get; set; } = [];

    [Parameter]
    public bool ReadOnly { get; set; }

    [Parameter]
    public EventCallback<ServiceEdit> ServiceChanged { get; set; }

    [Parameter]
    public EventCallback<string> OnDelete { get; set; }

    private IEnumerable<string> Candidates =>
        (Spec?.Services ?? []).Select(s => s.Name).Where(n => n != Service.Name && Service.DependsOn.All(d => d.Service != n));

    /// <summary>Warnings, and errors no field shows (e.g. about the whole service).</summary>
    private IEnumerable<BlueprintIssue> OtherIssues => Issues.Where(i => i.Severity == IssueSeverity.Warning || FieldOf(i.Path) is not { } key || !Shown.Contains(key));

    private HashSet<string> Shown =>
    [
        "name", "image", "machine_image", "instance_type", "command", "entrypoint", "build", "replicas", "cpu", "memory", "restart", "ports",
        "volumes", "environment", "labels", "healthcheck", "healthcheck.command", "healthcheck.http.path", "healthcheck.http.port",
        "healthcheck.interval", "healthcheck.timeout", "healthcheck.retries", "healthcheck.start_period",
        .. Service.DependsOn.Select(d => $"depends_on.{d.Service}"),
    ];

    protected override void OnParametersSet()
    {
        // Reload the fields only when the service changed from outside (another selection, undo, YAML),
        // so a field the user is correcting keeps its text.
        if (_loaded is null || _loaded != Service)
        {
            Load(Service);
        }
    }

    private string Field(string key) => _fields.GetValueOrDefault(key, "");

    private bool HasError(string key) => _parseErrors.ContainsKey(key) || IssueFor(key).Any();

    private string? ErrorFor(string key) =>
        _parseErrors.TryGetValue(key, out var parse) ? parse : IssueFor(key).FirstOrDefault();

    private IEnumerable<string> IssueFor(string key) =>
        Issues.Where(i => i.Severity == IssueSeverity.Error && FieldOf(i.Path) == key).Select(i => i.Message);

    /// <summary>services.api.ports[1].host → ports; services.api.healthcheck.http.port → healthcheck.http.port.</summary>
    private string? FieldOf(string path)
    {
        var prefix = $"services.{Service.Name}";
        if (!path.StartsWith(prefix, StringComparison.Ordinal))
        {
            return null;
        }

        var rest = path[prefix.Length..].TrimStart('.');
        if (rest.Length == 0)
        {
            return "name";
        }

        var parts = rest.Split('.');
        var first = parts[0].Split('[')[0];
        return first switch
        {
            "depends_on" when parts.Length > 1 => $"depends_on.{parts[1]}",
            "healthcheck" when parts.Length > 1 && parts[1] == "http" && parts.Length > 2 => $"healthcheck.http.{parts[2]}",
            "healthcheck" when parts.Length > 1 => $"healthcheck.{parts[1].Split('[')[0]}",
            _ => first,
        };
    }

    private void Load(ServiceSpec service)
    {
        _loaded = service;
        _parseErrors.Clear();
        _fields["name"] = service.Name;
        _fields["image"] = service.Image ?? "";
        _fields["machine_image"] = service.MachineImage ?? "";
        _fields["instance_type"] = service.InstanceType ?? "";
        _fields["build"] = service.Build ?? "";
        _fields["command"] = TextForms.Words(service.Command);
        _fields["entrypoint"] = TextForms.Words(service.Entrypoint);
        _fields["replicas"] = service.Replicas.ToString(CultureInfo.InvariantCulture);
        _fields["cpu"] = TextForms.Number(service.Cpu);
        _fields["memory"] = service.Memory?.ToString() ?? "";
        _fields["restart"] = service.Restart?.ToString() ?? "";
        _fields["ports"] = TextForms.Ports(service.Ports);
        var volumes = service.Volumes.Select(TextForms.Volume).ToList();
        _volumesReadOnly = volumes.Any(v => v is null);
        _fields["volumes"] = _volumesReadOnly ? $"{service.Volumes.Count} volumes" : TextForms.Lines(volumes!);
        _fields["environment"] = TextForms.Lines(service.Environment);
        _fields["labels"] = TextForms.Lines(service.Labels);
        var check = service.HealthCheck;
        _fields["healthcheck"] = check is null ? "none" : check.IsHttp ? "http" : "command";
        var defaults = check ?? new HealthCheckSpec();
        _fields["healthcheck.command"] = TextForms.Words(defaults.Command);
        _fields["healthcheck.http.path"] = defaults.HttpPath ?? "";
        _fields["healthcheck.http.port"] = defaults.HttpPort?.ToString(CultureInfo.InvariantCulture) ?? "";
        _fields["healthcheck.interval"] = TextForms.Duration(defaults.Interval);
        _fields["healthcheck.timeout"] = TextForms.Duration(defaults.Timeout);
        _fields["healthcheck.retries"] = defaults.Retries.ToString(CultureInfo.InvariantCulture);
        _fields["healthcheck.start_period"] = TextForms.Duration(defaults.StartPeriod);
    }

    private Task SetAsync(string key, string? value)
    {
        _fields[key] = value ?? "";
        return ApplyAsync();
    }

    private Task SetKindAsync(ServiceKind kind) => EmitAsync(Service with { Kind = kind });

    private Task SetConditionAsync(string dependency, DependencyCondition condition) =>
        EmitAsync(Service with { DependsOn = [.. Service.DependsOn.Select(d => d.Service == dependency ? d with { Condition = condition } : d)] });

    private Task RemoveDependencyAsync(string dependency) =>
        EmitAsync(Service with { DependsOn = [.. Service.DependsOn.Where(d => d.Service != dependency)] });

    private Task AddDependencyAsync(string? dependency) =>
        string.IsNullOrEmpty(dependency) ? Task.CompletedTask : EmitAsync(Service with { DependsOn = [.. Service.DependsOn, new DependencySpec(dependency)] });

    private async Task ApplyAsync()
    {
        _parseErrors.Clear();
        var command = Parse("command", TextForms.ParseWords(Field("command")));
        var entrypoint = Parse("entrypoint", TextForms.ParseWords(Field("entrypoint")));
        var replicas = Parse("replicas", TextForms.ParseInt(Field("replicas"), "replicas"));
        var cpu = Parse("cpu", TextForms.ParseCpu(Field("cpu")));
        var memory = Parse("memory", TextForms.ParseMemory(Field("memory")));
        var ports = Parse("ports", TextForms.ParsePorts(Field("ports")));
        var volumes = _volumesReadOnly ? Service.Volumes : Parse("volumes", TextForms.ParseVolumes(Field("volumes")));
        var environment = Parse("environment", TextForms.ParseMap(Field("environment")));
        var labels = Parse("labels", TextForms.ParseMap(Field("labels")));
        var health = ParseHealthCheck();
        var name = Field("name").Trim();
        if (name.Length == 0)
        {
            _parseErrors["name"] = "A service needs a name.";
        }
        else if (name != Service.Name && Spec?.FindService(name) is not null)
        {
            _parseErrors["name"] = $"There is already a service named '{name}'.";
        }

        if (_parseErrors.Count > 0)
        {
            return;
        }

        await EmitAsync(Service with
        {
            Name = name,
            Image = Text("image"),
            MachineImage = Text("machine_image"),
            InstanceType = Text("instance_type"),
            Build = Text("build"),
            Command = command!,
            Entrypoint = entrypoint!,
            Replicas = replicas ?? 1,
            Cpu = cpu,
            Memory = memory,
            Restart = Enum.TryParse<RestartPolicy>(Field("restart"), out var restart) ? restart : null,
            Ports = ports!,
            Volumes = volumes!,
            Environment = environment!,
            Labels = labels!,
            HealthCheck = health,
        });
    }

    private HealthCheckSpec? ParseHealthCheck()
    {
        var kind = Field("healthcheck");
        if (kind == "none")
        {
            return null;
        }

        var interval = Parse("healthcheck.interval", TextForms.ParseDuration(Field("healthcheck.interval")));
        var timeout = Parse("healthcheck.timeout", TextForms.ParseDuration(Field("healthcheck.timeout")));
        var start = Parse("healthcheck.start_period", TextForms.ParseDuration(Field("healthcheck.start_period")));
        var retries = Parse("healthcheck.retries", TextForms.ParseInt(Field("healthcheck.retries"), "retries"));
        var defaults = new HealthCheckSpec();
        var check = new HealthCheckSpec
        {
            Interval = interval ?? defaults.Interval,
            Timeout = timeout ?? defaults.Timeout,
            StartPeriod = start ?? defaults.StartPeriod,
            Retries = retries ?? defaults.Retries,
        };
        if (kind == "http")
        {
            var port = Parse("healthcheck.http.port", TextForms.ParseInt(Field("healthcheck.http.port"), "a port"));
            return check with { HttpPath = Text("healthcheck.http.path") ?? "/", HttpPort = port };
        }

        var command = Parse("healthcheck.command", TextForms.ParseWords(Field("healthcheck.command")));
        return check with { Command = command ?? [] };
    }

    private string? Text(string key) => Field(key).Trim() is { Length: > 0 } text ? text : null;

    private T? Parse<T>(string key, (T? Value, string? Error) parsed)
    {
        if (parsed.Error is { } error)
        {
            _parseErrors[key] = error;
        }

        return parsed.Value;
    }

    private async Task EmitAsync(ServiceSpec next)
    {
        if (ReadOnly || next == Service)
        {
            return;
        }

        var name = Service.Name;
        _loaded = next;
        await ServiceChanged.InvokeAsync(new ServiceEdit(name, next));
    }

    private static string RestartText(RestartPolicy policy) => policy switch
    {
        RestartPolicy.No => "Never",
        RestartPolicy.OnFailure => "On failure",
        RestartPolicy.Always => "Always",
        _ => "Unless stopped",
    };
}
