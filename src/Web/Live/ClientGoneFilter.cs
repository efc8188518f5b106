using Microsoft.AspNetCore.SignalR;

namespace Paddock.Web.Live;

/// <summary>
/// A hub call whose client left while it ran (a page navigated away during its JoinProject) is cancelled through
/// <see cref="HubCallerContext.ConnectionAborted"/>. Nobody is waiting for its answer, so it is not an error. Without
/// this filter SignalR logs each one at Error level with a stack trace, and operators learn to ignore errors.
/// </summary>
internal sealed class ClientGoneFilter : IHubFilter
{
    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        try
        {
            return await next(invocationContext);
        }
        catch (OperationCanceledException) when (invocationContext.Context.ConnectionAborted.IsCancellationRequested)
        {
            return null;
        }
    }
}
