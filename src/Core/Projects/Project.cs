using Paddock.Core.Audit;

namespace Paddock.Core.Projects;

/// <summary>The unit of tenancy: members in roles, environments, blueprints and stacks.</summary>
public sealed class Project : IAudited
{
    private Project()
    {
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();

    public string Name { get; private set; } = "";

    public string Description { get; private set; } = "";

    public bool IsArchived { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    [AuditIgnored]
    public uint Version { get; private set; }

    Guid? IAudited.AuditProjectId => Id;

    public static Project Create(string name, string? description, DateTimeOffset now) =>
        new() { Name = name.Trim(), Description = description?.Trim() ?? "", CreatedAt = now };

    public void Rename(string name, string? description)
    {
        Name = name.Trim();
        Description = description?.Trim() ?? "";
    }

    public void Archive() => IsArchived = true;

    public void Restore() => IsArchived = false;
}
