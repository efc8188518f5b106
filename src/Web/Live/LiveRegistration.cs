using Paddock.Core.Events;

namespace Paddock.Web.Live;

internal static class LiveRegistration
{
    /// <summary>The hub's fan-out, as <see cref="ILiveUpdates"/> for other features and as a hosted loop for stack events.</summary>
    public static IServiceCollection AddPaddockLive(this IServiceCollection services)
    {
        services.AddSingleton<LiveUpdates>();
        services.AddSingleton<ILiveUpdates>(sp => sp.GetRequiredService<LiveUpdates>());
        services.AddHostedService(sp => sp.GetRequiredService<LiveUpdates>());
        return services;
    }

    public static void MapLiveHub(this IEndpointRouteBuilder app) => app.MapHub<LiveHub>(LiveHub.Path);
}
