using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using Paddock.Core.Blueprints.Designer;
using Paddock.Web.Common;

namespace Paddock.Web.Blueprints.Designer;

public sealed record TemplateDrop(string Template, double X, double Y);

public sealed record NodeMove(string Name, double X, double Y);

public sealed record EdgeRef(string From, string To);

public sealed record CanvasSelection(IReadOnlyList<string> Nodes, IReadOnlyList<EdgeRef> Edges)
{
    public static CanvasSelection None { get; } = new([], []);
}

/// <summary>
/// The interop class over wwwroot/lib/paddock-designer.js (Cytoscape.js from npm). The page pushes whole models in;
/// the browser reports model changes out: a template dropped, nodes moved at drop, an edge drawn, the selection, a shortcut.
/// </summary>
public sealed partial class DesignerCanvas
{
    private ElementReference _host;
    private BrowserModule? _module;
    private DotNetObjectReference<DesignerCanvas>? _self;
    private (CanvasModel Model, bool Fit, IReadOnlyList<string>? Select)? _pending;

    [Inject]
    private IJSRuntime JS { get; set; } = default!;

    /// <summary>What the canvas draws when it is created, so opening a blueprint costs one round trip, not two.</summary>
    [Parameter]
    public CanvasModel? InitialModel { get; set; }

    [Parameter]
    public bool ReadOnly { get; set; }

    [Parameter]
    public string Height { get; set; } = "68vh";

    [Parameter]
    public EventCallback<TemplateDrop> OnTemplateDropped { get; set; }

    [Parameter]
    public EventCallback<IReadOnlyList<NodeMove>> OnNodesMoved { get; set; }

    [Parameter]
    public EventCallback<DesignerEdge> OnEdgeDrawn { get; set; }

    [Parameter]
    public EventCallback<CanvasSelection> OnSelectionChanged { get; set; }

    [Parameter]
    public EventCallback<string> OnShortcut { get; set; }

    private bool? _shownReadOnly;

    public async Task ShowAsync(CanvasModel model, bool fit = false, IReadOnlyList<string>? select = null)
    {
        if (_module is not { IsStarted: true })
        {
            _pending = (model, fit || (_pending?.Fit ?? false), select);
            return;
        }

        await _module.InvokeVoidAsync("setModel", model, fit, select);
    }

    public async Task FitAsync()
    {
        if (_module is not null)
        {
            await _module.InvokeVoidAsync("fit");
        }
    }

    public async Task ZoomAsync(double factor)
    {
        if (_module is not null)
        {
            await _module.InvokeVoidAsync("zoom", factor);
        }
    }

    public async Task<(double X, double Y)> ViewportCenterAsync()
    {
        var center = _module is null ? null : await _module.InvokeAsync<Point>("viewportCenter");
        return center is null ? (120, 80) : (center.X, center.Y);
    }

    [JSInvokable]
    public Task OnTemplateDroppedJs(string template, double x, double y) => OnTemplateDropped.InvokeAsync(new TemplateDrop(template, x, y));

    [JSInvokable]
    public Task OnNodesMovedJs(NodeMove[] moved) => OnNodesMoved.InvokeAsync(moved);

    [JSInvokable]
    public Task OnEdgeDrawnJs(string from, string to) => OnEdgeDrawn.InvokeAsync(new DesignerEdge(from, to));

    [JSInvokable]
    public Task OnSelectionChangedJs(string[] nodes, EdgeRef[] edges) => OnSelectionChanged.InvokeAsync(new CanvasSelection(nodes, edges));

    [JSInvokable]
    public Task OnShortcutJs(string command) => OnShortcut.InvokeAsync(command);

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (firstRender)
        {
            _module = new BrowserModule(JS, "./lib/paddock-designer.js");
            _self = DotNetObjectReference.Create(this);
            var model = _pending?.Model ?? InitialModel ?? new CanvasModel([], []);
            _pending = null;
            _shownReadOnly = ReadOnly;
            await _module.StartAsync("create", _host, _module.Id, model, ReadOnly, _self);
        }
        else if (_module is { IsStarted: true } && _shownReadOnly != ReadOnly)
        {
            _shownReadOnly = ReadOnly;
            await _module.InvokeVoidAsync("setReadOnly", ReadOnly);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_module is not null)
        {
            await _module.DisposeAsync();
        }

        _self?.Dispose();
    }

    private sealed record Point(double X, double Y);
}
