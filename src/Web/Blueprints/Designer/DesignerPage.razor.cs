using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Routing;
using MudBlazor;
using Paddock.Core.Blueprints;
using Paddock.Core.Blueprints.Catalog;
using Paddock.Core.Blueprints.Designer;
using Paddock.Core.Environments;
using Paddock.Core.Identity;
using Paddock.Core.Projects;
using Paddock.Core.Stacks;
using Paddock.Web.Common;

namespace Paddock.Web.Blueprints.Designer;

/// <summary>
/// The visual designer. The page owns the blueprint as an immutable <see cref="DesignerDocument"/> with undo history;
/// the canvas (browser) and the YAML tab are two views of it, and every change goes through <see cref="ApplyAsync"/>.
/// </summary>
public sealed partial class DesignerPage : IAsyncDisposable
{
    /// <summary>How often the nodes' status is re-read from the engine while a stack is shown (the engine pushes nothing).</summary>
    private static readonly TimeSpan StatusInterval = TimeSpan.FromSeconds(3);

    private readonly FormErrors _errors = new();
    private readonly CancellationTokenSource _disposed = new();
    private IReadOnlyList<StackSummary> _liveStacks = [];
    private Guid? _statusStackId;
    private IReadOnlyDictionary<string, string>? _statuses;
    private string? _statusError;
    private BlueprintDetails? _blueprint;
    private DesignerHistory? _history;
    private DesignerDocument _saved = DesignerDocument.Empty(null);
    private BlueprintCheck _check = BlueprintCheck.Run(null);
    private IssueTargets _targets = IssueTargets.None;
    private DesignerCanvas? _canvas;
    private CanvasModel? _initialModel;
    private List<BreadcrumbItem> _breadcrumbs = [];
    private IReadOnlyList<string> _projectEnvironments = [];
    private CanvasSelection _selection = CanvasSelection.None;
    private (IReadOnlyList<ServiceSpec> Services, Dictionary<string, LayoutPosition> Positions)? _clipboard;
    private string _yaml = "";
    private string _savedYaml = "";
    private string? _message;
    private int _baseVersion;
    private int _tab;
    private int _sideTab;
    private bool _notFound;
    private bool _canWrite;
    private bool _saving;
    private (Guid, Guid)? _loadedFor;

