using Microsoft.EntityFrameworkCore;
using Paddock.Core.Blueprints.Catalog;
using Paddock.Core.Environments;

namespace Paddock.Core.Stacks;

/// <summary>Environments and blueprints with stacks that are not destroyed cannot be deleted.</summary>
internal sealed class StackUsage(IPaddockDbContext db) : IEnvironmentUsage, IBlueprintUsage
{
    public Task<string?> DescribeUseAsync(Guid environmentId, CancellationToken ct) =>
        DescribeAsync(db.Stacks.Where(s => s.EnvironmentId == environmentId), ct);

    Task<string?> IBlueprintUsage.DescribeUseAsync(Guid blueprintId, CancellationToken ct) =>
        DescribeAsync(db.Stacks.Where(s => s.BlueprintId == blueprintId), ct);

    private static async Task<string?> DescribeAsync(IQueryable<Stack> stacks, CancellationToken ct)
    {
        var count = await stacks.CountAsync(s => s.Status != StackStatus.Destroyed, ct);
        return count == 0 ? null : $"{count} stack{(count == 1 ? "" : "s")} not destroyed yet";
    }
}
