using Paddock.Core.Identity;
using Paddock.Core.Stacks;
using Paddock.Web.Api;
using Paddock.Web.Common;
using Paddock.Web.Identity;

namespace Paddock.Web.Stacks;

internal static class StackEndpoints
{
    public static RouteGroupBuilder MapStackEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/projects/{projectId:guid}/stacks").WithTags("Stacks");
        group.MapGet("/", ListAsync).RequirePermission(Permission.StacksRead);
        group.MapPost("/plan", PreviewLaunchAsync).RequirePermission(Permission.StacksLaunch);
        group.MapPost("/", LaunchAsync).RequirePermission(Permission.StacksLaunch).WithIdempotency();
        group.MapGet("/{stackId:guid}", GetAsync).RequirePermission(Permission.StacksRead);
        // Day-2 permissions depend on the action and on who owns the stack: the handler decides.
        group.MapPost("/{stackId:guid}/operations", RequestAsync).RequirePermission(Permission.StacksRead).WithIdempotency();
        group.MapGet("/{stackId:guid}/operations/{operationId:guid}", GetOperationAsync).RequirePermission(Permission.StacksRead);
        group.MapPost("/{stackId:guid}/operations/plan", PreviewAsync).RequirePermission(Permission.StacksRead);
        group.MapPost("/{stackId:guid}/extend", ExtendAsync).RequirePermission(Permission.StacksRead);
        group.MapGet("/{stackId:guid}/containers", ContainersAsync).RequirePermission(Permission.StacksRead);
        group.MapGet("/{stackId:guid}/containers/{container}/logs", LogsAsync).RequirePermission(Permission.StacksRead)
            .Produces<string>(StatusCodes.Status200OK, "text/plain");
        return group;
    }

    private static async Task<IResult> ListAsync(Guid projectId, bool? includeDestroyed, StackStatus? status, string? environment, string? blueprint,
        [AsParameters] ListQuery page, ListStacks.Handler handler, CancellationToken ct) =>
        (await handler.HandleAsync(new(projectId, includeDestroyed ?? status == StackStatus.Destroyed), ct))
            .Map(stacks => (IReadOnlyList<StackSummary>)[.. stacks.Where(s => (status is null || s.Status == status)
                && (environment is null || string.Equals(s.Environment, environment, StringComparison.OrdinalIgnoreCase))
                && (blueprint is null || string.Equals(s.Blueprint, blueprint, StringComparison.OrdinalIgnoreCase)))])
            .ToPage(page, s => s.Id.ToString(), "-createdAt", new Dictionary<string, Func<StackSummary, string>>
            {
                ["createdAt"] = s => Paging.Date(s.CreatedAt),
                ["name"] = s => s.Name,
                ["expiresAt"] = s => s.ExpiresAt is { } at ? Paging.Date(at) : "~",
                ["status"] = s => s.Status.ToString(),
            });

    private static async Task<IResult> ContainersAsync(Guid projectId, Guid stackId, StackContainers.Handler handler, CancellationToken ct) =>
        (await handler.HandleAsync(new StackContainers.Query(projectId, stackId), ct)).ToHttpResult();

    /// <summary>Plain text, a line per log line; <c>follow=true</c> keeps the response open and streams new lines as they come.</summary>
    private static async Task<IResult> LogsAsync(Guid projectId, Guid stackId, string container, bool? follow, int? tail, StackContainers.Handler handler,
        CancellationToken ct)
    {
        var lines = await handler.HandleAsync(new StackContainers.LogsQuery(projectId, stackId, container, follow ?? false, tail), ct);
        if (!lines.IsSuccess)
        {
            return lines.Error!.ToProblem();
        }

        return TypedResults.Stream(async body =>
        {
            await foreach (var line in lines.Value.WithCancellation(ct))
            {
                await body.WriteAsync(System.Text.Encoding.UTF8.GetBytes(line + "\n"), ct);
                await body.FlushAsync(ct);
            }
        }, "text/plain; charset=utf-8");
    }

    private static async Task<IResult> PreviewLaunchAsync(Guid projectId, LaunchRequest request, LaunchStack.Handler handler, CancellationToken ct) =>
        (await handler.PreviewAsync(request.ToCommand(projectId), ct)).ToHttpResult();

    private static async Task<IResult> LaunchAsync(Guid projectId, LaunchRequest request, LaunchStack.Handler handler, CancellationToken ct) =>
        (await handler.HandleAsync(request.ToCommand(projectId), ct)).ToCreatedResult(r => $"/api/v1/projects/{projectId}/stacks/{r.StackId}");

    private static async Task<IResult> GetAsync(Guid projectId, Guid stackId, GetStack.Handler handler, CancellationToken ct) =>
        (await handler.HandleAsync(new(projectId, stackId), ct)).ToHttpResult();

    /// <summary><c>wait</c> (seconds) holds the answer until the operation has ended or the time is up, whichever comes first.</summary>
    private static async Task<IResult> GetOperationAsync(Guid projectId, Guid stackId, Guid operationId, int? wait, GetOperation.Handler handler,
        OperationWait waiting, CancellationToken ct)
    {
        if (wait is < 0 or > OperationWait.MaxSeconds)
        {
            return Core.Common.ValidationError.For("wait", $"Wait between 0 and {OperationWait.MaxSeconds} seconds; ask again to wait longer.").ToProblem();
        }

        var query = new GetOperation.Query(projectId, stackId, operationId);
        return (await waiting.ReadAsync(stackId, operationId, TimeSpan.FromSeconds(wait ?? 0), c => handler.HandleAsync(query, c), ct)).ToHttpResult();
    }

    private static async Task<IResult> RequestAsync(Guid projectId, Guid stackId, OperationRequest request, RequestOperation.Handler handler, CancellationToken ct)
    {
        if (request.Kind is not { } kind)
        {
            return MissingKind();
        }

        var result = await handler.HandleAsync(new(projectId, stackId, kind, request.Service, request.Replicas, request.Version, Reason: request.Reason), ct);
        return result.IsSuccess ? TypedResults.Accepted($"/api/v1/projects/{projectId}/stacks/{stackId}", result.Value) : result.Error!.ToProblem();
    }

    private static async Task<IResult> PreviewAsync(Guid projectId, Guid stackId, OperationRequest request, RequestOperation.Handler handler, CancellationToken ct)
    {
        if (request.Kind is not { } kind)
        {
            return MissingKind();
        }

        return (await handler.HandleAsync(new(projectId, stackId, kind, request.Service, request.Replicas, request.Version, PreviewOnly: true), ct)).ToHttpResult();
    }

    private static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult MissingKind() =>
        Core.Common.ValidationError.For("kind", "Say which operation: Update, Scale, Start, Stop, Restart, Destroy or Rollback.").ToProblem();

    private static async Task<IResult> ExtendAsync(Guid projectId, Guid stackId, ExtendRequest request, ExtendStack.Handler handler, CancellationToken ct) =>
        (await handler.HandleAsync(new(projectId, stackId, request.Hours ?? 0), ct)).ToHttpResult();
}

internal sealed record LaunchRequest(Guid? BlueprintId, int? Version, Guid? EnvironmentId, Dictionary<string, string>? Inputs, double? TtlHours, string? Name,
    string? Reason = null)
{
    public LaunchStack.Command ToCommand(Guid projectId) =>
        new(projectId, BlueprintId ?? Guid.Empty, Version, EnvironmentId ?? Guid.Empty, Inputs, TtlHours, Name, Reason);
}

/// <param name="Reason">Why, for the approvers when a policy makes it wait.</param>
internal sealed record OperationRequest(OperationKind? Kind, string? Service, int? Replicas, int? Version, string? Reason = null);

internal sealed record ExtendRequest(double? Hours);
