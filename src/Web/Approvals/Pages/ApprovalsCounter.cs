using Paddock.Core.Approvals;
using Paddock.Web.Common;

namespace Paddock.Web.Approvals.Pages;

/// <summary>
/// The navigation badge's count for one circuit: refreshed on navigation and after a decision. The lead wires live
/// updates (SignalR project events) into <see cref="RefreshAsync"/> once that port exists.
/// </summary>
internal sealed class ApprovalsCounter(UiActions actions)
{
    public int Count { get; private set; }

    public event Action? Changed;

    public async Task RefreshAsync()
    {
        var result = await actions.RunAsync<CountPendingApprovals.Handler, int>(h => h.HandleAsync(new(), default));
        var count = result.IsSuccess ? result.Value : 0;
        if (count != Count)
        {
            Count = count;
            Changed?.Invoke();
        }
    }
}
