using Hangfire;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.SignalR;
using MudBlazor.Services;
using Paddock.Core.Common;
using Paddock.Core.Identity;
using Paddock.Data;
using Paddock.Web.Common;
using Paddock.Web.Identity;
using Paddock.Web.Identity.Tokens;

namespace Paddock.Web.Hosting;

internal static class WebRegistration
{
    /// <summary>ConnectionStrings:Paddock, or a private PostgreSQL cluster started (and later stopped) for this process.</summary>
    public static async Task<(string ConnectionString, EmbeddedPostgres? Embedded)> ResolveDatabaseAsync(this WebApplicationBuilder builder)
    {
        if (builder.Configuration.GetConnectionString("Paddock") is { Length: > 0 } configured)
        {
            return (configured, null);
        }

        using var loggerFactory = LoggerFactory.Create(logging => logging.AddConsole());
        var embedded = await EmbeddedPostgres.StartAsync(builder.Configuration, loggerFactory.CreateLogger<EmbeddedPostgres>(), CancellationToken.None);
        return (embedded.ConnectionString, embedded);
    }

    /// <summary>Docker:Host, the machine's engine, or a private dockerd this process starts (see <see cref="EmbeddedDocker"/>).</summary>
    public static async Task<EmbeddedDocker?> ResolveDockerAsync(this WebApplicationBuilder builder)
    {
        using var loggerFactory = LoggerFactory.Create(logging => logging.AddConsole());
        var embedded = await EmbeddedDocker.StartIfNeededAsync(builder.Configuration, loggerFactory.CreateLogger<EmbeddedDocker>(), CancellationToken.None);
        if (embedded is not null)
        {
            builder.Configuration["Docker:Host"] = embedded.Host;
        }

        return embedded;
    }

    public static IServiceCollection AddPaddockIdentity(this IServiceCollection services)
    {
        services.AddHttpContextAccessor();
        services.AddScoped<CurrentUser>();
        services.AddScoped<ICurrentUser>(sp => sp.GetRequiredService<CurrentUser>());
        services.AddIdentityCore<PaddockUser>(options =>
            {
                options.User.RequireUniqueEmail = true;
                options.Password.RequiredLength = 10;
                options.Password.RequireDigit = true;
                options.Password.RequireLowercase = true;
                options.Password.RequireUppercase = true;
                options.Password.RequireNonAlphanumeric = false;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.Lockout.AllowedForNewUsers = true;
            })
            .AddEntityFrameworkStores<PaddockDbContext>()
            .AddSignInManager<PaddockSignInManager>()
            .AddDefaultTokenProviders();

        // Disabled users lose their sessions within a minute: the stamp changes when they are disabled.
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));
        services.AddAuthentication(ApiTokenAuthentication.PolicyScheme).AddPaddockTokens().AddIdentityCookies();
        services.ConfigureApplicationCookie(cookie =>
        {
            cookie.LoginPath = "/account/sign-in";
            cookie.AccessDeniedPath = "/account/sign-in";
            cookie.Cookie.Name = "paddock.auth";
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Lax;
            cookie.ExpireTimeSpan = TimeSpan.FromHours(12);
            cookie.SlidingExpiration = true;
            // The API answers 401/403 with a status, never a redirect to an HTML page.
            cookie.Events.OnRedirectToLogin = context => ApiAwareRedirect(context, StatusCodes.Status401Unauthorized);
            cookie.Events.OnRedirectToAccessDenied = context => ApiAwareRedirect(context, StatusCodes.Status403Forbidden);
        });
        services.AddAuthorization();
        services.AddCascadingAuthenticationState();
        services.AddScoped<AuthenticationStateProvider, RevalidatingIdentityStateProvider>();
        return services;
    }

    public static IServiceCollection AddPaddockUi(this IServiceCollection services)
    {
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddMudServices(config =>
        {
            config.SnackbarConfiguration.PositionClass = MudBlazor.Defaults.Classes.Position.BottomRight;
            config.SnackbarConfiguration.VisibleStateDuration = 4000;
        });
        services.AddScoped<CircuitClient>();
        services.AddScoped<UiActions>();
        services.AddScoped<Approvals.Pages.ApprovalsCounter>();
        return services;
    }

    /// <summary>SignalR; with ConnectionStrings:Redis, a Redis backplane so every web node sees every update.</summary>
    public static IServiceCollection AddPaddockLiveUpdates(this IServiceCollection services, IConfiguration configuration)
    {
        var signalR = services.AddSignalR().AddHubOptions<Live.LiveHub>(o => o.AddFilter<Live.ClientGoneFilter>());
        if (configuration.GetConnectionString("Redis") is { Length: > 0 } redis)
        {
            signalR.AddStackExchangeRedis(redis, options => options.Configuration.ChannelPrefix = StackExchange.Redis.RedisChannel.Literal("paddock"));
        }

        return services;
    }

    public static IServiceCollection AddPaddockApi(this IServiceCollection services)
    {
        services.AddProblemDetails();
        services.AddExceptionHandler<PaddockExceptionHandler>();
        // Outside Development a value that does not bind (?limit=ten, a malformed body) would be a bare 400; thrown, the
        // exception handler turns it into ProblemDetails that name the field.
        services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddOpenApi("v1", options => Api.OpenApiConventions.AddPaddockConventions(options));
        services.ConfigureHttpJsonOptions(json =>
            json.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter()));
        return services;
    }

    private static Task ApiAwareRedirect(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api") || context.Request.Path.StartsWithSegments("/health") || context.Request.Path.StartsWithSegments("/hubs"))
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        }

        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }

    public static void MapJobsDashboard(this WebApplication app) =>
        app.UseHangfireDashboard("/jobs", new DashboardOptions
        {
            AsyncAuthorization = [new OwnerDashboardFilter()],
            DashboardTitle = "Paddock jobs",
            AppPath = "/",
        });
}