    [Inject]
    private UiActions Actions { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    [Inject]
    private IStackRuntime Runtime { get; set; } = default!;

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    [Parameter]
    public Guid ProjectId { get; set; }

    [Parameter]
    public Guid BlueprintId { get; set; }

    private DesignerDocument Doc => _history!.Current;

    /// <summary>Unsaved when the model differs from the saved one, or the text does beyond its canonical form.</summary>
    private bool Dirty => _history is not null && (Doc != _saved || (_yaml != _savedYaml && _yaml != _saved.ToYaml()));

    private IReadOnlyList<BlueprintIssue> IssuesOf(string service) =>
        [.. _check.Issues.Where(i => i.Path == $"services.{service}" || i.Path.StartsWith($"services.{service}.", StringComparison.Ordinal) || i.Path.StartsWith($"services.{service}[", StringComparison.Ordinal))];

    private DependencySpec? EdgeOf(EdgeRef edge) => Doc.Spec.FindService(edge.From)?.DependsOn.FirstOrDefault(d => d.Service == edge.To);

    private ServiceSpec? SelectedService => _selection is { Nodes.Count: 1 } ? Doc.Spec.FindService(_selection.Nodes[0]) : null;

    protected override async Task OnParametersSetAsync()
    {
        // The layout re-renders its body once it knows the theme: that must not reload the blueprint over the user's edits.
        // Prerendering would parse and validate the whole blueprint only to throw it away: the circuit does it once.
        if (_loadedFor == (ProjectId, BlueprintId) || !RendererInfo.IsInteractive)
        {
            return;
        }

        _loadedFor = (ProjectId, BlueprintId);
        _canWrite = await Actions.HasAsync(Permission.BlueprintsWrite, ProjectId);
        var found = await Actions.RunAsync<GetBlueprint.Handler, BlueprintDetails>(h => h.HandleAsync(new(ProjectId, BlueprintId), default));
        if (!found.IsSuccess)
        {
            _notFound = true;
            return;
        }

        _blueprint = found.Value;
        var latest = await Actions.RunAsync<GetBlueprintVersion.Handler, VersionDetails>(h => h.HandleAsync(new(ProjectId, BlueprintId), default));
        var project = await Actions.RunAsync<GetProject.Handler, ProjectDetails>(h => h.HandleAsync(new(ProjectId), default));
        var environments = await Actions.RunAsync<ListEnvironments.Handler, IReadOnlyList<EnvironmentDto>>(h => h.HandleAsync(new(ProjectId), default));
        _projectEnvironments = environments.IsSuccess ? [.. environments.Value.Select(e => e.Name)] : [];
        _breadcrumbs =
        [
            new("Projects", "/"),
            new(project.IsSuccess ? project.Value.Name : "Project", $"/projects/{ProjectId}"),
            new(_blueprint.Name, $"/projects/{ProjectId}/blueprints/{BlueprintId}"),
            new("Designer", null, disabled: true),
        ];
        _baseVersion = _blueprint.LatestVersion;
        var text = latest.IsSuccess ? latest.Value.Yaml : "";
        var check = BlueprintCheck.Run(text);
        var spec = check.Spec ?? new BlueprintSpec { Name = _blueprint.Name };
        // The blueprint's own layout is the newest (saving with only moved boxes updates it without a version).
        var layout = _blueprint.Layout.Positions.Count > 0 ? _blueprint.Layout : check.Layout;
        var doc = new DesignerDocument(spec, LevelLayout.Complete(spec, layout));
        _history = new DesignerHistory(doc);
        _saved = doc;
        _yaml = text;
        _savedYaml = text;
        _check = check;
        _targets = IssueTargets.For(Doc.Spec, check.Spec is null ? [] : check.Issues);
        // Launched stacks of this blueprint: the newest running one colours the nodes by how its services are doing.
        var stacks = await Actions.RunAsync<ListStacks.Handler, IReadOnlyList<StackSummary>>(h => h.HandleAsync(new(ProjectId), default));
        _liveStacks = stacks.IsSuccess ? [.. stacks.Value.Where(s => s.Blueprint == _blueprint.Name)] : [];
        _statusStackId = _liveStacks.FirstOrDefault(s => s.Status == StackStatus.Running)?.Id;
        await ReadStatusesAsync();
        _initialModel = CanvasModel.From(Doc, _targets, _statuses);
    }

    protected override void OnAfterRender(bool firstRender)
    {
        if (firstRender)
        {
            _ = PollStatusesAsync(_disposed.Token);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _disposed.CancelAsync();
        _disposed.Dispose();
    }

    private async Task OnStatusStackChangedAsync(Guid? stackId)
    {
        _statusStackId = stackId;
        await ReadStatusesAsync();
        await ShowAsync();
    }

    /// <summary>The chosen stack's services as the engine reports them (the list above already checked stacks.read).</summary>
    private async Task ReadStatusesAsync()
    {
        if (_liveStacks.FirstOrDefault(s => s.Id == _statusStackId) is not { } stack)
        {
            (_statuses, _statusError) = (null, null);
            return;
        }

        try
        {
            var observed = await Runtime.ObserveAsync(new StackIdentity(stack.Id, stack.Name), _disposed.Token);
            (_statuses, _statusError) = (ServiceStatus.Of(Doc.Spec.Services.Select(s => s.Name), observed), null);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            (_statuses, _statusError) = (null, e.Message);
        }
    }

    private async Task PollStatusesAsync(CancellationToken ct)
    {
        using var timer = new PeriodicTimer(StatusInterval);
        try
        {
            while (await timer.WaitForNextTickAsync(ct))
            {
                if (_statusStackId is null)
                {
                    continue;
                }

                await InvokeAsync(async () =>
                {
                    var before = _statuses;
                    await ReadStatusesAsync();
                    if (!SameStatuses(before, _statuses))
                    {
                        await ShowAsync();
                        StateHasChanged();
                    }
                });
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private static bool SameStatuses(IReadOnlyDictionary<string, string>? a, IReadOnlyDictionary<string, string>? b) =>
        a is null ? b is null : b is not null && a.Count == b.Count && a.All(kv => b.TryGetValue(kv.Key, out var v) && v == kv.Value);

    private async Task ApplyAsync(DesignerDocument next, IReadOnlyList<string>? select = null)
    {
        if (!_canWrite || !_history!.Push(next))
        {
            return;
        }

        Refresh(fromText: false);
        if (select is not null)
        {
            _selection = new CanvasSelection(select, []);
            _sideTab = 0;
        }

        await ShowAsync(select: select);
    }

    /// <summary>Recomputes the text (unless it is the source), the validator's issues and where they belong on the canvas.</summary>
    private void Refresh(bool fromText)
    {
        if (!fromText)
        {
            _yaml = Doc.ToYaml();
        }

        _check = BlueprintCheck.Run(_yaml);
        _targets = IssueTargets.For(Doc.Spec, _check.Spec is null ? [] : _check.Issues);
        _selection = new CanvasSelection(
            [.. _selection.Nodes.Where(n => Doc.Spec.FindService(n) is not null)],
            [.. _selection.Edges.Where(e => Doc.Spec.FindService(e.From)?.DependsOn.Any(d => d.Service == e.To) == true)]);
    }

    private Task ShowAsync(bool fit = false, IReadOnlyList<string>? select = null) =>
        _canvas?.ShowAsync(CanvasModel.From(Doc, _targets, _statuses), fit, select) ?? Task.CompletedTask;

    private async Task OnTemplateDroppedAsync(TemplateDrop drop)
    {
        if (ServiceTemplate.Find(drop.Template) is not { } template)
        {
            return;
        }

        var (next, name) = DesignerEdits.Add(Doc, template, new LayoutPosition(Math.Round(drop.X), Math.Round(drop.Y)));
        await ApplyAsync(next, [name]);
    }

    private async Task AddFromPaletteAsync(string template)
    {
        var (x, y) = _canvas is null ? (120d, 80d) : await _canvas.ViewportCenterAsync();
        // Without a drop point, take the first free spot below the middle of the view, so nothing lands on a node.
        var taken = Doc.Layout.Positions.Values.ToList();
        while (taken.Any(p => Math.Abs(p.X - x) < 200 && Math.Abs(p.Y - y) < 90))
        {
            y += LevelLayout.RowHeight;
        }

        await OnTemplateDroppedAsync(new TemplateDrop(template, x, y));
    }

    private Task OnNodesMovedAsync(IReadOnlyList<NodeMove> moved) =>
        ApplyAsync(DesignerEdits.Move(Doc, moved.Select(m => KeyValuePair.Create(m.Name, new LayoutPosition(m.X, m.Y)))));

    private Task OnEdgeDrawnAsync(DesignerEdge edge) => ApplyAsync(DesignerEdits.Connect(Doc, edge.From, edge.To));

    private void OnSelectionChanged(CanvasSelection selection)
    {
        _selection = selection;
        if (selection.Nodes.Count + selection.Edges.Count > 0)
        {
            _sideTab = 0;
        }
    }

    private Task OnServiceChangedAsync(ServiceEdit edit)
    {
        var next = DesignerEdits.Replace(Doc, edit.Name, edit.Service);
        return ApplyAsync(next, edit.Name != edit.Service.Name ? [edit.Service.Name] : null);
    }

    private Task OnVariablesChangedAsync(IReadOnlyList<VariableSpec> variables) =>
        ApplyAsync(Doc with { Spec = Doc.Spec with { Variables = variables } });

    private Task OnEnvironmentsChangedAsync(IReadOnlyList<EnvironmentOverride> environments) =>
        ApplyAsync(Doc with { Spec = Doc.Spec with { Environments = environments } });

    private Task SetConditionAsync(EdgeRef edge, DependencyCondition condition) =>
        ApplyAsync(DesignerEdits.SetCondition(Doc, edge.From, edge.To, condition));

    private async Task OnYamlChangedAsync(string text)
    {
        if (!_canWrite)
        {
            return;
        }

        if (text == _yaml)
        {
            return;
        }

        _yaml = text;
        var check = BlueprintCheck.Run(text);
        if (check.Spec is not null)
        {
            var layout = check.Layout.Positions.Count > 0 ? check.Layout : Doc.Layout;
            // Positions of renamed or removed services drop out; new services get a free spot.
            var next = new DesignerDocument(check.Spec, layout);
            _history!.Push(next.WithLayout(LevelLayout.Complete(check.Spec, next.WithLayout(layout.Positions).Layout).Positions));
        }

        Refresh(fromText: true);
        await ShowAsync();
    }

    private async Task OnShortcutAsync(string command)
    {
        if (!_canWrite && command is not "help")
        {
            return;
        }

        switch (command)
        {
            case "undo": await UndoAsync(); break;
            case "redo": await RedoAsync(); break;
            case "delete": await DeleteSelectionAsync(); break;
            case "copy": Copy(); break;
            case "paste": await PasteAsync(); break;
            case "layout": await AutoLayoutAsync(); break;
            case "help": await ShowHelpAsync(); break;
            case "save": await SaveAsync(); break;
        }

        StateHasChanged();
    }

    private async Task UndoAsync()
    {
        if (_canWrite && _history!.Undo())
        {
            Refresh(fromText: false);
            await ShowAsync();
        }
    }

    private async Task RedoAsync()
    {
        if (_canWrite && _history!.Redo())
        {
            Refresh(fromText: false);
            await ShowAsync();
        }
    }

    private async Task DeleteSelectionAsync()
    {
        if (!_canWrite)
        {
            return;
        }

        var next = DesignerEdits.Remove(Doc, _selection.Nodes);
        next = _selection.Edges.Aggregate(next, (doc, edge) => DesignerEdits.Disconnect(doc, edge.From, edge.To));
        _selection = CanvasSelection.None;
        await ApplyAsync(next);
    }

    private Task DeleteServiceAsync(string name)
    {
        _selection = CanvasSelection.None;
        return ApplyAsync(DesignerEdits.Remove(Doc, [name]));
    }

    private Task DeleteEdgeAsync(EdgeRef edge)
    {
        _selection = CanvasSelection.None;
        return ApplyAsync(DesignerEdits.Disconnect(Doc, edge.From, edge.To));
    }

    private void Copy()
    {
        var services = Doc.Spec.Services.Where(s => _selection.Nodes.Contains(s.Name)).ToList();
        if (services.Count == 0)
        {
            return;
        }

        _clipboard = (services, services.Where(s => Doc.Layout.Positions.ContainsKey(s.Name)).ToDictionary(s => s.Name, s => Doc.Layout.Positions[s.Name]));
        Snackbar.Add(services.Count == 1 ? $"Copied {services[0].Name}." : $"Copied {services.Count} services.", Severity.Info);
    }

    private async Task PasteAsync()
    {
        if (_clipboard is not { } clipboard)
        {
            return;
        }

        var (next, names) = DesignerEdits.Paste(Doc, clipboard.Services, clipboard.Positions);
        await ApplyAsync(next, names);
    }

    private async Task AutoLayoutAsync()
    {
        await ApplyAsync(Doc with { Layout = LevelLayout.Arrange(Doc.Spec) });
        await FitAsync();
    }

    private Task FitAsync() => _canvas?.FitAsync() ?? Task.CompletedTask;

    private Task ZoomAsync(double factor) => _canvas?.ZoomAsync(factor) ?? Task.CompletedTask;

    private async Task OnTabChangedAsync(int tab)
    {
        _tab = tab;
        if (tab == 0)
        {
            // The canvas was hidden with its tab; let it measure itself again.
            await ShowAsync();
        }
    }

    private async Task ShowHelpAsync() =>
        await Dialogs.ShowAsync<ShortcutsDialog>("Keyboard shortcuts", new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true, CloseOnEscapeKey = true });

    private async Task SaveAsync()
    {
        if (!_canWrite || _saving)
        {
            return;
        }

        if (!_check.IsValid)
        {
            Snackbar.Add("Fix the errors marked on the canvas before saving.", Severity.Warning);
            return;
        }

        _saving = true;
        var yaml = _yaml;
        var result = await Actions.RunAsync<SaveBlueprintVersion.Handler, SavedVersion>(h =>
            h.HandleAsync(new(ProjectId, BlueprintId, yaml, _message, _baseVersion), default));
        _saving = false;
        if (!result.IsSuccess)
        {
            _errors.Show(result.Error!, Snackbar, "message");
            return;
        }

        _errors.Clear();
        Snackbar.Add(result.Value.Created ? $"Saved as version {result.Value.Number}." : "No change in content, so no new version; the layout is saved.",
            result.Value.Created ? Severity.Success : Severity.Info);
        _message = null;
        _saved = Doc;
        _savedYaml = yaml;
        _baseVersion = result.Value.Number;
        var found = await Actions.RunAsync<GetBlueprint.Handler, BlueprintDetails>(h => h.HandleAsync(new(ProjectId, BlueprintId), default));
        if (found.IsSuccess)
        {
            _blueprint = found.Value;
        }
    }

    private async Task ConfirmLeaveAsync(LocationChangingContext context)
    {
        if (!Dirty)
        {
            return;
        }

        var leave = await Dialogs.ShowMessageBoxAsync("Leave the designer?", "Your changes are not saved as a version. Leave and lose them?",
            yesText: "Leave", cancelText: "Stay");
        if (leave != true)
        {
            context.PreventNavigation();
        }
    }
}
