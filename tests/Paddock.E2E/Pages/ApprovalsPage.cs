using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Paddock.E2E.Pages;

/// <summary>The approvals inbox: requests on the left, the chosen one's plan, cost and approvals on the right.</summary>
public sealed class ApprovalsPage(IPage page) : AppPage(page)
{
    public ILocator Rows => Page.GetByTestId("approval-row");

    public ILocator Details => Page.GetByTestId("approval-details");

    public ILocator Status => Page.GetByTestId("approval-status");

    public ILocator NavCount => Page.GetByTestId("approvals-count");

    public ILocator Change(string resource, string action) => Details.Locator($"[data-testid=plan-change][data-resource='{resource}'][data-action='{action}']");

    public static async Task<ApprovalsPage> OpenAsync(IPage page)
    {
        await page.GotoAsync("/approvals");
        var approvals = new ApprovalsPage(page);
        await approvals.WaitForCircuitAsync();
        await Expect(approvals.Heading).ToHaveTextAsync("Approvals");
        return approvals;
    }

    public Task ApproveAsync() => Page.GetByTestId("approve").ClickAsync();

    public async Task RejectAsync(string reason)
    {
        await Page.GetByTestId("decision-reason").FillAsync(reason);
        await Page.GetByTestId("reject").ClickAsync();
    }
}
