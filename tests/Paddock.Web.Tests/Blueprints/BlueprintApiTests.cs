using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Paddock.Core.Identity;
using Paddock.Testing;

namespace Paddock.Web.Tests.Blueprints;

[Collection(WebTestCollection.Name)]
public sealed class BlueprintApiTests(PaddockWebFactory factory)
{
    private const string ThreeServices = """
        apiVersion: paddock/v1
        kind: Blueprint
        name: shop
        variables:
          tag: "1.0"
        services:
          web:
            image: paddock/busybox:latest
            command: [httpd, -f, -p, "80", -h, /www]
            ports: ["8080:80"]
            depends_on: { api: started }
          api:
            image: paddock/busybox:${tag}
            command: [sleep, "3600"]
            depends_on: { db: healthy }
          db:
            image: paddock/busybox:latest
            command: [sleep, "3600"]
            healthcheck: { command: [true], interval: 2s }
        """;

    [Fact]
    public async Task Saving_changed_content_creates_the_next_version_and_identical_content_creates_none()
    {
        var (admin, projectId) = await NewProjectAsync();
        var created = await CreateAsync(admin, projectId, "shop", ThreeServices);

        var changed = await admin.PostAsJsonAsync(VersionsUrl(projectId, created.BlueprintId),
            new { yaml = ThreeServices.Replace("\"3600\"]\n    depends_on", "\"7200\"]\n    depends_on", StringComparison.Ordinal), message = "Longer sleep", baseVersion = 1 });
        changed.StatusCode.ShouldBe(HttpStatusCode.Created);
        (await changed.Content.ReadFromJsonAsync<Saved>())!.Number.ShouldBe(2);

        // Same content, different formatting and a comment: no third version.
        var reformatted = "# just a comment\n" + ThreeServices.Replace("\"3600\"]\n    depends_on", "\"7200\"]\n    depends_on", StringComparison.Ordinal);
        var same = await admin.PostAsJsonAsync(VersionsUrl(projectId, created.BlueprintId), new { yaml = reformatted, message = "noop", baseVersion = 2 });
        same.StatusCode.ShouldBe(HttpStatusCode.OK);
        var saved = (await same.Content.ReadFromJsonAsync<Saved>())!;
        saved.Created.ShouldBeFalse();
        saved.Number.ShouldBe(2);

        var versions = (await admin.GetItemsAsync<Version>(VersionsUrl(projectId, created.BlueprintId)))!;
        versions.Select(v => v.Number).ShouldBe([2, 1]);
        versions[0].Message.ShouldBe("Longer sleep");
    }

    [Fact]
    public async Task The_list_counts_the_services_of_each_blueprints_latest_version()
    {
        var (admin, projectId) = await NewProjectAsync();
        const string one = "apiVersion: paddock/v1\nkind: Blueprint\nservices:\n  a:\n    image: paddock/busybox:latest\n";
        const string two = one + "  b:\n    image: paddock/busybox:latest\n";
        var created = await CreateAsync(admin, projectId, "counted", two);
        await CreateAsync(admin, projectId, "single", one);
        (await admin.GetItemsAsync<Counted>($"/api/v1/projects/{projectId}/blueprints")).Select(b => (b.Name, b.ServiceCount)).ShouldBe([("counted", 2), ("single", 1)]);

        (await admin.PostAsJsonAsync(VersionsUrl(projectId, created.BlueprintId), new { yaml = one, message = "drop b", baseVersion = 1 })).StatusCode.ShouldBe(HttpStatusCode.Created);

        (await admin.GetItemsAsync<Counted>($"/api/v1/projects/{projectId}/blueprints")).Select(b => (b.Name, b.ServiceCount)).ShouldBe([("counted", 1), ("single", 1)]);
    }

    [Fact]
    public async Task Invalid_blueprint_is_refused_with_the_path_and_line_of_each_error()
    {
        var (admin, projectId) = await NewProjectAsync();
        var created = await CreateAsync(admin, projectId, "cyclic", ThreeServices);
        var cyclic = ThreeServices.Replace("command: [sleep, \"3600\"]\n    healthcheck", "command: [sleep, \"3600\"]\n    depends_on: [web]\n    healthcheck", StringComparison.Ordinal);

        var response = await admin.PostAsJsonAsync(VersionsUrl(projectId, created.BlueprintId), new { yaml = cyclic, baseVersion = 1 });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = (await response.Content.ReadFromJsonAsync<Problem>())!;
        var cycle = problem.Errors.SelectMany(e => e.Value.Select(m => (Field: e.Key, Message: m))).ShouldHaveSingleItem();
        cycle.Message.ShouldContain("->");
        cycle.Message.ShouldContain("line ");
        (await admin.GetItemsAsync<Version>(VersionsUrl(projectId, created.BlueprintId)))!.Count.ShouldBe(1);
    }

