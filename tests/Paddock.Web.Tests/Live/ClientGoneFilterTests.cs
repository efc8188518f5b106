using System.Security.Claims;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection;
using Paddock.Web.Live;

namespace Paddock.Web.Tests.Live;

public sealed class ClientGoneFilterTests
{
    [Fact]
    public async Task A_call_cancelled_because_its_client_left_ends_quietly()
    {
        using var left = new CancellationTokenSource();
        await left.CancelAsync();

        var result = await new ClientGoneFilter().InvokeMethodAsync(Invocation(left.Token), _ => throw new OperationCanceledException(left.Token));

        Assert.Null(result);
    }

    [Fact]
    public async Task A_cancellation_while_the_client_is_still_there_is_still_an_error()
    {
        await Assert.ThrowsAsync<OperationCanceledException>(async () =>
            await new ClientGoneFilter().InvokeMethodAsync(Invocation(CancellationToken.None), _ => throw new OperationCanceledException()));
    }

    [Fact]
    public async Task A_refusal_reaches_the_client_even_when_it_is_leaving()
    {
        using var left = new CancellationTokenSource();
        await left.CancelAsync();

        var refused = await Assert.ThrowsAsync<HubException>(async () =>
            await new ClientGoneFilter().InvokeMethodAsync(Invocation(left.Token), _ => throw new HubException("not yours")));
        Assert.Equal("not yours", refused.Message);
    }

    [Fact]
    public async Task An_answer_passes_through()
    {
        var result = await new ClientGoneFilter().InvokeMethodAsync(Invocation(CancellationToken.None), _ => ValueTask.FromResult<object?>("joined"));

        Assert.Equal("joined", result);
    }

    private static HubInvocationContext Invocation(CancellationToken connectionAborted) =>
        new(new Caller(connectionAborted), new ServiceCollection().BuildServiceProvider(), new EmptyHub(),
            typeof(EmptyHub).GetMethod(nameof(EmptyHub.Join))!, []);

    private sealed class EmptyHub : Hub
    {
        public static void Join()
        {
        }
    }

    private sealed class Caller(CancellationToken connectionAborted) : HubCallerContext
    {
        public override string ConnectionId => "connection";

        public override string? UserIdentifier => null;

        public override ClaimsPrincipal? User => null;

        public override IDictionary<object, object?> Items { get; } = new Dictionary<object, object?>();

        public override IFeatureCollection Features { get; } = new FeatureCollection();

        public override CancellationToken ConnectionAborted => connectionAborted;

        public override void Abort()
        {
        }
    }
}
