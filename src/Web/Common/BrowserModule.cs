using Microsoft.JSInterop;

namespace Paddock.Web.Common;

/// <summary>
/// A component's instance in one of Paddock's browser modules (wwwroot/lib/paddock-*.js). A module keeps its instances
/// by <see cref="Id"/>, takes the id as the first argument of every function but <c>create</c>, and exports
/// <c>dispose(id)</c>.
/// <para>
/// A component can go away while its module is still loading, for example when someone switches tabs quickly. Then
/// <see cref="StartAsync"/> creates nothing in the browser and returns false. Creating the instance anyway would leave
/// an editor, canvas or hub connection that nobody disposes. Worse, passing the component's already disposed
/// DotNetObjectReference to the browser throws, and that exception ends the whole circuit: the page stops answering.
/// </para>
/// </summary>
internal sealed class BrowserModule(IJSRuntime js, string path) : IAsyncDisposable
{
    private IJSObjectReference? _module;
    private bool _disposed;

    public string Id { get; } = Guid.NewGuid().ToString("N");

    public bool IsStarted => _module is not null;

    /// <summary>Loads the module and calls <paramref name="method"/> with <paramref name="args"/> as given.</summary>
    /// <returns>False when the component was disposed before the module loaded; nothing was created then.</returns>
    public async Task<bool> StartAsync(string method, params object?[] args)
    {
        var module = await js.InvokeAsync<IJSObjectReference>("import", path);
        if (_disposed)
        {
            await ReleaseAsync(module, dispose: false);
            return false;
        }

        _module = module;
        await module.InvokeVoidAsync(method, args);
        return true;
    }

    /// <summary>
    /// Calls <paramref name="method"/>(id, ...args); does nothing before the instance is started. Pass one collection
    /// argument as a list: C# takes an array passed alone as the argument list itself.
    /// </summary>
    public ValueTask InvokeVoidAsync(string method, params object?[] args) =>
        _module is null ? ValueTask.CompletedTask : _module.InvokeVoidAsync(method, [Id, .. args]);

    /// <summary>Calls <paramref name="method"/>(id, ...args) for its result; the default before the instance is started.</summary>
    public async ValueTask<T?> InvokeAsync<T>(string method, params object?[] args) =>
        _module is null ? default : await _module.InvokeAsync<T>(method, [Id, .. args]);

    public async ValueTask DisposeAsync()
    {
        _disposed = true;
        if (_module is { } module)
        {
            _module = null;
            await ReleaseAsync(module, dispose: true);
        }
    }

    private async Task ReleaseAsync(IJSObjectReference module, bool dispose)
    {
        try
        {
            if (dispose)
            {
                await module.InvokeVoidAsync("dispose", Id);
            }

            await module.DisposeAsync();
        }
        catch (JSDisconnectedException)
        {
            // The circuit is gone with the browser tab, and the instance with it.
        }
    }
}
