using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Paddock.E2E.Pages;

/// <summary>A project's Notifications tab (channels, templates, delivery log) and Webhooks tab.</summary>
public sealed class NotificationsTab(ProjectPage project)
{
    private IPage Page => project.Page;

    public ILocator Dialog => Page.GetByRole(AriaRole.Dialog);

    public ILocator ChannelRows => Page.GetByTestId("channels-table").Locator("tbody tr");

    public ILocator DeliveryRows => Page.GetByTestId("deliveries-table").Locator("tbody tr");

    public ILocator FieldErrors => Dialog.Locator(".mud-input-helper-text.mud-input-error");

    public static async Task<NotificationsTab> OpenAsync(ProjectPage project)
    {
        await project.Tab("Notifications").ClickAsync();
        await Expect(project.Tab("Notifications")).ToHaveAttributeAsync("aria-selected", "true");
        return new NotificationsTab(project);
    }

    public Task ShowInnerTabAsync(string name) => Page.GetByTestId("notifications-panel").GetByRole(AriaRole.Tab, new() { Name = name }).ClickAsync();

    public async Task StartEmailChannelAsync(string name, string recipients, params string[] events)
    {
        await Page.GetByTestId("new-channel").First.ClickAsync();
        await Expect(Dialog).ToBeVisibleAsync();
        await PickAsync("Kind", "E-mail");
        await Dialog.GetByLabel("Name").FillAsync(name);
        await Dialog.GetByLabel("Recipients").FillAsync(recipients);
        await Dialog.Locator(".mud-input-control.mud-select").Filter(new() { HasText = "Events sent here" }).ClickAsync();
        foreach (var label in events)
        {
            await Page.Locator(".mud-popover-open").GetByText(label, new() { Exact = true }).ClickAsync();
        }

        // A click outside closes the list (Escape would close the whole dialog).
        await Page.Locator(".mud-dialog-title").ClickAsync(new() { Force = true });
    }

    public Task SaveChannelAsync() => Dialog.GetByTestId("channel-save").ClickAsync();

    private async Task PickAsync(string select, string item)
    {
        await Dialog.Locator(".mud-input-control.mud-select").Filter(new() { HasText = select }).First.ClickAsync();
        await Page.Locator(".mud-popover-open").GetByText(item, new() { Exact = true }).ClickAsync();
    }
}
