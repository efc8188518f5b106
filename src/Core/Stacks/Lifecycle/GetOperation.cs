using Microsoft.EntityFrameworkCore;
using Paddock.Core.Common;
using Paddock.Core.Identity;

namespace Paddock.Core.Stacks;

/// <summary>One operation of a stack with its whole step log: what an integration follows after it asked for a change.</summary>
public static class GetOperation
{
    public sealed record Query(Guid ProjectId, Guid StackId, Guid OperationId);

    public sealed class Handler(HandlerContext ctx)
    {
        public async Task<Result<OperationDto>> HandleAsync(Query query, CancellationToken ct)
        {
            if (await ctx.Access.DemandAsync(Permission.StacksRead, query.ProjectId, ct) is { } denied)
            {
                return denied;
            }

            var row = await (
                from o in ctx.Db.Operations.AsNoTracking()
                join u in ctx.Db.Users on o.RequestedBy equals u.Id into requesters
                from requester in requesters.DefaultIfEmpty()
                where o.Id == query.OperationId && o.StackId == query.StackId && o.ProjectId == query.ProjectId
                select new { o, By = requester == null ? "system" : requester.Email }).FirstOrDefaultAsync(ct);
            if (row is null)
            {
                return NotFoundError.For("Operation", query.OperationId);
            }

            return ToDto(row.o, row.By, await StepsAsync(ctx.Db, row.o.Id, ct));
        }
    }

    internal static Task<List<StepDto>> StepsAsync(IPaddockDbContext db, Guid operationId, CancellationToken ct) =>
        db.OperationSteps.AsNoTracking()
            .Where(s => s.OperationId == operationId)
            .OrderBy(s => s.Id)
            .Select(s => new StepDto(s.At, s.Level, s.Resource, s.Action, s.Status, s.Message))
            .ToListAsync(ct);

    /// <param name="steps">The step log, or null when it was not read (older operations in a stack's list).</param>
    internal static OperationDto ToDto(Operation o, string requestedBy, IReadOnlyList<StepDto>? steps) =>
        new(o.Id, o.Kind, o.Status, o.Parameters, o.Plan, o.PlanHash, requestedBy, o.CreatedAt, o.StartedAt, o.FinishedAt, o.Error,
            steps is not null ? steps.Count(s => s.Status == "Succeeded") : o.Status == OperationStatus.Succeeded ? o.StepsTotal : 0,
            o.StepsTotal, steps ?? []);
}
