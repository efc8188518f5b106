using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using MudBlazor;
using Paddock.Core.Identity;
using Paddock.Core.Projects;
using Paddock.Core.Stacks;
using Paddock.Web.Common;
using Paddock.Web.Live;

namespace Paddock.Web.Stacks.Pages;

/// <summary>
/// One stack, live: the browser joins the stack's group on the SignalR hub (<see cref="HubFeed"/>) and every message
/// re-reads the stack and the engine's view of its containers. The engine says nothing when a container crashes or turns
/// healthy, so the page also re-reads every 6 s; without the hub (connecting, refused, offline) it falls back to reading
/// every 1.5 s while an operation runs.
/// </summary>
public sealed partial class StackPage
{
    private static readonly TimeSpan RefreshInterval = TimeSpan.FromMilliseconds(1500);

    private readonly CancellationTokenSource _disposed = new();
    private readonly SemaphoreSlim _refreshing = new(1, 1);
    private StackDetails? _stack;
    private ObservedState _observed = ObservedState.Empty;
    private List<BreadcrumbItem> _breadcrumbs = [];
    private string? _observeError;
    private string? _logContainer;
    private bool _notFound;
    private bool _canOperate;
    private bool _canLaunch;
    private HubFeed? _feed;
    private bool _refreshWanted;

    [Inject]
    private UiActions Actions { get; set; } = default!;

    [Inject]
    private IStackRuntime Runtime { get; set; } = default!;

    [Inject]
    private IJSRuntime JS { get; set; } = default!;

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    [Inject]
    private TimeProvider Time { get; set; } = default!;

    [Parameter]
    public Guid ProjectId { get; set; }

    [Parameter]
    public Guid StackId { get; set; }

    private DateTimeOffset Now => Time.GetUtcNow();

    private OperationDto? Latest => _stack is { Operations.Count: > 0 } s ? s.Operations[0] : null;

    private StackIdentity Identity => new(StackId, _stack?.Name ?? "");

    private IReadOnlyList<ObservedResource> Containers =>
        [.. _observed.Containers.OrderBy(c => c.Level).ThenBy(c => c.Service, StringComparer.Ordinal).ThenBy(c => c.Replica)];

    /// <summary>Services of the blueprint as it runs, with their replica counts, for the scale dialog.</summary>
    private IReadOnlyDictionary<string, int> Services =>
        _observed.Containers.Where(c => c.Service is not null).GroupBy(c => c.Service!)
            .ToDictionary(g => g.Key, g => _stack?.Replicas.GetValueOrDefault(g.Key, g.Count()) ?? g.Count(), StringComparer.Ordinal);

    protected override async Task OnParametersSetAsync()
    {
        var permissions = await Actions.PermissionsInAsync(ProjectId);
        _canOperate = permissions.Contains(Permission.StacksOperate);
        _canLaunch = permissions.Contains(Permission.StacksLaunch);
        await LoadAsync(observe: true);
        var project = await Actions.RunAsync<GetProject.Handler, ProjectDetails>(h => h.HandleAsync(new(ProjectId), default));
        _breadcrumbs =
        [
            new("Projects", "/"),
            new(project.IsSuccess ? project.Value.Name : "Project", $"/projects/{ProjectId}"),
            new(_stack?.Name ?? "", null, disabled: true),
        ];
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (firstRender)
        {
            _ = PollAsync(_disposed.Token);
            _feed = new HubFeed(JS);
            await _feed.WatchStackAsync(ProjectId, StackId, OnLiveAsync, () => InvokeAsync(StateHasChanged));
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_feed is not null)
        {
            await _feed.DisposeAsync();
        }

        await _disposed.CancelAsync();
        _disposed.Dispose();
    }

    private async Task LoadAsync(bool observe)
    {
        var result = await Actions.RunAsync<GetStack.Handler, StackDetails>(h => h.HandleAsync(new(ProjectId, StackId), default));
        _notFound = !result.IsSuccess;
        _stack = result.IsSuccess ? result.Value : null;
        if (_stack is null || !observe)
        {
            return;
        }

        try
        {
            _observed = await Runtime.ObserveAsync(Identity, _disposed.Token);
            _observeError = null;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            _observeError = e.Message;
        }

        // Pick a container to follow once the stack has settled, preferring one that serves something.
        var containers = Containers;
        if (_logContainer is null && containers.Count > 0 && !(Latest is { } op && Operation.IsActiveStatus(op.Status)))
        {
            _logContainer = containers.FirstOrDefault(c => c.Ports.Count > 0)?.Name ?? containers[0].Name;
        }
    }

    private async Task RefreshAsync()
    {
        // Events and the timer may ask at once: one refresh at a time, and one more after it when anyone asked meanwhile
        // (a message that came during a read may describe a change that read missed).
        _refreshWanted = true;
        if (!await _refreshing.WaitAsync(0))
        {
            return;
        }

        try
        {
            while (_refreshWanted)
            {
                _refreshWanted = false;
                await LoadAsync(observe: true);
                await InvokeAsync(StateHasChanged);
            }
        }
        finally
        {
            _refreshing.Release();
        }
    }

    private async Task PollAsync(CancellationToken ct)
    {
        using var timer = new PeriodicTimer(RefreshInterval);
        var tick = 0;
        try
        {
            while (await timer.WaitForNextTickAsync(ct))
            {
                // Without the hub: fast while something changes. Always every few seconds, for crashes and health changes.
                var busy = (Latest is { } op && Operation.IsActiveStatus(op.Status)) || _stack?.Status is StackStatus.Deploying or StackStatus.Destroying
                    || Containers.Any(c => c.Health == HealthState.Starting);
                if ((busy && _feed?.IsLive != true) || ++tick % 4 == 0)
                {
                    await InvokeAsync(RefreshAsync);
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
        catch (ObjectDisposedException)
        {
        }
    }

    private Task OnLiveAsync(Core.Events.LiveMessage message)
    {
        _ = InvokeAsync(RefreshAsync);
        return Task.CompletedTask;
    }

    private void ShowLogs(string container) => _logContainer = container;

    private async Task RequestAsync(OperationKind kind)
    {
        var parameters = new DialogParameters<OperationDialog>
        {
            { d => d.ProjectId, ProjectId },
            { d => d.StackId, StackId },
            { d => d.StackName, _stack!.Name },
            { d => d.Kind, kind },
            { d => d.Services, Services },
            { d => d.Version, kind == OperationKind.Update ? _stack.LatestBlueprintVersion : null },
        };
        var dialog = await Dialogs.ShowAsync<OperationDialog>(OperationDialog.Title(kind), parameters,
            new DialogOptions { MaxWidth = MaxWidth.Medium, FullWidth = true });
        if (await dialog.Result is { Canceled: false })
        {
            await RefreshAsync();
        }
    }

    private async Task ExtendAsync()
    {
        var parameters = new DialogParameters<ExtendDialog>
        {
            { d => d.ProjectId, ProjectId },
            { d => d.StackId, StackId },
            { d => d.EnvironmentId, _stack!.EnvironmentId },
        };
        var dialog = await Dialogs.ShowAsync<ExtendDialog>("Extend the stack's life", parameters, new DialogOptions { MaxWidth = MaxWidth.ExtraSmall, FullWidth = true });
        if (await dialog.Result is { Canceled: false })
        {
            await RefreshAsync();
        }
    }
}
