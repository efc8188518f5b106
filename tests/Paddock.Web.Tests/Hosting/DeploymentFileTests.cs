using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Paddock.Testing;

namespace Paddock.Web.Tests.Hosting;

[Collection(WebTestCollection.Name)]
public sealed class DeploymentFileTests(PaddockWebFactory factory)
{
    [Fact]
    public async Task The_production_docker_compose_file_is_valid_for_docker_compose()
    {
        var file = Path.Combine(RepositoryRoot(), "docker-compose.yml");
        var start = new ProcessStartInfo("docker-compose", ["-f", file, "config"]) { RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment["POSTGRES_PASSWORD"] = "compose-check";
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        var errors = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();

        process.ExitCode.ShouldBe(0, errors);
        // The topology the operations guide promises: database, backplane, one-shot migration, web and worker nodes.
        foreach (var service in new[] { "postgres:", "redis:", "migrate:", "web:", "worker:" })
        {
            output.ShouldContain(service);
        }
    }

    [Fact]
    public async Task The_blueprint_json_schema_is_served_to_editors()
    {
        var response = await factory.NewClient().GetAsync("/api/v1/schemas/blueprint.json");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var schema = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        schema.RootElement.GetProperty("properties").GetProperty("services").GetProperty("propertyNames").GetProperty("pattern").GetString()
            .ShouldBe("^[a-z][a-z0-9-]{0,39}$");
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Platform.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Platform.sln not found above the test binaries.");
    }
}
