using Microsoft.AspNetCore.Components;
using MudBlazor;
using Paddock.Core.Blueprints.Catalog;
using Paddock.Core.Identity;
using Paddock.Core.Projects;
using Paddock.Core.Stacks;
using Paddock.Web.Common;
using Paddock.Web.Stacks.Pages;

namespace Paddock.Web.Blueprints.Pages;

public sealed partial class BlueprintPage
{
    private readonly FormErrors _errors = new();
    private BlueprintDetails? _blueprint;
    private BlueprintCheck _check = BlueprintCheck.Run(null);
    private List<BreadcrumbItem> _breadcrumbs = [];
    private string _text = "";
    private string? _message;
    private bool _notFound;
    private bool _canWrite;
    private bool _canLaunch;
    private bool _dirty;
    private bool _saving;
    private int _tab;
    private int? _compareFrom;
    private int? _compareTo;

    [Inject]
    private UiActions Actions { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [Parameter]
    public Guid ProjectId { get; set; }

    [Parameter]
    public Guid BlueprintId { get; set; }

    protected override async Task OnParametersSetAsync()
    {
        _canWrite = await Actions.HasAsync(Permission.BlueprintsWrite, ProjectId);
        _canLaunch = await Actions.HasAsync(Permission.StacksLaunch, ProjectId);
        await LoadAsync();
        var latest = await Actions.RunAsync<GetBlueprintVersion.Handler, VersionDetails>(h => h.HandleAsync(new(ProjectId, BlueprintId), default));
        if (latest.IsSuccess)
        {
            _text = latest.Value.Yaml;
            _check = BlueprintCheck.Run(_text);
            _dirty = false;
        }
    }

    private string ExportUrl(string format) => $"/api/v1/projects/{ProjectId}/blueprints/{BlueprintId}/versions/{_blueprint!.LatestVersion}/{format}";

    private async Task LoadAsync()
    {
        var result = await Actions.RunAsync<GetBlueprint.Handler, BlueprintDetails>(h => h.HandleAsync(new(ProjectId, BlueprintId), default));
        _notFound = !result.IsSuccess;
        _blueprint = result.IsSuccess ? result.Value : null;
        var project = await Actions.RunAsync<GetProject.Handler, ProjectDetails>(h => h.HandleAsync(new(ProjectId), default));
        _breadcrumbs = [new("Projects", "/"), new(project.IsSuccess ? project.Value.Name : "Project", $"/projects/{ProjectId}"), new(_blueprint?.Name ?? "", null, disabled: true)];
    }

    private void OnTextChanged(string text)
    {
        _text = text;
        _dirty = true;
        _check = BlueprintCheck.Run(text);
    }

    private async Task SaveAsync()
    {
        if (!_canWrite || !_check.IsValid || _saving)
        {
            return;
        }

        _saving = true;
        var result = await Actions.RunAsync<SaveBlueprintVersion.Handler, SavedVersion>(h =>
            h.HandleAsync(new(ProjectId, BlueprintId, _text, _message, _blueprint!.LatestVersion), default));
        _saving = false;
        if (!result.IsSuccess)
        {
            _errors.Show(result.Error!, Snackbar, "message");
            return;
        }

        Snackbar.Add(result.Value.Created ? $"Saved as version {result.Value.Number}." : "No change in content: no new version.",
            result.Value.Created ? Severity.Success : Severity.Info);
        _message = null;
        _dirty = false;
        await LoadAsync();
    }

    private void CompareAsync((int From, int To) versions)
    {
        _compareFrom = versions.From;
        _compareTo = versions.To;
        _tab = 2;
    }

    private async Task LaunchAsync()
    {
        var parameters = new DialogParameters<LaunchDialog>
        {
            { d => d.ProjectId, ProjectId },
            { d => d.BlueprintId, BlueprintId },
            { d => d.BlueprintName, _blueprint!.Name },
        };
        var dialog = await Dialogs.ShowAsync<LaunchDialog>($"Launch {_blueprint.Name}", parameters, new DialogOptions { MaxWidth = MaxWidth.Medium, FullWidth = true });
        if (await dialog.Result is { Canceled: false, Data: LaunchResult launched })
        {
            Navigation.NavigateTo($"/projects/{ProjectId}/stacks/{launched.StackId}");
        }
    }
}
