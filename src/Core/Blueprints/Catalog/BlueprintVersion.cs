using Paddock.Core.Audit;

namespace Paddock.Core.Blueprints.Catalog;

/// <summary>One immutable version of a blueprint: the YAML as saved, its content hash, and its lifecycle status.</summary>
public sealed class BlueprintVersion : IAudited
{
    private BlueprintVersion()
    {
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();

    public Guid BlueprintId { get; private set; }

    public Guid ProjectId { get; private set; }

    public int Number { get; private set; }

    /// <summary>The text as the author saved it (comments kept); the spec is parsed from it.</summary>
    [AuditIgnored]
    public string Yaml { get; private set; } = "";

    public string ContentHash { get; private set; } = "";

    public string Message { get; private set; } = "";

    public VersionStatus Status { get; private set; }

    public Guid? AuthorId { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    Guid? IAudited.AuditProjectId => ProjectId;

    internal static BlueprintVersion Create(Guid blueprintId, Guid projectId, int number, string yaml, string contentHash, string? message,
        Guid? authorId, DateTimeOffset now) => new()
        {
            BlueprintId = blueprintId,
            ProjectId = projectId,
            Number = number,
            Yaml = yaml,
            ContentHash = contentHash,
            Message = message?.Trim() ?? "",
            Status = VersionStatus.Draft,
            AuthorId = authorId,
            CreatedAt = now,
        };

    public void Publish() => Status = VersionStatus.Published;

    public void Deprecate() => Status = VersionStatus.Deprecated;
}

public enum VersionStatus
{
    Draft,
    Published,
    Deprecated,
}
