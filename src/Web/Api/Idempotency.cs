using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Paddock.Core.Common;
using Paddock.Data;
using Paddock.Web.Common;

namespace Paddock.Web.Api;

/// <summary>
/// <c>Idempotency-Key</c> on POSTs that start work (launch, day-2, destroy). The first request with a key inserts a
/// row (a unique index on caller + key, so a parallel twin cannot also insert), runs, and stores its status and body;
/// a retry gets that answer again, the same key with another body gets 422, and a twin that arrives while the first
/// still runs gets 409 with Retry-After. Keys are kept for 24 hours. Runs after the permission check: a refused call
/// leaves no row.
/// </summary>
internal static class Idempotency
{
    public const string Header = "Idempotency-Key";

    public const string ReplayedHeader = "Idempotent-Replayed";

    private const int MaxKeyLength = 200;

    /// <summary>Request bodies of keyed POSTs are buffered so the filter can hash them after model binding read them.</summary>
    public static IApplicationBuilder UseIdempotencyBuffering(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (HttpMethods.IsPost(context.Request.Method) && context.Request.Headers.ContainsKey(Header))
            {
                context.Request.EnableBuffering();
            }

            await next(context);
        });

    public static TBuilder WithIdempotency<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder
    {
        builder.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            var key = http.Request.Headers[Header].ToString();
            if (key.Length == 0)
            {
                return await next(context);
            }

            if (key.Length > MaxKeyLength || key.Any(c => c is < '!' or > '~'))
            {
                return ValidationError.For(Header, $"{Header} must be 1 to {MaxKeyLength} visible ASCII characters, for example a UUID.").ToProblem();
            }

            if (http.RequestServices.GetRequiredService<Identity.CurrentUser>().UserId is not { } callerId)
            {
                return await next(context);
            }

            var db = http.RequestServices.GetRequiredService<PaddockDbContext>();
            var now = http.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
            var hash = await HashRequestAsync(http);
            if (!await TryStartAsync(db, callerId, key, hash, now, http.RequestAborted))
            {
                return await ReplayAsync(db, callerId, key, hash, http);
            }

            return await RunAndRecordAsync(context, next, db, callerId, key, now);
        });
        builder.WithMetadata(new IdempotentEndpointMetadata());
        return builder;
    }

    private static async Task<bool> TryStartAsync(PaddockDbContext db, Guid callerId, string key, string hash, DateTimeOffset now, CancellationToken ct)
    {
        var expired = now - IdempotentRequest.Retention;
        for (var attempt = 0; attempt < 2; attempt++)
        {
            var inserted = await db.Database.ExecuteSqlInterpolatedAsync(
                $"""
                INSERT INTO idempotent_requests (id, caller_id, key, request_hash, created_at)
                VALUES ({Guid.CreateVersion7()}, {callerId}, {key}, {hash}, {now})
                ON CONFLICT (caller_id, key) DO NOTHING
                """, ct);
            if (inserted == 1)
            {
                return true;
            }

            // A key older than the retention is forgotten: its row gives way to the new request.
            var removed = await db.Database.ExecuteSqlInterpolatedAsync(
                $"DELETE FROM idempotent_requests WHERE caller_id = {callerId} AND key = {key} AND created_at < {expired}", ct);
            if (removed == 0)
            {
                return false;
            }
        }

        return false;
    }

    private static async Task<object?> ReplayAsync(PaddockDbContext db, Guid callerId, string key, string hash, HttpContext http)
    {
        var first = await db.Set<IdempotentRequest>().AsNoTracking().FirstOrDefaultAsync(r => r.CallerId == callerId && r.Key == key, http.RequestAborted);
        if (first is null)
        {
            // The first request failed and gave its key back between our insert and this read: the client may retry.
            return Conflict(http, "The first request with this Idempotency-Key just failed; retry it.");
        }

        if (first.RequestHash != hash)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, title: "Idempotency-Key reused.",
                detail: $"This {Header} was already used with a different request. Use a new key for a new request.",
                extensions: new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]> { [Header] = ["used with a different request"] } });
        }

        if (first.CompletedAt is null || first.StatusCode is not { } status)
        {
            return Conflict(http, "A request with this Idempotency-Key is still running; retry it shortly to get its result.");
        }

        http.Response.StatusCode = status;
        http.Response.Headers[ReplayedHeader] = "true";
        if (first.Location is { } location)
        {
            http.Response.Headers.Location = location;
        }

        if (first.ResponseBody is { } body)
        {
            http.Response.ContentType = first.ContentType ?? "application/json";
            await http.Response.WriteAsync(body, http.RequestAborted);
        }

        return Results.Empty;
    }

    private static async Task<object?> RunAndRecordAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next, PaddockDbContext db,
        Guid callerId, string key, DateTimeOffset now)
    {
        var http = context.HttpContext;
        var original = http.Response.Body;
        using var buffer = new MemoryStream();
        http.Response.Body = buffer;
        int status;
        try
        {
            var result = await next(context);
            var asResult = result as IResult ?? (result is null ? Results.Empty : Results.Json(result));
            await asResult.ExecuteAsync(http);
            status = http.Response.StatusCode;
        }
        catch
        {
            http.Response.Body = original;
            await ForgetAsync(db, callerId, key);
            throw;
        }
        finally
        {
            http.Response.Body = original;
        }

        if (status >= 500)
        {
            // A server fault is not an answer worth repeating: the key is given back so a retry runs again.
            await ForgetAsync(db, callerId, key);
        }
        else
        {
            var body = System.Text.Encoding.UTF8.GetString(buffer.ToArray());
            var contentType = http.Response.ContentType;
            var location = http.Response.Headers.Location.ToString();
            await db.Set<IdempotentRequest>().Where(r => r.CallerId == callerId && r.Key == key)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(r => r.CompletedAt, now)
                    .SetProperty(r => r.StatusCode, status)
                    .SetProperty(r => r.ContentType, contentType)
                    .SetProperty(r => r.Location, location.Length == 0 ? null : location)
                    .SetProperty(r => r.ResponseBody, body), CancellationToken.None);
        }

        buffer.Position = 0;
        await buffer.CopyToAsync(original, http.RequestAborted);
        return Results.Empty;
    }

    private static Task<int> ForgetAsync(PaddockDbContext db, Guid callerId, string key) =>
        db.Database.ExecuteSqlInterpolatedAsync($"DELETE FROM idempotent_requests WHERE caller_id = {callerId} AND key = {key}", CancellationToken.None);

    private static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult Conflict(HttpContext http, string detail)
    {
        http.Response.Headers.RetryAfter = "1";
        return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Request in progress.", detail: detail);
    }

    private static async Task<string> HashRequestAsync(HttpContext http)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData(System.Text.Encoding.UTF8.GetBytes($"{http.Request.Method} {http.Request.Path}\n"));
        if (http.Request.Body.CanSeek)
        {
            http.Request.Body.Position = 0;
            var chunk = new byte[8192];
            int read;
            while ((read = await http.Request.Body.ReadAsync(chunk, http.RequestAborted)) > 0)
            {
                sha.AppendData(chunk, 0, read);
            }

            http.Request.Body.Position = 0;
        }

        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }
}

/// <summary>Marks endpoints that honour Idempotency-Key (the OpenAPI document describes the header on them).</summary>
internal sealed record IdempotentEndpointMetadata;
