using System.Globalization;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Paddock.Web.Identity.Tokens;

namespace Paddock.Web.Api;

/// <summary>
/// API calls are limited per caller: per token for token calls (each integration has its own budget), per user for
/// cookie sessions, per address for anonymous calls. Over the limit: 429 with Retry-After and a ProblemDetails body.
/// Pages and static files are not limited. Limits are per node (in memory).
/// </summary>
internal static class RateLimiting
{
    public static IServiceCollection AddPaddockRateLimiting(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection("Paddock:RateLimit");
        var permits = section.GetValue("PermitLimit", 600);
        var window = TimeSpan.FromSeconds(section.GetValue("WindowSeconds", 60));
        var enabled = section.GetValue("Enabled", true);
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http =>
                !enabled || !http.Request.Path.StartsWithSegments("/api")
                    ? RateLimitPartition.GetNoLimiter("unlimited")
                    : RateLimitPartition.GetFixedWindowLimiter(PartitionKey(http), _ => new FixedWindowRateLimiterOptions
                    {
                        PermitLimit = permits,
                        Window = window,
                        QueueLimit = 0,
                        AutoReplenishment = true,
                    }));
            options.OnRejected = async (context, ct) =>
            {
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : window;
                var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
                context.HttpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                var problems = context.HttpContext.RequestServices.GetRequiredService<IProblemDetailsService>();
                await problems.WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = context.HttpContext,
                    ProblemDetails =
                    {
                        Status = StatusCodes.Status429TooManyRequests,
                        Title = "Too many requests.",
                        Detail = $"This caller may make {permits} API calls per {window.TotalSeconds:0} s. Retry after {seconds} s.",
                    },
                });
            };
        });
        return services;
    }

    private static string PartitionKey(HttpContext http)
    {
        var user = http.User;
        if (user.FindFirstValue(ApiTokenAuthentication.TokenIdClaim) is { } token)
        {
            return "token:" + token;
        }

        if (user.FindFirstValue(ClaimTypes.NameIdentifier) is { } userId)
        {
            return "user:" + userId;
        }

        return "address:" + http.Connection.RemoteIpAddress;
    }
}
