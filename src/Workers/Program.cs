using Microsoft.AspNetCore.Identity;
using Paddock.Core;
using Paddock.Core.Common;
using Paddock.Core.Identity;
using Paddock.Data;
using Paddock.Workers.Governance;
using Paddock.Workers.Jobs;
using Paddock.Workers.Notifications;
using Paddock.Workers.Stacks;

namespace Paddock.Workers;

/// <summary>
/// The worker host: runs the same Hangfire jobs as the embedded web process, on its own node, against the same
/// PostgreSQL. Scale out by starting more of these. (A named class, not top-level statements, so its entry point
/// does not collide with the web app's Program.)
/// </summary>
internal static class WorkerProgram
{
    public static async Task Main(string[] args)
    {
        var builder = Host.CreateApplicationBuilder(args);
        var connectionString = builder.Configuration.GetConnectionString("Paddock")
            ?? throw new InvalidOperationException("ConnectionStrings:Paddock is required for the worker host.");

        builder.Services.AddSingleton<ICurrentUser>(SystemUser.Instance);
        builder.Services.AddPaddockCore();
        builder.Services.AddPaddockData(connectionString);
        // Core registers every handler, user handlers included; they need Identity's user manager to be resolvable
        // (the Development host validates every registration at start).
        builder.Services.AddIdentityCore<PaddockUser>().AddEntityFrameworkStores<PaddockDbContext>();
        builder.Services.AddPaddockJobStorage(connectionString, builder.Configuration);
        builder.Services.AddPaddockJobServer(builder.Configuration);
        builder.Services.AddPaddockStacks(builder.Configuration);
        builder.Services.AddPaddockNotifications(builder.Configuration, runsJobs: true);
        builder.Services.AddPaddockGovernance(builder.Configuration);

        var host = builder.Build();
        StacksRegistration.RegisterRecurringJobs(host.Services.GetRequiredService<Hangfire.IRecurringJobManager>());
        NotificationsRegistration.RegisterRecurringJobs(host.Services.GetRequiredService<Hangfire.IRecurringJobManager>());
        await host.RunAsync();
    }
}
