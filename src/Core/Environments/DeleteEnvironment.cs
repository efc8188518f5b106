using Microsoft.EntityFrameworkCore;
using Paddock.Core.Common;
using Paddock.Core.Identity;

namespace Paddock.Core.Environments;

public static class DeleteEnvironment
{
    public sealed record Command(Guid ProjectId, Guid EnvironmentId);

    public sealed class Handler(HandlerContext ctx, IEnumerable<IEnvironmentUsage> usages)
    {
        public async Task<Result<Unit>> HandleAsync(Command command, CancellationToken ct)
        {
            if (await ctx.Access.DemandAsync(Permission.EnvironmentsManage, command.ProjectId, ct) is { } denied)
            {
                return denied;
            }

            var environment = await ctx.Db.Environments.FirstOrDefaultAsync(e => e.Id == command.EnvironmentId && e.ProjectId == command.ProjectId, ct);
            if (environment is null)
            {
                return NotFoundError.For("Environment", command.EnvironmentId);
            }

            foreach (var usage in usages)
            {
                if (await usage.DescribeUseAsync(environment.Id, ct) is { } inUse)
                {
                    return new ConflictError($"Environment '{environment.Name}' is in use: {inUse}.");
                }
            }

            ctx.Db.Environments.Remove(environment);
            await ctx.Db.SaveChangesAsync(ct);
            return Unit.Value;
        }
    }
}

/// <summary>Features that put things into an environment (stacks) say whether it is in use, so delete can refuse.</summary>
public interface IEnvironmentUsage
{
    /// <summary>A short description such as "3 running stacks", or null when unused.</summary>
    Task<string?> DescribeUseAsync(Guid environmentId, CancellationToken ct);
}
