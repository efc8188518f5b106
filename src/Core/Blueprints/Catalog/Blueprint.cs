using Paddock.Core.Audit;

namespace Paddock.Core.Blueprints.Catalog;

/// <summary>A named blueprint in a project; its content lives in immutable <see cref="BlueprintVersion"/>s.</summary>
public sealed class Blueprint : IAudited
{
    private Blueprint()
    {
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();

    public Guid ProjectId { get; private set; }

    public string Name { get; private set; } = "";

    public string Description { get; private set; } = "";

    public List<string> Tags { get; private set; } = [];

    public Guid? OwnerId { get; private set; }

    public int LatestVersion { get; private set; }

    /// <summary>Designer positions: beside the versions, never part of their content hash.</summary>
    [AuditIgnored]
    public BlueprintLayout Layout { get; private set; } = BlueprintLayout.Empty;

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    [AuditIgnored]
    public uint Version { get; private set; }

    Guid? IAudited.AuditProjectId => ProjectId;

    public static Blueprint Create(Guid projectId, string name, string? description, IEnumerable<string>? tags, Guid? ownerId, DateTimeOffset now) =>
        new()
        {
            ProjectId = projectId,
            Name = name.Trim(),
            Description = description?.Trim() ?? "",
            Tags = NormalizeTags(tags),
            OwnerId = ownerId,
            CreatedAt = now,
            UpdatedAt = now,
        };

    public void Describe(string? description, IEnumerable<string>? tags, DateTimeOffset now)
    {
        Description = description?.Trim() ?? "";
        Tags = NormalizeTags(tags);
        UpdatedAt = now;
    }

    public BlueprintVersion AddVersion(string yaml, string contentHash, string? message, Guid? authorId, DateTimeOffset now)
    {
        LatestVersion++;
        UpdatedAt = now;
        return BlueprintVersion.Create(Id, ProjectId, LatestVersion, yaml, contentHash, message, authorId, now);
    }

    public void SetLayout(BlueprintLayout layout) => Layout = layout;

    private static List<string> NormalizeTags(IEnumerable<string>? tags) =>
        tags?.Select(t => t.Trim().ToLowerInvariant()).Where(t => t.Length > 0).Distinct().Order(StringComparer.Ordinal).ToList() ?? [];
}
