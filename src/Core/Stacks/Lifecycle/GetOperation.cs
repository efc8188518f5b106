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

            var row = await WithRequester(ctx.Db)
                .FirstOrDefaultAsync(r => r.Operation.Id == query.OperationId && r.Operation.StackId == query.StackId && r.Operation.ProjectId == query.ProjectId, ct);
            if (row is null)
            {
                return NotFoundError.For("Operation", query.OperationId);
            }

            return ToDto(row, await StepsAsync(ctx.Db, row.Operation.Id, ct));
        }
    }

    /// <summary>An operation with the e-mail of whoever asked for it; "system" when no person did (the TTL reaper, auto-heal).</summary>
    internal sealed class Row
    {
        public required Operation Operation { get; init; }

        public required string? RequestedBy { get; init; }
    }

    internal static IQueryable<Row> WithRequester(IPaddockDbContext db) =>
        from o in db.Operations.AsNoTracking()
        join u in db.Users on o.RequestedBy equals u.Id into requesters
        from requester in requesters.DefaultIfEmpty()
        select new Row { Operation = o, RequestedBy = requester == null ? "system" : requester.Email };

    internal static Task<List<StepDto>> StepsAsync(IPaddockDbContext db, Guid operationId, CancellationToken ct) =>
        db.OperationSteps.AsNoTracking()
            .Where(s => s.OperationId == operationId)
            .OrderBy(s => s.Id)
            .Select(s => new StepDto(s.At, s.Level, s.Resource, s.Action, s.Status, s.Message))
            .ToListAsync(ct);

    /// <param name="steps">The step log, or null when it was not read (older operations in a stack's list).</param>
    internal static OperationDto ToDto(Row row, IReadOnlyList<StepDto>? steps)
    {
        var o = row.Operation;
        return new(o.Id, o.Kind, o.Status, o.Parameters, o.Plan, o.PlanHash, row.RequestedBy, o.CreatedAt, o.StartedAt, o.FinishedAt, o.Error,
            steps is not null ? steps.Count(s => s.Status == "Succeeded") : o.Status == OperationStatus.Succeeded ? o.StepsTotal : 0,
            o.StepsTotal, steps ?? []);
    }
}