    [Fact]
    public async Task Malformed_yaml_is_a_parse_error_with_its_position_not_a_server_error()
    {
        var (admin, projectId) = await NewProjectAsync();

        var response = await admin.PostAsJsonAsync($"/api/v1/projects/{projectId}/blueprints/validate", new { yaml = "services:\n  web: [unclosed\n  api:\n" });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var report = (await response.Content.ReadFromJsonAsync<Report>())!;
        report.Valid.ShouldBeFalse();
        report.Issues.ShouldContain(i => i.Line != null && i.Severity == "Error");
    }

    [Fact]
    public async Task Saving_over_a_newer_version_is_refused_so_no_edit_is_lost()
    {
        var (admin, projectId) = await NewProjectAsync();
        var created = await CreateAsync(admin, projectId, "race", ThreeServices);
        await admin.PostAsJsonAsync(VersionsUrl(projectId, created.BlueprintId), new { yaml = ThreeServices.Replace("1.0", "1.1", StringComparison.Ordinal), baseVersion = 1 });

        var stale = await admin.PostAsJsonAsync(VersionsUrl(projectId, created.BlueprintId), new { yaml = ThreeServices.Replace("1.0", "1.2", StringComparison.Ordinal), baseVersion = 1 });

        stale.StatusCode.ShouldBe(HttpStatusCode.PreconditionFailed);
    }

    [Fact]
    public async Task Compose_import_reports_every_dropped_key_with_its_path()
    {
        var (admin, projectId) = await NewProjectAsync();
        const string compose = """
            version: "3.8"
            services:
              web:
                image: nginx:${NGINX_TAG:-1.25}
                ports: ["8080:80"]
                env_file: .env
                networks: [front]
                depends_on:
                  db: { condition: service_healthy }
              db:
                image: postgres:15
                environment:
                  POSTGRES_PASSWORD: ${DB_PASSWORD:?set it}
                healthcheck:
                  test: ["CMD-SHELL", "pg_isready"]
                  interval: 5s
            networks:
              front: {}
            """;

        var response = await admin.PostAsJsonAsync($"/api/v1/projects/{projectId}/blueprints/import-compose", new { yaml = compose });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var import = (await response.Content.ReadFromJsonAsync<Import>())!;
        import.Warnings.ShouldContain(w => w.Path == "services.web.env_file");
        import.Warnings.ShouldContain(w => w.Path.StartsWith("services.web.networks", StringComparison.Ordinal));
        import.Yaml.ShouldContain("NGINX_TAG");
        import.Yaml.ShouldContain("DB_PASSWORD");
        // The converted blueprint is valid as it is: it can be saved straight away.
        var created = await CreateAsync(admin, projectId, "imported", import.Yaml);
        created.Number.ShouldBe(1);
    }

