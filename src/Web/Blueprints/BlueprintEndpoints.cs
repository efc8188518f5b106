using System.Text;
using Microsoft.AspNetCore.Mvc;
using Paddock.Core.Blueprints;
using Paddock.Core.Blueprints.Catalog;
using Paddock.Core.Common;
using Paddock.Core.Identity;
using Paddock.Web.Api;
using Paddock.Web.Common;
using Paddock.Web.Identity;

namespace Paddock.Web.Blueprints;

internal static class BlueprintEndpoints
{
    public static RouteGroupBuilder MapBlueprintEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/schemas/blueprint.json", () => TypedResults.Text(BlueprintSchema.Json, "application/schema+json"))
            .WithTags("Blueprints").AllowAnonymous();

        var group = app.MapGroup("/api/v1/projects/{projectId:guid}/blueprints").WithTags("Blueprints");
        group.MapGet("/", ListAsync).RequirePermission(Permission.BlueprintsRead);
        group.MapPost("/", CreateAsync).RequirePermission(Permission.BlueprintsWrite);
        group.MapPost("/validate", Validate).RequirePermission(Permission.BlueprintsRead);
        group.MapPost("/import-compose", ImportCompose).RequirePermission(Permission.BlueprintsWrite);
        group.MapGet("/{blueprintId:guid}", GetAsync).RequirePermission(Permission.BlueprintsRead);
        group.MapPatch("/{blueprintId:guid}", UpdateAsync).RequirePermission(Permission.BlueprintsWrite);
        group.MapDelete("/{blueprintId:guid}", DeleteAsync).RequirePermission(Permission.BlueprintsWrite);
        group.MapPost("/{blueprintId:guid}/copy", CopyAsync).RequirePermission(Permission.BlueprintsRead);
        group.MapGet("/{blueprintId:guid}/versions", ListVersionsAsync).RequirePermission(Permission.BlueprintsRead);
        group.MapPost("/{blueprintId:guid}/versions", SaveVersionAsync).RequirePermission(Permission.BlueprintsWrite);
        group.MapGet("/{blueprintId:guid}/versions/{number:int}", GetVersionAsync).RequirePermission(Permission.BlueprintsRead);
        group.MapGet("/{blueprintId:guid}/versions/{number:int}/yaml", ExportYamlAsync).RequirePermission(Permission.BlueprintsRead);
        group.MapGet("/{blueprintId:guid}/versions/{number:int}/compose", ExportComposeAsync).RequirePermission(Permission.BlueprintsRead);
        group.MapPost("/{blueprintId:guid}/versions/{number:int}/publish",
            (Guid projectId, Guid blueprintId, int number, SetVersionStatus.Handler h, CancellationToken ct) =>
                SetStatusAsync(projectId, blueprintId, number, VersionStatus.Published, h, ct)).RequirePermission(Permission.BlueprintsWrite);
        group.MapPost("/{blueprintId:guid}/versions/{number:int}/deprecate",
            (Guid projectId, Guid blueprintId, int number, SetVersionStatus.Handler h, CancellationToken ct) =>
                SetStatusAsync(projectId, blueprintId, number, VersionStatus.Deprecated, h, ct)).RequirePermission(Permission.BlueprintsWrite);
        group.MapGet("/{blueprintId:guid}/diff", DiffAsync).RequirePermission(Permission.BlueprintsRead);
        return group;
    }

    private static async Task<IResult> ListAsync(Guid projectId, string? search, string? tag, [AsParameters] ListQuery page, ListBlueprints.Handler handler, CancellationToken ct) =>
        (await handler.HandleAsync(new(projectId, search, tag), ct)).ToPage(page, b => b.Id.ToString(), "name", new Dictionary<string, Func<BlueprintSummary, string>>
        {
            ["name"] = b => b.Name.ToUpperInvariant(),
            ["updatedAt"] = b => Paging.Date(b.UpdatedAt),
        });

    private static async Task<IResult> CreateAsync(Guid projectId, CreateBlueprintRequest request, CreateBlueprint.Handler handler, CancellationToken ct) =>
        (await handler.HandleAsync(new(projectId, request.Name ?? "", request.Description, request.Tags, request.Yaml, request.Message), ct))
            .ToCreatedResult(v => $"/api/v1/projects/{projectId}/blueprints/{v.BlueprintId}");

    private static Microsoft.AspNetCore.Http.HttpResults.Ok<ValidationReport> Validate(Guid projectId, YamlRequest request)
    {
        var check = BlueprintCheck.Run(request.Yaml);
        return TypedResults.Ok(new ValidationReport(check.IsValid, check.Spec is null ? null : BlueprintHash.Compute(check.Spec), check.Issues));
    }

    private static IResult ImportCompose(Guid projectId, YamlRequest request)
    {
        var result = ComposeImporter.Import(request.Yaml ?? "");
        if (!result.IsSuccess)
        {
            return new ValidationError(result.Errors.Select(e => new FieldError(e.Path.Length == 0 ? "yaml" : e.Path,
                e.Line is { } line ? $"{e.Message} (line {line}, column {e.Column})" : e.Message)).ToArray()).ToProblem();
        }

        return TypedResults.Ok(new ComposeImportReport(BlueprintYaml.Write(result.Spec!), result.Warnings));
    }

    private static async Task<IResult> GetAsync(Guid projectId, Guid blueprintId, GetBlueprint.Handler handler, HttpContext http, CancellationToken ct)
    {
        var result = await handler.HandleAsync(new(projectId, blueprintId), ct);
        if (result.IsSuccess)
        {
            http.Response.Headers.ETag = ETags.Format(result.Value.Version);
        }

        return result.ToHttpResult();
    }

    private static async Task<IResult> UpdateAsync(Guid projectId, Guid blueprintId, UpdateBlueprintRequest request, UpdateBlueprint.Handler handler,
        HttpContext http, CancellationToken ct)
    {
        if (!ETags.TryParseIfMatch(http, out var expected))
        {
            return ETags.MalformedIfMatch();
        }

        return (await handler.HandleAsync(new(projectId, blueprintId, request.Description, request.Tags, expected), ct)).ToNoContentResult();
    }

    private static async Task<IResult> DeleteAsync(Guid projectId, Guid blueprintId, DeleteBlueprint.Handler handler, CancellationToken ct) =>
        (await handler.HandleAsync(new(projectId, blueprintId), ct)).ToNoContentResult();

    private static async Task<IResult> CopyAsync(Guid projectId, Guid blueprintId, CopyBlueprintRequest request, CopyBlueprint.Handler handler, CancellationToken ct)
    {
        if (request.TargetProjectId is not { } target)
        {
            return ValidationError.For("targetProjectId", "Choose the project to copy to.").ToProblem();
        }

        return (await handler.HandleAsync(new(projectId, blueprintId, target, request.Name ?? ""), ct))
            .ToCreatedResult(v => $"/api/v1/projects/{target}/blueprints/{v.BlueprintId}");
    }

    private static async Task<IResult> ListVersionsAsync(Guid projectId, Guid blueprintId, [AsParameters] ListQuery page, GetBlueprint.Handler handler, CancellationToken ct) =>
        (await handler.HandleAsync(new(projectId, blueprintId), ct)).Map(b => b.Versions).ToPage(page, v => Paging.Number(v.Number), "-number",
            new Dictionary<string, Func<VersionSummary, string>> { ["number"] = v => Paging.Number(v.Number) });

    private static async Task<IResult> SaveVersionAsync(Guid projectId, Guid blueprintId, SaveVersionRequest request, SaveBlueprintVersion.Handler handler,
        CancellationToken ct)
    {
        var result = await handler.HandleAsync(new(projectId, blueprintId, request.Yaml ?? "", request.Message, request.BaseVersion), ct);
        if (result.IsSuccess && !result.Value.Created)
        {
            return TypedResults.Ok(result.Value);
        }

        return result.ToCreatedResult(v => $"/api/v1/projects/{projectId}/blueprints/{blueprintId}/versions/{v.Number}");
    }

    private static async Task<IResult> GetVersionAsync(Guid projectId, Guid blueprintId, int number, GetBlueprintVersion.Handler handler, CancellationToken ct) =>
        (await handler.HandleAsync(new(projectId, blueprintId, number), ct)).ToHttpResult();

    private static async Task<IResult> ExportYamlAsync(Guid projectId, Guid blueprintId, int number, GetBlueprintVersion.Handler handler, CancellationToken ct)
    {
        var result = await handler.HandleAsync(new(projectId, blueprintId, number), ct);
        return result.IsSuccess
            ? TypedResults.Text(result.Value.Yaml, "application/yaml", Encoding.UTF8)
            : result.Error!.ToProblem();
    }

    private static async Task<IResult> ExportComposeAsync(Guid projectId, Guid blueprintId, int number, string? environment,
        GetBlueprintVersion.Handler handler, CancellationToken ct)
    {
        var result = await handler.HandleAsync(new(projectId, blueprintId, number), ct);
        if (!result.IsSuccess)
        {
            return result.Error!.ToProblem();
        }

        var spec = BlueprintYaml.Parse(result.Value.Yaml).Spec!;
        return TypedResults.Text(ComposeExporter.Export(spec, environment), "application/yaml", Encoding.UTF8);
    }

    private static async Task<IResult> SetStatusAsync(Guid projectId, Guid blueprintId, int number, VersionStatus status, SetVersionStatus.Handler handler,
        CancellationToken ct) =>
        (await handler.HandleAsync(new(projectId, blueprintId, number, status), ct)).ToNoContentResult();

    private static async Task<IResult> DiffAsync(Guid projectId, Guid blueprintId, [FromQuery] int? from, [FromQuery] int? to, CompareVersions.Handler handler,
        CancellationToken ct)
    {
        if (from is null || to is null)
        {
            return new ValidationError([.. from is null ? [new FieldError("from", "Give the version to compare from.")] : Array.Empty<FieldError>(),
                .. to is null ? [new FieldError("to", "Give the version to compare to.")] : Array.Empty<FieldError>()]).ToProblem();
        }

        return (await handler.HandleAsync(new(projectId, blueprintId, from.Value, to.Value), ct)).ToHttpResult();
    }
}

internal sealed record CreateBlueprintRequest(string? Name, string? Description, IReadOnlyList<string>? Tags, string? Yaml, string? Message);

internal sealed record UpdateBlueprintRequest(string? Description, IReadOnlyList<string>? Tags);

internal sealed record SaveVersionRequest(string? Yaml, string? Message, int? BaseVersion);

internal sealed record CopyBlueprintRequest(Guid? TargetProjectId, string? Name);

internal sealed record YamlRequest(string? Yaml);

internal sealed record ValidationReport(bool Valid, string? ContentHash, IReadOnlyList<BlueprintIssue> Issues);

internal sealed record ComposeImportReport(string Yaml, IReadOnlyList<BlueprintIssue> Warnings);
