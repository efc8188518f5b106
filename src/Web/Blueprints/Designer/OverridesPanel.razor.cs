using System.Globalization;
using Microsoft.AspNetCore.Components;
using Paddock.Core.Blueprints;

namespace Paddock.Web.Blueprints.Designer;

/// <summary>Per-environment overrides: pick an environment, then set variable values and per-service changes for it.</summary>
public sealed partial class OverridesPanel
{
    private readonly Dictionary<string, string> _text = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _parseErrors = new(StringComparer.Ordinal);
    private string? _selected;
    private string? _newName;
    private string? _newNameError;
    private string _variablesText = "";
    private IReadOnlyList<EnvironmentOverride>? _loaded;

    [Parameter, EditorRequired]
    public BlueprintSpec Spec { get; set; } = default!;

    /// <summary>The project's environments, offered even when the blueprint overrides nothing in them yet.</summary>
    [Parameter]
    public IReadOnlyList<string> ProjectEnvironments { get; set; } = [];

    [Parameter]
    public IReadOnlyList<BlueprintIssue> Issues { get; set; } = [];

    [Parameter]
    public bool ReadOnly { get; set; }

    [Parameter]
    public EventCallback<IReadOnlyList<EnvironmentOverride>> EnvironmentsChanged { get; set; }

    private IReadOnlyList<EnvironmentOverride> Environments => Spec.Environments;

    private List<string> EnvironmentNames => [.. ProjectEnvironments.Concat(Environments.Select(e => e.Name)).Concat(_selected is null ? [] : [_selected]).Distinct(StringComparer.Ordinal)];

    private EnvironmentOverride? Current => Environments.FirstOrDefault(e => e.Name == _selected);

    private IEnumerable<string> ServiceCandidates => Spec.Services.Select(s => s.Name).Where(n => Current?.Services.All(o => o.Service != n) ?? true);

    private string? VariablesError => _parseErrors.GetValueOrDefault("variables")
        ?? Issues.FirstOrDefault(i => i.Severity == IssueSeverity.Error && i.Path.StartsWith($"environments.{_selected}.variables.", StringComparison.Ordinal))?.Message;

    protected override void OnParametersSet()
    {
        _selected ??= EnvironmentNames.FirstOrDefault();
        if (_loaded is null || !_loaded.SequenceEqual(Environments))
        {
            _loaded = Environments;
            Load();
        }
    }

    private int Count(string name) => Environments.FirstOrDefault(e => e.Name == name) is { } e ? e.Variables.Count + e.Services.Count : 0;

    private void Select(string name)
    {
        _selected = name;
        Load();
    }

    private void Load()
    {
        _parseErrors.Clear();
        _text.Clear();
        var current = Current;
        _variablesText = current is null ? "" : TextForms.Lines(current.Variables);
        foreach (var change in current?.Services ?? [])
        {
            _text[$"{change.Service}.replicas"] = change.Replicas?.ToString(CultureInfo.InvariantCulture) ?? "";
            _text[$"{change.Service}.image"] = change.Image ?? "";
            _text[$"{change.Service}.instance_type"] = change.InstanceType ?? "";
            _text[$"{change.Service}.environment"] = TextForms.Lines(change.Environment);
        }
    }

    private string ServiceField(string service, string field) => _text.GetValueOrDefault($"{service}.{field}", "");

    private string? ServiceError(string service, string field) =>
        _parseErrors.GetValueOrDefault($"{service}.{field}")
        ?? Issues.FirstOrDefault(i => i.Severity == IssueSeverity.Error && i.Path.StartsWith($"environments.{_selected}.services.{service}.{field}", StringComparison.Ordinal))?.Message;

    private async Task AddEnvironmentAsync()
    {
        var name = _newName?.Trim() ?? "";
        _newNameError = name.Length == 0 ? "Name the environment." : EnvironmentNames.Contains(name) ? $"'{name}' is already listed." : null;
        if (_newNameError is not null)
        {
            return;
        }

        _newName = null;
        _selected = name;
        await EmitAsync(current => current);
    }

    private Task RemoveEnvironmentAsync() =>
        EmitAll([.. Environments.Where(e => e.Name != _selected)]);

    private Task SetVariablesAsync(string? text)
    {
        _variablesText = text ?? "";
        return ApplyAsync();
    }

    private Task SetServiceAsync(string service, string field, string? value)
    {
        _text[$"{service}.{field}"] = value ?? "";
        return ApplyAsync();
    }

    private Task AddServiceAsync(string? service)
    {
        if (string.IsNullOrEmpty(service))
        {
            return Task.CompletedTask;
        }

        return EmitAsync(current => current with { Services = [.. current.Services, new ServiceOverride { Service = service }] });
    }

    private Task RemoveServiceAsync(string service) =>
        EmitAsync(current => current with { Services = [.. current.Services.Where(o => o.Service != service)] });

    private async Task ApplyAsync()
    {
        _parseErrors.Clear();
        var (variables, variablesError) = TextForms.ParseMap(_variablesText);
        if (variablesError is not null)
        {
            _parseErrors["variables"] = variablesError;
        }

        var services = new List<ServiceOverride>();
        foreach (var change in Current?.Services ?? [])
        {
            var name = change.Service;
            var (replicas, replicasError) = TextForms.ParseInt(ServiceField(name, "replicas"), "replicas");
            var (environment, environmentError) = TextForms.ParseMap(ServiceField(name, "environment"));
            if (replicasError is not null)
            {
                _parseErrors[$"{name}.replicas"] = replicasError;
            }

            if (environmentError is not null)
            {
                _parseErrors[$"{name}.environment"] = environmentError;
            }

            services.Add(change with
            {
                Replicas = replicas,
                Image = ServiceField(name, "image").Trim() is { Length: > 0 } image ? image : null,
                InstanceType = ServiceField(name, "instance_type").Trim() is { Length: > 0 } type ? type : null,
                Environment = environment ?? change.Environment,
            });
        }

        if (_parseErrors.Count > 0)
        {
            return;
        }

        await EmitAsync(current => current with { Variables = variables!, Services = services });
    }

    private Task EmitAsync(Func<EnvironmentOverride, EnvironmentOverride> change)
    {
        var name = _selected!;
        var current = Current ?? new EnvironmentOverride { Name = name };
        var next = change(current);
        var list = Environments.Any(e => e.Name == name)
            ? Environments.Select(e => e.Name == name ? next : e).ToList()
            : [.. Environments, next];
        return EmitAll(list);
    }

    private async Task EmitAll(IReadOnlyList<EnvironmentOverride> environments)
    {
        if (ReadOnly)
        {
            return;
        }

        // The fields already hold what was sent; reloading them from Spec here would read the old parameter.
        _loaded = environments;
        await EnvironmentsChanged.InvokeAsync(environments);
    }
}
