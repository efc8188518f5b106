using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Paddock.E2E.Pages;

/// <summary>A stack's live page: status, services as the engine reports them, day-2 actions with their plans.</summary>
public sealed partial class StackPage(IPage page) : AppPage(page)
{
    public ILocator Title => Page.GetByTestId("stack-title");

    public ILocator Status => Page.GetByTestId("stack-status").First;

    public Guid Id => Guid.Parse(new Uri(Page.Url).Segments[^1]);

    public ILocator Dialog => Page.GetByRole(AriaRole.Dialog);

    public ILocator Rows => Page.GetByTestId("services-table").Locator("tbody tr");

    public ILocator LogStatus => Page.GetByTestId("log-status");

    /// <summary>Whether the page hears the live hub: data-state connected, reconnecting, revoked, …</summary>
    public ILocator LiveState => Page.GetByTestId("live-state");

    public static async Task<StackPage> OpenAsync(IPage page, Guid projectId, Guid stackId)
    {
        await page.GotoAsync($"/projects/{projectId}/stacks/{stackId}");
        return await WaitForAsync(page);
    }

    public static async Task<StackPage> WaitForAsync(IPage page)
    {
        await Expect(page).ToHaveURLAsync(StackUrl());
        var stack = new StackPage(page);
        await stack.WaitForCircuitAsync();
        await Expect(stack.Title).ToBeVisibleAsync();
        return stack;
    }

    public ILocator Row(string container) => Page.GetByTestId($"service-row-{container}");

    public ILocator RowsOf(string service, string state) => Page.Locator($"[data-service='{service}'][data-state='{state}']");

    public ILocator Endpoint(string container) => Row(container).GetByTestId("endpoint");

    public ILocator Change(string resource, string action) => Dialog.Locator($"[data-testid=plan-change][data-resource='{resource}'][data-action='{action}']");

    public Task WaitForStatusAsync(string status, float timeout = 45_000) =>
        Expect(Page.Locator($"[data-testid=stack-status][data-status='{status}']").First).ToBeVisibleAsync(new() { Timeout = timeout });

    public Task WaitForRowAsync(string container, string state, string? health = null, float timeout = 45_000) =>
        Expect(Page.Locator($"[data-testid='service-row-{container}'][data-state='{state}']" + (health is null ? "" : $"[data-health='{health}']")))
            .ToBeVisibleAsync(new() { Timeout = timeout });

    public async Task OpenActionAsync(string action)
    {
        await Page.GetByTestId($"action-{action}").ClickAsync();
        await Expect(Dialog).ToBeVisibleAsync();
    }

    public async Task ChooseScaleAsync(string service, int replicas)
    {
        await Dialog.GetByTestId("scale-service").ClickAsync();
        await Page.GetByRole(AriaRole.Option, new() { Name = service + " (" }).ClickAsync();
        await Dialog.GetByTestId("scale-replicas").FillAsync(replicas.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Dialog.GetByTestId("scale-plan").ClickAsync();
    }

    public async Task ConfirmAsync()
    {
        await Dialog.GetByTestId("operation-confirm").ClickAsync();
        await Expect(Dialog).ToBeHiddenAsync();
    }

    [GeneratedRegex("/projects/[0-9a-f-]{36}/stacks/[0-9a-f-]{36}$")]
    private static partial Regex StackUrl();
}
