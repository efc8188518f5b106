using Microsoft.AspNetCore.Http.HttpResults;
using Paddock.Core.Common;

namespace Paddock.Web.Common;

/// <summary>The one mapping from handler results to HTTP: errors become ProblemDetails with field errors.</summary>
internal static class ResultHttpExtensions
{
    public static IResult ToHttpResult<T>(this Result<T> result) =>
        result.IsSuccess ? TypedResults.Ok(result.Value) : result.Error!.ToProblem();

    public static IResult ToCreatedResult<T>(this Result<T> result, Func<T, string> location) =>
        result.IsSuccess ? TypedResults.Created(location(result.Value), result.Value) : result.Error!.ToProblem();

    public static IResult ToNoContentResult<T>(this Result<T> result) =>
        result.IsSuccess ? TypedResults.NoContent() : result.Error!.ToProblem();

    public static ProblemHttpResult ToProblem(this Error error) => error switch
    {
        ValidationError v => TypedResults.Problem(new HttpValidationProblemDetails(
            v.Errors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()))
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "The request is invalid.",
            Detail = v.Message,
        }),
        NotFoundError => Problem(StatusCodes.Status404NotFound, "Not found.", error.Message),
        ForbiddenError => Problem(StatusCodes.Status403Forbidden, "Forbidden.", error.Message),
        ConflictError => Problem(StatusCodes.Status409Conflict, "Conflict.", error.Message),
        PreconditionFailedError => Problem(StatusCodes.Status412PreconditionFailed, "Precondition failed.", error.Message),
        UnavailableError => Problem(StatusCodes.Status503ServiceUnavailable, "Unavailable.", error.Message),
        _ => Problem(StatusCodes.Status400BadRequest, "The request failed.", error.Message),
    };

    private static ProblemHttpResult Problem(int status, string title, string detail) =>
        TypedResults.Problem(statusCode: status, title: title, detail: detail);
}
