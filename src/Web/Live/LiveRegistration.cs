using Microsoft.AspNetCore.SignalR;
using Paddock.Core.Events;

namespace Paddock.Web.Live;

internal static class LiveRegistration
{
    /// <summary>The hub's fan-out, as <see cref="ILiveUpdates"/> for other features and as a hosted loop for stack events.</summary>
    public static IServiceCollection AddPaddockLive(this IServiceCollection services)
    {
        // Every web node hears every message over PostgreSQL NOTIFY and serves only its own connections: the hub must not
        // also fan out over the Redis backplane, or each client would get one copy per node.
        services.AddSingleton<HubLifetimeManager<LiveHub>, DefaultHubLifetimeManager<LiveHub>>();
        services.AddSingleton<LiveUpdates>();
        services.AddSingleton<ILiveUpdates>(sp => sp.GetRequiredService<LiveUpdates>());
        services.AddHostedService(sp => sp.GetRequiredService<LiveUpdates>());
        services.AddSingleton<LiveConnections>();
        services.AddHostedService<LiveAccessCheck>();
        return services;
    }

    public static void MapLiveHub(this IEndpointRouteBuilder app) => app.MapHub<LiveHub>(LiveHub.Path);
}
