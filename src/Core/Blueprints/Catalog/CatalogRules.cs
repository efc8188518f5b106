using Microsoft.EntityFrameworkCore;
using Paddock.Core.Common;

namespace Paddock.Core.Blueprints.Catalog;

internal static class CatalogRules
{
    public static async Task<Error?> ValidateNameAsync(IPaddockDbContext db, Guid projectId, Guid? blueprintId, string? name, string? description,
        IReadOnlyList<string>? tags, CancellationToken ct)
    {
        var validator = new Validator()
            .Required("name", name, "Name")
            .Slug("name", name?.Trim(), "Name")
            .MaxLength("description", description, 500, "Description")
            .When(tags is { Count: > 20 }, "tags", "A blueprint can have at most 20 tags.")
            .When(tags?.Any(t => t.Trim().Length > 30) == true, "tags", "Tags are at most 30 characters.");
        if (!validator.IsValid)
        {
            return validator.ToError();
        }

        var trimmed = name!.Trim();
        var taken = await db.Blueprints.AnyAsync(b => b.ProjectId == projectId && b.Id != blueprintId && b.Name == trimmed, ct);
        return taken ? ValidationError.For("name", $"This project already has a blueprint named '{trimmed}'.") : null;
    }

    public static async Task<Result<Blueprint>> FindAsync(IPaddockDbContext db, Guid projectId, Guid blueprintId, CancellationToken ct) =>
        await db.Blueprints.FirstOrDefaultAsync(b => b.Id == blueprintId && b.ProjectId == projectId, ct) is { } blueprint
            ? blueprint
            : NotFoundError.For("Blueprint", blueprintId);

    /// <summary>What a new blueprint starts with when no YAML is given: a valid, runnable example.</summary>
    public static string StarterYaml(string name) => $"""
        apiVersion: paddock/v1
        kind: Blueprint
        name: {name}
        services:
          web:
            image: paddock/busybox:latest
            command: [httpd, -f, -p, "8080", -h, /www]
            ports: ["8080"]
        """;
}
