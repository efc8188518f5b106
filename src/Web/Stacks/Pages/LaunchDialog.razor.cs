using System.Globalization;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using Paddock.Core.Blueprints;
using Paddock.Core.Blueprints.Catalog;
using Paddock.Core.Environments;
using Paddock.Core.Stacks;
using Paddock.Web.Common;

namespace Paddock.Web.Stacks.Pages;

/// <summary>Settings (environment, typed variables, time to live, name), then the plan, then the launch; closes with the <see cref="LaunchResult"/>.</summary>
public sealed partial class LaunchDialog
{
    private readonly FormErrors _errors = new();
    private readonly Dictionary<string, string?> _values = new(StringComparer.Ordinal);
    private IReadOnlyList<EnvironmentDto> _environments = [];
    private IReadOnlyList<VariableSpec> _variables = [];
    private Guid? _environmentId;
    private double? _ttlHours;
    private string? _name;
    private string? _reason;
    private int _version;
    private LaunchPreview? _preview;
    private bool _loading = true;
    private bool _busy;

    [CascadingParameter]
    private IMudDialogInstance Dialog { get; set; } = default!;

    [Inject]
    private UiActions Actions { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    [Parameter]
    public Guid ProjectId { get; set; }

    [Parameter]
    public Guid BlueprintId { get; set; }

    [Parameter]
    public string BlueprintName { get; set; } = "";

    /// <summary>The version to launch; null for the latest.</summary>
    [Parameter]
    public int? Version { get; set; }

    private EnvironmentDto? Environment => _environments.FirstOrDefault(e => e.Id == _environmentId);

    private string TtlHelp => Environment switch
    {
        null => "Choose an environment first.",
        { MaxTtl: { } max } => $"At most {Ttl.Format(max)} in {Environment.Name}; empty for the default ({Ttl.Format(Environment.DefaultTtl ?? max)}).",
        { DefaultTtl: { } d } => $"Empty for the default ({Ttl.Format(d)}); no maximum.",
        _ => "Empty: the stack lives until destroyed.",
    };

    protected override async Task OnInitializedAsync()
    {
        var environments = await Actions.RunAsync<ListEnvironments.Handler, IReadOnlyList<EnvironmentDto>>(h => h.HandleAsync(new(ProjectId), default));
        _environments = environments.IsSuccess ? environments.Value : [];
        // A single unprotected environment is the obvious choice; protected ones are always chosen on purpose.
        if (_environments.Count(e => !e.IsProtected) == 1)
        {
            _environmentId = _environments.First(e => !e.IsProtected).Id;
            OnEnvironmentChanged();
        }

        var version = await Actions.RunAsync<GetBlueprintVersion.Handler, VersionDetails>(h => h.HandleAsync(new(ProjectId, BlueprintId, Version), default));
        if (version.IsSuccess)
        {
            _version = version.Value.Number;
            _variables = BlueprintYaml.Parse(version.Value.Yaml).Spec?.Variables ?? [];
            foreach (var variable in _variables)
            {
                _values[variable.Name] = variable.Type == VariableType.Secret ? null : variable.Default;
            }
        }
        else
        {
            Snackbar.Add(version.Error!.Message, Severity.Error);
        }

        _loading = false;
    }

    private void OnEnvironmentChanged() => _ttlHours = Environment?.DefaultTtl?.TotalHours;

    private LaunchStack.Command Command() => new(ProjectId, BlueprintId, _version == 0 ? Version : _version, _environmentId ?? Guid.Empty,
        _values.Where(v => !string.IsNullOrEmpty(v.Value)).ToDictionary(v => v.Key, v => v.Value!, StringComparer.Ordinal),
        _ttlHours, string.IsNullOrWhiteSpace(_name) ? null : _name, _reason);

    private string[] FormFields => ["environmentId", "ttlHours", "name", "version", .. _variables.Select(v => $"inputs.{v.Name}")];

    private async Task PlanAsync()
    {
        _busy = true;
        var result = await Actions.RunAsync<LaunchStack.Handler, LaunchPreview>(h => h.PreviewAsync(Command(), default));
        _busy = false;
        if (!result.IsSuccess)
        {
            _errors.Show(result.Error!, Snackbar, FormFields);
            return;
        }

        _errors.Clear();
        _preview = result.Value;
        // Launch the name that was planned, not a new random suffix.
        _name ??= _preview.StackName;
    }

    private async Task LaunchAsync()
    {
        _busy = true;
        var result = await Actions.RunAsync<LaunchStack.Handler, LaunchResult>(h => h.HandleAsync(Command(), default));
        _busy = false;
        if (!result.IsSuccess)
        {
            // Back to the form so field errors show where they belong.
            _preview = null;
            _errors.Show(result.Error!, Snackbar, FormFields);
            return;
        }

        Snackbar.Add(result.Value.Status == OperationStatus.AwaitingApproval
            ? string.Create(CultureInfo.InvariantCulture, $"{_name} is awaiting approval: it launches once approved.")
            : string.Create(CultureInfo.InvariantCulture, $"Launching {_name}."), result.Value.Status == OperationStatus.AwaitingApproval ? Severity.Info : Severity.Success);
        Dialog.Close(DialogResult.Ok(result.Value));
    }
}
