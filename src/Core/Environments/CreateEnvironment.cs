using Microsoft.EntityFrameworkCore;
using Paddock.Core.Common;
using Paddock.Core.Identity;

namespace Paddock.Core.Environments;

public static class CreateEnvironment
{
    public sealed record Command(Guid ProjectId, EnvironmentSettings Settings);

    public sealed class Handler(HandlerContext ctx)
    {
        public async Task<Result<EnvironmentDto>> HandleAsync(Command command, CancellationToken ct)
        {
            if (await ctx.Access.DemandAsync(Permission.EnvironmentsManage, command.ProjectId, ct) is { } denied)
            {
                return denied;
            }

            if (await EnvironmentRules.ValidateAsync(ctx.Db, command.ProjectId, null, command.Settings, ct) is { } invalid)
            {
                return invalid;
            }

            var environment = ProjectEnvironment.Create(command.ProjectId, command.Settings, ctx.Now);
            if (environment.ProviderAccountId is null
                && await ctx.Db.ProviderAccounts.Where(a => a.IsDefault).Select(a => (Guid?)a.Id).FirstOrDefaultAsync(ct) is { } defaultAccount)
            {
                environment.BindTo(defaultAccount);
            }

            ctx.Db.Environments.Add(environment);
            await ctx.Db.SaveChangesAsync(ct);
            return EnvironmentDto.From(environment);
        }
    }
}
