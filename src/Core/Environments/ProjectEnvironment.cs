using Paddock.Core.Audit;

namespace Paddock.Core.Environments;

/// <summary>
/// A place stacks are launched into (dev, test, production...), with its policies. Named
/// ProjectEnvironment because <see cref="System.Environment"/> is in every file's scope.
/// </summary>
public sealed class ProjectEnvironment : IAudited
{
    private ProjectEnvironment()
    {
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();

    public Guid ProjectId { get; private set; }

    public string Name { get; private set; } = "";

    public string Description { get; private set; } = "";

    /// <summary>Protected environments (production) accept launches only from roles that may launch there.</summary>
    public bool IsProtected { get; private set; }

    public TimeSpan? DefaultTtl { get; private set; }

    public TimeSpan? MaxTtl { get; private set; }

    /// <summary>Engine objects left behind by this environment's stacks are only reported, never removed by the orphan reaper.</summary>
    public bool OrphansReportOnly { get; private set; }

    /// <summary>The provider account (engine) its stacks run on; null only before the default account is seeded at start.</summary>
    public Guid? ProviderAccountId { get; private set; }

    /// <summary>The drift check applies the healing plan itself (as an audited Update operation) instead of only reporting.</summary>
    public bool AutoHeal { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    [AuditIgnored]
    public uint Version { get; private set; }

    Guid? IAudited.AuditProjectId => ProjectId;

    public static ProjectEnvironment Create(Guid projectId, EnvironmentSettings settings, DateTimeOffset now)
    {
        var environment = new ProjectEnvironment { ProjectId = projectId, CreatedAt = now };
        environment.Apply(settings);
        return environment;
    }

    public void Apply(EnvironmentSettings settings)
    {
        Name = settings.Name.Trim();
        Description = settings.Description?.Trim() ?? "";
        IsProtected = settings.IsProtected;
        DefaultTtl = settings.DefaultTtl;
        MaxTtl = settings.MaxTtl;
        OrphansReportOnly = settings.OrphansReportOnly;
        ProviderAccountId = settings.ProviderAccountId ?? ProviderAccountId;
        AutoHeal = settings.AutoHeal;
    }

    public void BindTo(Guid providerAccountId) => ProviderAccountId = providerAccountId;

    /// <summary>The TTL a launch gets: the requested one, else the default, else the maximum; never more than the maximum.</summary>
    public TimeSpan? EffectiveTtl(TimeSpan? requested)
    {
        var ttl = requested ?? DefaultTtl ?? MaxTtl;
        return ttl is not null && MaxTtl is not null && ttl > MaxTtl ? MaxTtl : ttl;
    }
}

public sealed record EnvironmentSettings(string Name, string? Description, bool IsProtected, TimeSpan? DefaultTtl, TimeSpan? MaxTtl, bool OrphansReportOnly = false,
    Guid? ProviderAccountId = null, bool AutoHeal = false);
