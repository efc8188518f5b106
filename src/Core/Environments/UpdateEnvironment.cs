using Microsoft.EntityFrameworkCore;
using Paddock.Core.Common;
using Paddock.Core.Identity;

namespace Paddock.Core.Environments;

public static class UpdateEnvironment
{
    public sealed record Command(Guid ProjectId, Guid EnvironmentId, EnvironmentSettings Settings, uint? ExpectedVersion = null);

    public sealed class Handler(HandlerContext ctx)
    {
        public async Task<Result<EnvironmentDto>> HandleAsync(Command command, CancellationToken ct)
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

            if (command.ExpectedVersion is { } expected && expected != environment.Version)
            {
                return new PreconditionFailedError("The environment was changed by someone else; reload and try again.");
            }

            if (await EnvironmentRules.ValidateAsync(ctx.Db, command.ProjectId, environment.Id, command.Settings, ct) is { } invalid)
            {
                return invalid;
            }

            environment.Apply(command.Settings);
            await ctx.Db.SaveChangesAsync(ct);
            return EnvironmentDto.From(environment);
        }
    }
}
