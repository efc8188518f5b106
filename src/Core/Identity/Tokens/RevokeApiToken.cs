using Microsoft.EntityFrameworkCore;
using Paddock.Core.Common;

namespace Paddock.Core.Identity.Tokens;

public static class RevokeApiToken
{
    public sealed record Command(Guid TokenId, Guid? ProjectId = null, Guid? ServiceAccountId = null);

    public sealed class Handler(HandlerContext ctx)
    {
        public async Task<Result<ApiTokenDto>> HandleAsync(Command command, CancellationToken ct)
        {
            if (ctx.User.UserId is not { } callerId)
            {
                return new ForbiddenError("Sign in to revoke API tokens.");
            }

            ApiToken? token;
            if (command.ServiceAccountId is { } serviceAccountId)
            {
                if (await ctx.Access.DemandAsync(Permission.MembersManage, command.ProjectId ?? Guid.Empty, ct) is { } denied)
                {
                    return denied;
                }

                token = await ctx.Db.ApiTokens.FirstOrDefaultAsync(
                    t => t.Id == command.TokenId && t.ServiceAccountId == serviceAccountId && t.ProjectId == command.ProjectId, ct);
            }
            else
            {
                // Someone else's token is reported as missing: ids do not tell what exists.
                token = await ctx.Db.ApiTokens.FirstOrDefaultAsync(t => t.Id == command.TokenId && t.UserId == callerId && t.ServiceAccountId == null, ct);
            }

            if (token is null)
            {
                return NotFoundError.For("API token", command.TokenId);
            }

            token.Revoke(ctx.Now);
            await ctx.Db.SaveChangesAsync(ct);
            return ApiTokenDto.From(token, ctx.Now);
        }
    }
}
