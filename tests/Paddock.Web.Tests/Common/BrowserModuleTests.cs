using Microsoft.JSInterop;
using Paddock.Web.Common;
using Paddock.Web.Live;

namespace Paddock.Web.Tests.Common;

/// <summary>
/// A component's browser instance against a browser whose module loads when the test says so. The race is real: a
/// project page's stacks tab starts its live feed after its first render, and switching tabs at once disposed it while
/// the feed's script was still loading. That used to end the circuit, and the page stopped answering clicks.
/// </summary>
public sealed class BrowserModuleTests
{
    [Fact]
    public async Task A_component_disposed_while_its_module_loads_creates_nothing_in_the_browser()
    {
        var browser = new FakeBrowser();
        var module = new BrowserModule(browser, "./lib/paddock-editor.js");

        var start = module.StartAsync("create", "host", module.Id, "text");
        await module.DisposeAsync();
        browser.LoadModule();

        Assert.False(await start);
        Assert.False(module.IsStarted);
        Assert.Empty(browser.Module.Calls);
        Assert.True(browser.Module.Released);
    }

    [Fact]
    public async Task A_started_instance_gets_its_id_on_every_call_and_is_disposed_in_the_browser()
    {
        var browser = new FakeBrowser();
        browser.LoadModule();
        var module = new BrowserModule(browser, "./lib/paddock-editor.js");

        Assert.True(await module.StartAsync("create", "host", module.Id, "text"));
        await module.InvokeVoidAsync("setText", "changed");
        await module.DisposeAsync();
        await module.InvokeVoidAsync("setText", "after disposal");

        Assert.Equal(["./lib/paddock-editor.js"], browser.Imports);
        Assert.Equal(
            ["create(host, " + module.Id + ", text)", "setText(" + module.Id + ", changed)", "dispose(" + module.Id + ")"],
            browser.Module.Calls);
        Assert.True(browser.Module.Released);
    }

    [Fact]
    public async Task Disposal_after_the_browser_tab_closed_does_not_throw()
    {
        var browser = new FakeBrowser();
        browser.LoadModule();
        var module = new BrowserModule(browser, "./lib/paddock-designer.js");
        await module.StartAsync("create", "host", module.Id);

        browser.Module.Disconnected = true;

        await module.DisposeAsync();
        Assert.False(module.IsStarted);
    }

    [Fact]
    public async Task A_live_feed_disposed_while_its_script_loads_opens_no_hub_connection()
    {
        var browser = new FakeBrowser();
        var feed = new HubFeed(browser);

        var watching = feed.WatchProjectAsync(Guid.NewGuid(), _ => Task.CompletedTask, () => Task.CompletedTask);
        await feed.DisposeAsync();
        browser.LoadModule();
        await watching;

        Assert.DoesNotContain(browser.Module.Calls, c => c.StartsWith("watch(", StringComparison.Ordinal));
        Assert.Equal(LiveFeedState.Connecting, feed.State);
    }

    /// <summary>The browser side of JS interop: <c>import</c> completes when the test calls <see cref="LoadModule"/>.</summary>
    private sealed class FakeBrowser : IJSRuntime
    {
        private readonly TaskCompletionSource<IJSObjectReference> _load = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public List<string> Imports { get; } = [];

        public FakeModule Module { get; } = new();

        public void LoadModule() => _load.SetResult(Module);

        public ValueTask<TValue> InvokeAsync<TValue>(string identifier, object?[]? args) => InvokeAsync<TValue>(identifier, default, args);

        public async ValueTask<TValue> InvokeAsync<TValue>(string identifier, CancellationToken cancellationToken, object?[]? args)
        {
            Assert.Equal("import", identifier);
            Imports.Add((string)args![0]!);
            return (TValue)await _load.Task;
        }
    }

    private sealed class FakeModule : IJSObjectReference
    {
        public List<string> Calls { get; } = [];

        public bool Released { get; private set; }

        public bool Disconnected { get; set; }

        public ValueTask<TValue> InvokeAsync<TValue>(string identifier, object?[]? args) => InvokeAsync<TValue>(identifier, default, args);

        public ValueTask<TValue> InvokeAsync<TValue>(string identifier, CancellationToken cancellationToken, object?[]? args)
        {
            if (Disconnected)
            {
                throw new JSDisconnectedException("The circuit is gone.");
            }

            Calls.Add($"{identifier}({string.Join(", ", (args ?? []).Where(a => a is not DotNetObjectReference<HubFeed>))})");
            return ValueTask.FromResult(default(TValue)!);
        }

        public ValueTask DisposeAsync()
        {
            if (Disconnected)
            {
                throw new JSDisconnectedException("The circuit is gone.");
            }

            Released = true;
            return ValueTask.CompletedTask;
        }
    }
}
