using Hangfire;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Paddock.Core.Events;
using Paddock.Core.Notifications;

namespace Paddock.Workers.Notifications;

public static class NotificationsRegistration
{
    public const string DispatchJobId = "notifications.dispatch";

    /// <summary>Senders (Slack, e-mail, SMS, webhooks) and the dispatcher; the pump too where <c>Paddock:Notifications:Pump</c> (default) and jobs run.</summary>
    public static IServiceCollection AddPaddockNotifications(this IServiceCollection services, IConfiguration configuration, bool runsJobs)
    {
        services.Configure<NotificationOptions>(configuration.GetSection("Paddock:Notifications"));
        services.Configure<SmtpOptions>(configuration.GetSection("Paddock:Smtp"));
        var timeout = configuration.GetValue("Paddock:Notifications:HttpTimeoutSeconds", 10);
        var blocked = configuration.GetSection("Paddock:Notifications:BlockedNetworks").Get<string[]>() ?? [.. OutboundGuard.DefaultBlockedNetworks];
        var guard = new OutboundGuard(blocked);
        services.AddHttpClient(HttpSend.ClientName, client =>
        {
            client.Timeout = TimeSpan.FromSeconds(timeout);
            client.DefaultRequestHeaders.UserAgent.ParseAdd("Paddock-Notifications/1.0");
        })
            // Redirects are not followed: a delivery goes to the URL its admin saved, and a 3xx counts as a failed attempt.
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { ConnectCallback = guard.ConnectAsync, AllowAutoRedirect = false });
        services.TryAddScoped<INotificationSender, NotificationSender>();
        services.TryAddScoped<WebhookSender>();
        services.TryAddScoped<DeliveryDispatcher>();
        services.TryAddSingleton<ILiveUpdates, ChannelLiveUpdates>();
        services.TryAddScoped<DeliverySender>();
        services.TryAddScoped<DispatchNotificationsJob>();
        if (runsJobs && configuration.GetValue("Paddock:Notifications:Pump", true))
        {
            services.AddHostedService<DeliveryPump>();
        }

        return services;
    }

    public static void RegisterRecurringJobs(IRecurringJobManager jobs) =>
        jobs.AddOrUpdate<DispatchNotificationsJob>(DispatchJobId, "default", job => job.RunAsync(CancellationToken.None), Cron.Minutely());
}
