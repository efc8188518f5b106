using System.Text.Json;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Paddock.E2E.Pages;

/// <summary>The blueprint designer, driven with a real mouse: palette drags, handle drags between nodes, keyboard shortcuts.</summary>
public sealed class DesignerPage(IPage page) : AppPage(page)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public ILocator Title => Page.GetByTestId("designer-title");

    public ILocator Canvas => Page.GetByTestId("designer-canvas");

    public ILocator CanvasIssues => Page.GetByTestId("canvas-issue");

    public ILocator ServicePanel => Page.GetByTestId("service-panel");

    public ILocator SaveButton => Page.GetByTestId("designer-save");

    public ILocator Message => Page.GetByTestId("designer-message");

    public ILocator Status => Page.GetByTestId("designer-status");

    public static async Task<DesignerPage> OpenAsync(IPage page, Guid projectId, Guid blueprintId)
    {
        await page.GotoAsync($"/projects/{projectId}/blueprints/{blueprintId}/designer");
        return await WaitForAsync(page);
    }

    public static async Task<DesignerPage> WaitForAsync(IPage page)
    {
        var designer = new DesignerPage(page);
        await designer.WaitForCircuitAsync();
        await Expect(designer.Title).ToBeVisibleAsync();
        await Expect(designer.Canvas).ToHaveAttributeAsync("data-ready", "true");
        return designer;
    }

    public ILocator Field(string name) => ServicePanel.GetByTestId($"field-{name}");

    /// <summary>Drags a palette entry to a point of the canvas (fractions of its width and height) with the mouse.</summary>
    public async Task DragFromPaletteAsync(string template, double fx, double fy)
    {
        var box = (await Canvas.BoundingBoxAsync())!;
        var item = Page.GetByTestId($"palette-{template}");
        var from = (await item.BoundingBoxAsync())!;
        var before = (await DescribeAsync()).Nodes.Count;
        await Page.Mouse.MoveAsync(from.X + (from.Width / 2), from.Y + (from.Height / 2));
        await Page.Mouse.DownAsync();
        await Page.Mouse.MoveAsync(box.X + (float)(box.Width * fx), box.Y + (float)(box.Height * fy), new() { Steps = 10 });
        await Page.Mouse.UpAsync();
        await WaitForCanvasAsync(s => s.Nodes.Count == before + 1, $"the dropped {template}");
    }

    /// <summary>Hovers the source node, presses its connection handle and releases over the target: the gesture a person makes.</summary>
    public async Task DrawEdgeAsync(string from, string to)
    {
        var source = await NodeAsync(from);
        Console.WriteLine($"draw {from}->{to}: source at {source.X},{source.Y}");
        await Page.Mouse.MoveAsync((float)source.X, (float)source.Y);
        var handleX = (float)(source.X + (source.Width / 2) - 1);
        await Page.Mouse.MoveAsync(handleX, (float)source.Y, new() { Steps = 5 });
        await Page.Mouse.DownAsync();
        var target = await NodeAsync(to);
        await Page.Mouse.MoveAsync((float)target.X, (float)target.Y, new() { Steps = 12 });
        await Page.Mouse.UpAsync();
    }

    public async Task ClickNodeAsync(string name)
    {
        var node = await NodeAsync(name);
        await Page.Mouse.ClickAsync((float)(node.X - (node.Width / 4)), (float)node.Y);
        await Expect(ServicePanel).ToHaveAttributeAsync("data-service", name);
    }

    public async Task ClickBackgroundAsync()
    {
        var box = (await Canvas.BoundingBoxAsync())!;
        await Page.Mouse.ClickAsync(box.X + box.Width - 20, box.Y + box.Height - 20);
    }

    public async Task<CanvasNode> NodeAsync(string name) =>
        (await DescribeAsync()).Nodes.SingleOrDefault(n => n.Id == name) ?? throw new InvalidOperationException($"No node '{name}' on the canvas.");

    /// <summary>What the canvas draws, read from the diagram library itself.</summary>
    public async Task<CanvasState> DescribeAsync()
    {
        var json = await Page.EvaluateAsync<JsonElement>("async () => (await import('/lib/paddock-designer.js')).describe()");
        return json.Deserialize<CanvasState>(Json)!;
    }

    public async Task WaitForCanvasAsync(Func<CanvasState, bool> condition, string what, int seconds = 10)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        CanvasState state;
        do
        {
            state = await DescribeAsync();
            if (condition(state))
            {
                return;
            }

            await Task.Delay(100);
        }
        while (DateTime.UtcNow < deadline);
        await ScreenshotAsync("designer-failure");
        throw new TimeoutException($"The canvas never showed {what}: {JsonSerializer.Serialize(state)}");
    }

    /// <summary>Waits until the nodes stop moving on screen (the canvas resizes and refits when its tab is shown again).</summary>
    public async Task WaitForStillAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        var before = await PositionsAsync();
        while (DateTime.UtcNow < deadline)
        {
            await Task.Delay(300);
            var now = await PositionsAsync();
            if (now == before)
            {
                return;
            }

            before = now;
        }
    }

    private async Task<string> PositionsAsync() =>
        string.Join(";", (await DescribeAsync()).Nodes.Select(n => $"{n.Id}@{n.X:F0},{n.Y:F0}"));

    public async Task ShowTabAsync(string name) => await Page.GetByRole(AriaRole.Tab, new() { Name = name, Exact = true }).ClickAsync();

    public async Task<string> YamlTextAsync() =>
        await Page.EvaluateAsync<string>("async () => (await import('/lib/paddock-editor.js')).textIn(document.querySelector('[data-testid=yaml-editor]'))");

    public async Task SaveAsync(string message)
    {
        await Message.FillAsync(message);
        await SaveButton.ClickAsync();
        await Expect(Snackbar.Filter(new() { HasText = "Saved as version" })).ToBeVisibleAsync();
    }
}

public sealed record CanvasState(double Zoom, List<CanvasNode> Nodes, List<CanvasEdge> Edges);

public sealed record CanvasNode(string Id, string Label, string? Status, List<string> Classes, bool Selected, double X, double Y, double Width, double Height, double ModelX, double ModelY);

public sealed record CanvasEdge(string From, string To, string Condition, List<string> Classes, bool Selected);
