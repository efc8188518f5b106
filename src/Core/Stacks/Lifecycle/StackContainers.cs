using Microsoft.EntityFrameworkCore;
using Paddock.Core.Common;
using Paddock.Core.Identity;

namespace Paddock.Core.Stacks;

/// <summary>A running container of a stack as the engine reports it now.</summary>
public sealed record ContainerDto(string Name, string? Service, int? Replica, ResourceState State, HealthState Health, string? Image,
    IReadOnlyList<PublishedPort> Ports, DateTimeOffset? CreatedAt);

/// <summary>
/// What the stack page shows next to the plan: the containers on the engine right now, and one container's log. Both ask the
/// engine, so they need only stacks.read and answer 503 when the engine does not.
/// </summary>
public static class StackContainers
{
    public const int MaxTail = 10_000;

    public sealed record Query(Guid ProjectId, Guid StackId);

    public sealed record LogsQuery(Guid ProjectId, Guid StackId, string Container, bool Follow, int? Tail);

    public sealed class Handler(HandlerContext ctx, IStackRuntime runtime)
    {
        public async Task<Result<IReadOnlyList<ContainerDto>>> HandleAsync(Query query, CancellationToken ct)
        {
            var found = await ObserveAsync(ctx, runtime, query.ProjectId, query.StackId, ct);
            return found.IsSuccess ? Result<IReadOnlyList<ContainerDto>>.Success(found.Value.Containers) : found.Error!;
        }

        /// <summary>The log lines, oldest first; with <see cref="LogsQuery.Follow"/> the sequence goes on until the container stops or the caller leaves.</summary>
        public async Task<Result<IAsyncEnumerable<string>>> HandleAsync(LogsQuery query, CancellationToken ct)
        {
            if (query.Tail is < 1 or > MaxTail)
            {
                return ValidationError.For("tail", $"tail must be between 1 and {MaxTail} lines.");
            }

            var found = await ObserveAsync(ctx, runtime, query.ProjectId, query.StackId, ct);
            if (!found.IsSuccess)
            {
                return found.Error!;
            }

            return found.Value.Containers.Any(c => c.Name == query.Container)
                ? Result<IAsyncEnumerable<string>>.Success(runtime.StreamLogsAsync(found.Value.Stack, query.Container, query.Follow, query.Tail, ct))
                : NotFoundError.For("Container", query.Container);
        }
    }

    private static async Task<Result<(StackIdentity Stack, IReadOnlyList<ContainerDto> Containers)>> ObserveAsync(HandlerContext ctx, IStackRuntime runtime,
        Guid projectId, Guid stackId, CancellationToken ct)
    {
        if (await ctx.Access.DemandAsync(Permission.StacksRead, projectId, ct) is { } denied)
        {
            return denied;
        }

        var name = await ctx.Db.Stacks.AsNoTracking().Where(s => s.Id == stackId && s.ProjectId == projectId).Select(s => s.Name).FirstOrDefaultAsync(ct);
        if (name is null)
        {
            return NotFoundError.For("Stack", stackId);
        }

        var identity = new StackIdentity(stackId, name);
        try
        {
            var observed = await runtime.ObserveAsync(identity, ct);
            return (identity, (IReadOnlyList<ContainerDto>)[.. observed.Containers.OrderBy(r => r.Name, StringComparer.Ordinal)
                .Select(r => new ContainerDto(r.Name, r.Service, r.Replica, r.State, r.Health, r.Image, r.Ports, r.CreatedAt))]);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return new UnavailableError($"The stack's engine did not answer: {e.Message}");
        }
    }
}
