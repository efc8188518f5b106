using Microsoft.EntityFrameworkCore;
using Paddock.Core.Common;
using Paddock.Core.Identity;

namespace Paddock.Core.Stacks;

public static class ExtendStack
{
    /// <summary>Sets the stack to expire <paramref name="Hours"/> from now, capped by its environment's maximum time to live.</summary>
    public sealed record Command(Guid ProjectId, Guid StackId, double Hours);

    public sealed class Handler(HandlerContext ctx)
    {
        public async Task<Result<DateTimeOffset>> HandleAsync(Command command, CancellationToken ct)
        {
            var stack = await ctx.Db.Stacks.FirstOrDefaultAsync(s => s.Id == command.StackId && s.ProjectId == command.ProjectId, ct);
            if (stack is null)
            {
                return await ctx.Access.DemandAsync(Permission.StacksRead, command.ProjectId, ct) ?? NotFoundError.For("Stack", command.StackId);
            }

            var isOwner = stack.OwnerId == ctx.User.UserId && await ctx.Access.HasAsync(Permission.StacksLaunch, command.ProjectId, ct);
            if (!isOwner && await ctx.Access.DemandAsync(Permission.StacksOperate, command.ProjectId, ct) is { } denied)
            {
                return denied;
            }

            if (command.Hours is <= 0 or > 24 * 365)
            {
                return ValidationError.For("hours", "Extend by a positive number of hours, at most a year.");
            }

            var environment = await ctx.Db.Environments.AsNoTracking().FirstAsync(e => e.Id == stack.EnvironmentId, ct);
            var ttl = environment.EffectiveTtl(TimeSpan.FromHours(command.Hours))!.Value;
            stack.Extend(ctx.Now + ttl);
            await ctx.Db.SaveChangesAsync(ct);
            return stack.ExpiresAt!.Value;
        }
    }
}
