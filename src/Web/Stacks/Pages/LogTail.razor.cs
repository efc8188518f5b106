using Microsoft.AspNetCore.Components;
using Paddock.Core.Stacks;

namespace Paddock.Web.Stacks.Pages;

/// <summary>Follows one container's log through the engine, keeping the last <see cref="MaxLines"/> lines; pausing freezes the view, not the stream.</summary>
public sealed partial class LogTail
{
    private const int MaxLines = 500;
    private static readonly TimeSpan RenderEvery = TimeSpan.FromMilliseconds(250);

    private readonly Queue<string> _lines = new();
    private readonly Lock _gate = new();
    private string[] _frozen = [];
    private CancellationTokenSource? _stream;
    private string? _following;
    private string? _filter;
    private bool _paused;
    private bool _ended;
    private bool _renderQueued;
    private string? _error;

    [Inject]
    private IStackRuntime Runtime { get; set; } = default!;

    [Parameter, EditorRequired]
    public StackIdentity Identity { get; set; } = default!;

    [Parameter]
    public IReadOnlyList<string> Containers { get; set; } = [];

    [Parameter]
    public string? Container { get; set; }

    [Parameter]
    public EventCallback<string?> ContainerChanged { get; set; }

    private string Status => _error is not null ? $"error: {_error}"
        : Container is null ? "choose a container"
        : _paused ? $"paused · {Count} lines"
        : _ended ? $"stream ended · {Count} lines"
        : $"following {Container} · {Count} lines";

    private int Count
    {
        get
        {
            lock (_gate)
            {
                return _lines.Count;
            }
        }
    }

    private IEnumerable<string> Visible
    {
        get
        {
            string[] lines;
            if (_paused)
            {
                lines = _frozen;
            }
            else
            {
                lock (_gate)
                {
                    lines = [.. _lines];
                }
            }

            return string.IsNullOrWhiteSpace(_filter) ? lines : lines.Where(l => l.Contains(_filter.Trim(), StringComparison.OrdinalIgnoreCase));
        }
    }

    // Streams start after the first interactive render: never during prerendering.
    protected override void OnAfterRender(bool firstRender)
    {
        if (Container != _following)
        {
            Follow(Container);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_stream is not null)
        {
            await _stream.CancelAsync();
            _stream.Dispose();
        }
    }

    private void Follow(string? container)
    {
        _stream?.Cancel();
        _stream?.Dispose();
        _stream = null;
        _following = container;
        _ended = false;
        _error = null;
        lock (_gate)
        {
            _lines.Clear();
        }

        if (container is null)
        {
            return;
        }

        _stream = new CancellationTokenSource();
        _ = ReadAsync(container, _stream.Token);
        StateHasChanged();
    }

    private async Task ReadAsync(string container, CancellationToken ct)
    {
        try
        {
            await foreach (var line in Runtime.StreamLogsAsync(Identity, container, follow: true, tail: 200, ct))
            {
                lock (_gate)
                {
                    _lines.Enqueue(line);
                    while (_lines.Count > MaxLines)
                    {
                        _lines.Dequeue();
                    }
                }

                QueueRender(ct);
            }

            _ended = true;
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            return;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            _error = e.Message;
        }

        if (!ct.IsCancellationRequested)
        {
            await InvokeAsync(StateHasChanged);
        }
    }

    // A chatty container must not re-render the page per line: at most four renders a second.
    private void QueueRender(CancellationToken ct)
    {
        if (_renderQueued || _paused)
        {
            return;
        }

        _renderQueued = true;
        _ = Task.Run(
            async () =>
            {
                try
                {
                    await Task.Delay(RenderEvery, ct);
                    _renderQueued = false;
                    await InvokeAsync(StateHasChanged);
                }
                catch (OperationCanceledException)
                {
                    _renderQueued = false;
                }
            },
            ct);
    }

    private void TogglePause()
    {
        _paused = !_paused;
        if (_paused)
        {
            lock (_gate)
            {
                _frozen = [.. _lines];
            }
        }
        else if (_ended && Container is not null)
        {
            // Resuming a stream that ended (the container stopped) follows it again.
            Follow(Container);
        }
    }

    private void Clear()
    {
        lock (_gate)
        {
            _lines.Clear();
        }

        _frozen = [];
    }
}
