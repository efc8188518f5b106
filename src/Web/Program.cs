using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Paddock.Core;
using Paddock.Core.Stacks;
using Paddock.Data;
using Paddock.Web.Api;
using Paddock.Web.Approvals;
using Paddock.Web.Audit;
using Paddock.Web.Blueprints;
using Paddock.Web.Budgets;
using Paddock.Web.Components;
using Paddock.Web.Environments;
using Paddock.Web.Hosting;
using Paddock.Web.Identity;
using Paddock.Web.Identity.Tokens;
using Paddock.Web.Live;
using Paddock.Web.Notifications;
using Paddock.Web.Projects;
using Paddock.Web.Providers;
using Paddock.Web.Stacks;
using Paddock.Web.Users;
using Paddock.Workers.Governance;
using Paddock.Workers.Jobs;
using Paddock.Workers.Notifications;
using Paddock.Workers.Stacks;
using Scalar.AspNetCore;

var builder = WebApplication.CreateBuilder(args);
builder.WebHost.UseUrls(builder.Configuration["Paddock:Urls"] ?? "http://127.0.0.1:5080");
// Serve the build's static web assets (MudBlazor's CSS and JS) in every environment when run from bin/;
// a published app has no manifest and serves wwwroot as usual.
builder.WebHost.UseStaticWebAssets();

var (connectionString, embeddedPostgres) = await builder.ResolveDatabaseAsync();
var embeddedDocker = await builder.ResolveDockerAsync();

builder.Services.AddPaddockCore();
builder.Services.AddPaddockData(connectionString);
builder.Services.AddPaddockIdentity();
builder.Services.AddPaddockUi();
builder.Services.AddPaddockApi();
builder.Services.AddPaddockRateLimiting(builder.Configuration);
builder.Services.AddPaddockJobStorage(connectionString, builder.Configuration);
if (builder.Configuration.GetValue("Paddock:Jobs:Embedded", true))
{
    builder.Services.AddPaddockJobServer(builder.Configuration);
}

builder.Services.AddSingleton<StackEventBus>();
builder.Services.AddSingleton<IStackEvents>(sp => sp.GetRequiredService<StackEventBus>());
builder.Services.AddSingleton<OperationWait>();
builder.Services.AddPaddockStacks(builder.Configuration);
builder.Services.AddPaddockNotifications(builder.Configuration, runsJobs: builder.Configuration.GetValue("Paddock:Jobs:Embedded", true));
builder.Services.AddPaddockGovernance(builder.Configuration);

builder.Services.AddPaddockLiveUpdates(builder.Configuration);
builder.Services.AddPaddockLive();
builder.Services.AddHealthChecks()
    .AddDbContextCheck<PaddockDbContext>("database", tags: ["ready"])
    .AddCheck<HangfireHealthCheck>("jobs", tags: ["ready"]);

var app = builder.Build();

if (embeddedDocker is not null)
{
    app.Lifetime.ApplicationStopped.Register(embeddedDocker.Stop);
}

if (embeddedPostgres is not null)
{
    app.Lifetime.ApplicationStopped.Register(() => embeddedPostgres.StopAsync().GetAwaiter().GetResult());
}

try
{
    if (app.Configuration.GetValue("Paddock:MigrateOnStart", true))
    {
        await StartupTasks.MigrateAsync(app.Services, app.Lifetime.ApplicationStopping);
    }

    if (app.Configuration.GetValue("Paddock:MigrateOnly", false))
    {
        // The one-shot `migrate` service of docker-compose.yml: migrate, then exit.
        return;
    }

    await StartupTasks.SeedAdministratorAsync(app.Services, app.Configuration, TimeProvider.System, app.Lifetime.ApplicationStopping);
    await StacksRegistration.SeedDefaultAccountAsync(app.Services, app.Configuration, app.Lifetime.ApplicationStopping);
    StacksRegistration.RegisterRecurringJobs(app.Services.GetRequiredService<Hangfire.IRecurringJobManager>());
    NotificationsRegistration.RegisterRecurringJobs(app.Services.GetRequiredService<Hangfire.IRecurringJobManager>());
    await StartupTasks.PrepareEngineAsync(app.Services, app.Logger, app.Lifetime.ApplicationStopping);
}
catch when (embeddedPostgres is not null)
{
    await embeddedPostgres.StopAsync();
    throw;
}

app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseAuthentication();
app.UseAuthorization();
app.UseRateLimiter();
app.UseIdempotencyBuffering();
app.UseAntiforgery();

app.MapStaticAssets();
app.MapOpenApi("/api/v1/openapi.json");
app.MapScalarApiReference("/api/reference", options => options.WithTitle("Paddock API").WithOpenApiRoutePattern("/api/v1/openapi.json"));
app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") });
app.MapJobsDashboard();

app.MapAccountEndpoints();
app.MapProjectEndpoints();
app.MapEnvironmentEndpoints();
app.MapUserEndpoints();
app.MapAuditEndpoints();
app.MapBlueprintEndpoints();
app.MapStackEndpoints();
app.MapProviderAccountEndpoints();
app.MapNotificationEndpoints();
app.MapApprovalEndpoints();
app.MapBudgetEndpoints();
app.MapApiTokenEndpoints();
app.MapLiveHub();

app.MapRazorComponents<App>().AddInteractiveServerRenderMode();

await app.RunAsync();

/// <summary>The entry point, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
