using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Paddock.Core.Common;

namespace Paddock.Core.Approvals;

public sealed record LinkView(Guid LinkId, bool Approve, DateTimeOffset ExpiresAt, ApprovalDetails Request);

/// <summary>
/// Signed links from Slack and e-mail: the page opens one (the approver signed in), shows the request, and decides on
/// confirmation. A link that was altered, used, has expired, or was made for a plan that has since changed is refused.
/// </summary>
public static class ApprovalLinks
{
    public sealed record Open(string Token);

    public sealed record Decide(string Token, string? Reason);

    public sealed class OpenHandler(HandlerContext ctx, IApprovalLinkProtector protector)
    {
        public async Task<Result<LinkView>> HandleAsync(Open query, CancellationToken ct)
        {
            var checkedLink = await CheckAsync(ctx, protector, query.Token, tracking: false, ct);
            if (!checkedLink.IsSuccess)
            {
                return checkedLink.Error!;
            }

            var (link, request) = checkedLink.Value;
            return new LinkView(link.Id, link.Approve, link.ExpiresAt, await GetApproval.DetailsAsync(ctx, request, ct));
        }
    }

    public sealed class Handler(HandlerContext ctx, IApprovalLinkProtector protector, DecideApproval.Handler decide)
    {
        public async Task<Result<DecisionResult>> HandleAsync(Decide command, CancellationToken ct)
        {
            var checkedLink = await CheckAsync(ctx, protector, command.Token, tracking: true, ct);
            if (!checkedLink.IsSuccess)
            {
                return checkedLink.Error!;
            }

            var (link, request) = checkedLink.Value;
            if (ctx.User.UserId is not { } userId)
            {
                return new ForbiddenError("Sign in to decide.");
            }

            // Saved together with the decision: a refused decision leaves the link usable, two uses at once conflict on its row version.
            link.Use(userId, ctx.Now);
            return await decide.HandleAsync(new DecideApproval.Command(request.ProjectId, request.Id, link.Approve, command.Reason, link.PlanHash, "link"), ct);
        }
    }

    private static async Task<Result<(ApprovalLink Link, ApprovalRequest Request)>> CheckAsync(HandlerContext ctx, IApprovalLinkProtector protector, string token,
        bool tracking, CancellationToken ct)
    {
        var invalid = new ConflictError("This approval link is not valid: it was altered, or it was not made by this Paddock.");
        if (string.IsNullOrWhiteSpace(token) || protector.Unprotect(token) is not { } linkId)
        {
            return invalid;
        }

        var links = tracking ? ctx.Db.ApprovalLinks : ctx.Db.ApprovalLinks.AsNoTracking();
        var link = await links.FirstOrDefaultAsync(l => l.Id == linkId, ct);
        if (link is null)
        {
            return invalid;
        }

        var request = await ctx.Db.ApprovalRequests.AsNoTracking().FirstAsync(r => r.Id == link.RequestId, ct);
        if (await ctx.Access.DemandAsync(Identity.Permission.StacksRead, request.ProjectId, ct) is { } denied)
        {
            return denied;
        }

        if (link.UsedAt is { } used)
        {
            return new ConflictError(string.Create(CultureInfo.InvariantCulture,
                $"This approval link was already used ({used:yyyy-MM-dd HH:mm} UTC); each link works once. Open the request in the approvals inbox."));
        }

        if (link.ExpiresAt <= ctx.Now)
        {
            return new ConflictError(string.Create(CultureInfo.InvariantCulture,
                $"This approval link expired at {link.ExpiresAt:yyyy-MM-dd HH:mm} UTC. Open the request in the approvals inbox."));
        }

        if (!request.IsPending)
        {
            return new ConflictError($"This request is already {request.Status.ToString().ToLowerInvariant()}: nothing to decide.");
        }

        if (link.PlanHash != request.PlanHash)
        {
            return new ConflictError("The plan changed since this link was sent: open the request in the approvals inbox and review the new plan.");
        }

        return (link, request);
    }
}
