namespace Paddock.Core.Blueprints.Catalog;

public sealed record BlueprintSummary(Guid Id, Guid ProjectId, string Name, string Description, IReadOnlyList<string> Tags, string? Owner,
    int LatestVersion, VersionStatus? LatestStatus, int ServiceCount, DateTimeOffset UpdatedAt);

public sealed record BlueprintDetails(Guid Id, Guid ProjectId, string Name, string Description, IReadOnlyList<string> Tags, string? Owner,
    int LatestVersion, BlueprintLayout Layout, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, uint Version, IReadOnlyList<VersionSummary> Versions);

public sealed record VersionSummary(int Number, string ContentHash, string Message, VersionStatus Status, string? Author, DateTimeOffset CreatedAt);

public sealed record VersionDetails(Guid BlueprintId, int Number, string Yaml, string ContentHash, string Message, VersionStatus Status, string? Author,
    DateTimeOffset CreatedAt);

/// <summary>The outcome of a save: the version now current, and whether saving made a new one (identical content does not).</summary>
public sealed record SavedVersion(Guid BlueprintId, int Number, string ContentHash, bool Created, IReadOnlyList<BlueprintIssue> Warnings);
