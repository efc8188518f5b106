using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using Paddock.Core.Blueprints;
using Paddock.Web.Common;

namespace Paddock.Web.Blueprints.Pages;

/// <summary>
/// The CodeMirror YAML editor (npm, bundled into wwwroot/lib/paddock-editor.js). Typing stays in the browser; the text
/// crosses to the server when typing pauses, and the validator's issues come back as markers.
/// </summary>
public sealed partial class YamlEditor
{
    private ElementReference _host;
    private BrowserModule? _module;
    private DotNetObjectReference<YamlEditor>? _self;
    private string _shownText = "";
    private IReadOnlyList<BlueprintIssue>? _shownIssues;

    [Parameter]
    public string Value { get; set; } = "";

    [Parameter]
    public EventCallback<string> ValueChanged { get; set; }

    [Parameter]
    public IReadOnlyList<BlueprintIssue> Issues { get; set; } = [];

    [Parameter]
    public bool ReadOnly { get; set; }

    [Parameter]
    public EventCallback OnSave { get; set; }

    [Parameter]
    public string Height { get; set; } = "60vh";

    [JSInvokable]
    public async Task OnTextChanged(string text)
    {
        _shownText = text;
        await ValueChanged.InvokeAsync(text);
    }

    [JSInvokable]
    public Task OnSaveShortcut() => OnSave.InvokeAsync();

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (firstRender)
        {
            _module = new BrowserModule(JS, "./lib/paddock-editor.js");
            _self = DotNetObjectReference.Create(this);
            _shownText = Value;
            await _module.StartAsync("create", _host, _module.Id, Value, ReadOnly, _self);
        }
        else if (_module is { IsStarted: true } && Value != _shownText)
        {
            _shownText = Value;
            await _module.InvokeVoidAsync("setText", Value);
        }

        if (_module is { IsStarted: true } && !ReferenceEquals(_shownIssues, Issues))
        {
            _shownIssues = Issues;
            // A list, not an array: an array passed alone would become the params argument list itself.
            await _module.InvokeVoidAsync("setIssues", Issues.Select(i => new
            {
                line = i.Line ?? 1,
                column = i.Column ?? 1,
                message = string.IsNullOrEmpty(i.Path) ? i.Message : $"{i.Path}: {i.Message}",
                severity = i.Severity == IssueSeverity.Error ? "error" : "warning",
            }).ToList());
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
}