    [Fact]
    public async Task Exported_compose_file_is_accepted_by_docker_compose()
    {
        var (admin, projectId) = await NewProjectAsync();
        var created = await CreateAsync(admin, projectId, "export", ThreeServices);

        var compose = await admin.GetStringAsync($"/api/v1/projects/{projectId}/blueprints/{created.BlueprintId}/versions/1/compose");

        var file = Path.Combine(Path.GetTempPath(), $"paddock-export-{Guid.NewGuid():N}.yml");
        await File.WriteAllTextAsync(file, compose);
        try
        {
            using var process = Process.Start(new ProcessStartInfo("docker-compose", ["-f", file, "config", "-q"]) { RedirectStandardError = true })!;
            var stderr = await process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            process.ExitCode.ShouldBe(0, stderr);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Comparing_two_versions_lists_the_changed_fields_by_service()
    {
        var (admin, projectId) = await NewProjectAsync();
        var created = await CreateAsync(admin, projectId, "diff", ThreeServices);
        await admin.PostAsJsonAsync(VersionsUrl(projectId, created.BlueprintId),
            new { yaml = ThreeServices.Replace("8080:80", "8081:80", StringComparison.Ordinal), baseVersion = 1 });

        var diff = await admin.GetFromJsonAsync<Diff>($"/api/v1/projects/{projectId}/blueprints/{created.BlueprintId}/diff?from=1&to=2");

        var web = diff!.Services.ShouldHaveSingleItem();
        web.Service.ShouldBe("web");
        web.Fields.ShouldContain(f => f.Path.Contains("ports", StringComparison.Ordinal));
        var lines = diff.UnifiedDiff.Split('\n');
        lines.ShouldContain(l => l.StartsWith('+') && l.Contains("8081", StringComparison.Ordinal));
        lines.ShouldContain(l => l.StartsWith('-') && l.Contains("8080", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Viewer_reads_blueprints_but_cannot_save_them()
    {
        var (admin, projectId) = await NewProjectAsync();
        var created = await CreateAsync(admin, projectId, "readonly", ThreeServices);
        var email = $"viewer-{Guid.NewGuid():N}@paddock.test";
        var (_, viewer) = await factory.CreateUserAsync(email, admin);
        await PaddockWebFactory.AddMemberAsync(admin, projectId, email, ProjectRole.Viewer);

        (await viewer.GetAsync($"/api/v1/projects/{projectId}/blueprints/{created.BlueprintId}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var save = await viewer.PostAsJsonAsync(VersionsUrl(projectId, created.BlueprintId), new { yaml = ThreeServices.Replace("1.0", "2.0", StringComparison.Ordinal) });

        save.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await admin.GetItemsAsync<Version>(VersionsUrl(projectId, created.BlueprintId)))!.Count.ShouldBe(1);
    }

    [Fact]
    public async Task Publishing_and_copying_to_another_project()
    {
        var (admin, projectId) = await NewProjectAsync();
        var created = await CreateAsync(admin, projectId, "golden", ThreeServices);
        (await admin.PostAsync(new Uri($"{VersionsUrl(projectId, created.BlueprintId)}/1/publish", UriKind.Relative), null)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var target = await PaddockWebFactory.CreateProjectAsync(admin, $"Target {Guid.NewGuid():N}"[..20]);

        var copy = await admin.PostAsJsonAsync($"/api/v1/projects/{projectId}/blueprints/{created.BlueprintId}/copy", new { targetProjectId = target, name = "golden-copy" });

        copy.StatusCode.ShouldBe(HttpStatusCode.Created);
        (await admin.GetItemsAsync<Version>(VersionsUrl(projectId, created.BlueprintId)))![0].Status.ShouldBe("Published");
        var copied = await admin.GetItemsAsync<Summary>($"/api/v1/projects/{target}/blueprints");
        copied!.ShouldHaveSingleItem().Name.ShouldBe("golden-copy");
    }

    [Fact]
    public async Task Duplicate_blueprint_name_in_a_project_is_a_field_error()
    {
        var (admin, projectId) = await NewProjectAsync();
        await CreateAsync(admin, projectId, "twice", ThreeServices);

        var again = await admin.PostAsJsonAsync($"/api/v1/projects/{projectId}/blueprints", new { name = "twice", yaml = ThreeServices });

        again.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await again.Content.ReadFromJsonAsync<Problem>())!.Errors.ShouldContainKey("name");
    }

    private async Task<(HttpClient Admin, Guid ProjectId)> NewProjectAsync()
    {
        var admin = await factory.SignInAsAdminAsync();
        return (admin, await PaddockWebFactory.CreateProjectAsync(admin, $"Bp {Guid.NewGuid():N}"[..20]));
    }

    private static async Task<Saved> CreateAsync(HttpClient client, Guid projectId, string name, string yaml)
    {
        var response = await client.PostAsJsonAsync($"/api/v1/projects/{projectId}/blueprints", new { name, yaml, tags = new[] { "test" } });
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<Saved>())!;
    }

    private static string VersionsUrl(Guid projectId, Guid blueprintId) => $"/api/v1/projects/{projectId}/blueprints/{blueprintId}/versions";

    private sealed record Saved(Guid BlueprintId, int Number, string ContentHash, bool Created);

    private sealed record Version(int Number, string Message, string Status);

    private sealed record Summary(Guid Id, string Name);

    private sealed record Counted(string Name, int ServiceCount);

    private sealed record Problem(Dictionary<string, string[]> Errors);

    private sealed record Issue(string Path, string Message, string Severity, int? Line, int? Column);

    private sealed record Report(bool Valid, List<Issue> Issues);

    private sealed record Import(string Yaml, List<Issue> Warnings);

    private sealed record FieldChangeBody(string Path, string Kind, string? Before, string? After);

    private sealed record ServiceDiffBody(string Service, string Kind, List<FieldChangeBody> Fields);

    private sealed record Diff(List<ServiceDiffBody> Services, string UnifiedDiff);
}
