namespace Paddock.Core.Environments;

public sealed record EnvironmentDto(Guid Id, Guid ProjectId, string Name, string Description, bool IsProtected, TimeSpan? DefaultTtl, TimeSpan? MaxTtl, DateTimeOffset CreatedAt, uint Version,
    bool OrphansReportOnly = false, Guid? ProviderAccountId = null, bool AutoHeal = false)
{
    public static EnvironmentDto From(ProjectEnvironment e) =>
        new(e.Id, e.ProjectId, e.Name, e.Description, e.IsProtected, e.DefaultTtl, e.MaxTtl, e.CreatedAt, e.Version, e.OrphansReportOnly, e.ProviderAccountId, e.AutoHeal);
}
