using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Paddock.Web.Common;

/// <summary>
/// Unexpected failures become ProblemDetails without internals. A unique-key race that slipped past a handler's own
/// check is a conflict, not a server error; a concurrent edit is a 412.
/// </summary>
internal sealed partial class PaddockExceptionHandler(IProblemDetailsService problems, ILogger<PaddockExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is BadHttpRequestException unreadable && UnboundParameter().Match(unreadable.Message) is { Success: true } unbound)
        {
            // A query value of the wrong type ("?limit=ten") names its field like every other bad input, not just the request.
            // Named as the JSON names it: an [AsParameters] record's "Limit" is the query's "limit".
            var field = System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(unbound.Groups["name"].Value);
            var type = unbound.Groups["type"].Value.TrimEnd('?');
            await TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                [field] = [$"'{unbound.Groups["value"].Value}' is not {(type is "int" or "long" ? "a whole number" : $"a valid {type}")}."],
            }).ExecuteAsync(httpContext);
            return true;
        }

        var (status, title) = exception switch
        {
            DbUpdateConcurrencyException => (StatusCodes.Status412PreconditionFailed, "The resource was changed by someone else; reload and try again."),
            DbUpdateException { InnerException: PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } } => (StatusCodes.Status409Conflict, "A resource with the same name already exists."),
            BadHttpRequestException bad => (bad.StatusCode, "The request could not be read."),
            OperationCanceledException when httpContext.RequestAborted.IsCancellationRequested => (499, "The client closed the request."),
            _ => (StatusCodes.Status500InternalServerError, "An unexpected error occurred."),
        };
        if (status >= 500)
        {
            logger.LogError(exception, "Unhandled exception for {Method} {Path}", httpContext.Request.Method, httpContext.Request.Path);
        }

        httpContext.Response.StatusCode = status;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = { Status = status, Title = title, Detail = exception is BadHttpRequestException ? exception.Message : null },
        });
    }

    /// <summary>ASP.NET Core's message for a route or query value that does not parse: <c>Failed to bind parameter "int? wait" from "soon".</c></summary>
    [GeneratedRegex("""^Failed to bind parameter "(?<type>[^"]+) (?<name>\w+)" from "(?<value>.*)"\.$""")]
    private static partial Regex UnboundParameter();
}
