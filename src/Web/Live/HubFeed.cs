using Microsoft.JSInterop;
using Paddock.Core.Events;
using Paddock.Web.Common;

namespace Paddock.Web.Live;

/// <summary>
/// A page's live feed through the SignalR hub, the way integrations use it: the browser connects to
/// <see cref="LiveHub.Path"/> with the page's sign-in cookie (Scripts/live.js), joins the page's groups (the hub checks
/// membership), and hands each message to the circuit. One per component; dispose it with the component.
/// </summary>
internal sealed class HubFeed(IJSRuntime js) : IAsyncDisposable
{
    private readonly BrowserModule _module = new(js, "./lib/paddock-live.js");
    private DotNetObjectReference<HubFeed>? _self;
    private Func<LiveMessage, Task> _onMessage = _ => Task.CompletedTask;
    private Func<Task> _onStateChanged = () => Task.CompletedTask;

    /// <summary>Refused: the hub would not let this user join; revoked: the hub said this user may no longer watch.</summary>
    public LiveFeedState State { get; private set; } = LiveFeedState.Connecting;

    public bool IsLive => State == LiveFeedState.Connected;

    public Task WatchStackAsync(Guid projectId, Guid stackId, Func<LiveMessage, Task> onMessage, Func<Task> onStateChanged) =>
        WatchAsync([new Join("JoinStack", [projectId, stackId])], onMessage, onStateChanged);

    public Task WatchProjectAsync(Guid projectId, Func<LiveMessage, Task> onMessage, Func<Task> onStateChanged) =>
        WatchAsync([new Join("JoinProject", [projectId])], onMessage, onStateChanged);

    [JSInvokable]
    public async Task OnLive(LiveMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message.Kind == "access.revoked")
        {
            await SetStateAsync(LiveFeedState.Revoked);
        }

        await _onMessage(message);
    }

    [JSInvokable]
    public Task OnState(string state) => SetStateAsync(state switch
    {
        "connected" => LiveFeedState.Connected,
        "reconnecting" => LiveFeedState.Reconnecting,
        "disconnected" => LiveFeedState.Disconnected,
        _ => LiveFeedState.Refused,
    });

    public async ValueTask DisposeAsync()
    {
        await _module.DisposeAsync();
        _self?.Dispose();
    }

    private async Task WatchAsync(IReadOnlyList<Join> joins, Func<LiveMessage, Task> onMessage, Func<Task> onStateChanged)
    {
        _onMessage = onMessage;
        _onStateChanged = onStateChanged;
        _self = DotNetObjectReference.Create(this);
        await _module.StartAsync("watch", _module.Id, joins, _self);
    }

    private async Task SetStateAsync(LiveFeedState state)
    {
        // A revoked feed stays revoked: the hub took this user out of the groups, a reconnect does not bring them back.
        if (State == state || State == LiveFeedState.Revoked)
        {
            return;
        }

        State = state;
        await _onStateChanged();
    }

    private sealed record Join(string Method, object[] Args);
}

public enum LiveFeedState
{
    Connecting,
    Connected,
    Reconnecting,
    Disconnected,
    Refused,
    Revoked,
}
