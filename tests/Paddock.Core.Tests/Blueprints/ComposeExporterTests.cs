using System.Diagnostics;
using Paddock.Core.Blueprints;

namespace Paddock.Core.Tests.Blueprints;

public class ComposeExporterTests
{
    private const string DockerCompose = "/usr/bin/docker-compose";

    [Fact]
    public void Export_of_a_rich_blueprint_is_accepted_by_docker_compose_config()
    {
        if (!File.Exists(DockerCompose))
        {
            return; // docker-compose is installed on CI and dev machines; elsewhere there is nothing to check against.
        }

        var file = Path.Combine(Path.GetTempPath(), $"paddock-export-{Guid.NewGuid():N}.yml");
        File.WriteAllText(file, ComposeExporter.Export(BlueprintBuilder.Rich(), "production"));
        try
        {
            var start = new ProcessStartInfo(DockerCompose, ["-f", file, "config", "-q"])
            {
                RedirectStandardError = true,
                RedirectStandardOutput = true,
            };
            start.Environment["db_password"] = "s3cret";
            using var process = Process.Start(start)!;
            var errors = process.StandardError.ReadToEnd();
            process.WaitForExit();

            process.ExitCode.ShouldBe(0, $"{errors}\n{File.ReadAllText(file)}");
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void Export_applies_the_environment_and_keeps_variables_as_compose_interpolation()
    {
        var yaml = ComposeExporter.Export(BlueprintBuilder.Rich(), "production");

        yaml.ShouldContain("image: ghcr.io/acme/api:${tag:-1.4.2}");
        yaml.ShouldContain("LOG_LEVEL: ${log_level:-warn}");
        yaml.ShouldContain("POSTGRES_PASSWORD: ${db_password:?db_password is required}");
        yaml.ShouldContain("replicas: 4");
        yaml.ShouldContain("condition: service_healthy");
        yaml.ShouldContain("# vm service 'batch'");
        yaml.ShouldNotContain("version:");
    }

    [Fact]
    public void Exported_compose_imports_back_to_the_same_services()
    {
        var spec = BlueprintBuilder.Rich();

        var imported = ComposeImporter.Import(ComposeExporter.Export(spec)).Spec!;

        imported.FindService("db")!.HealthCheck.ShouldBe(spec.FindService("db")!.HealthCheck);
        imported.FindService("api")!.Ports.ShouldBe(spec.FindService("api")!.Ports);
        imported.FindService("api")!.Memory.ShouldBe(spec.FindService("api")!.Memory);
        imported.FindService("api")!.Image.ShouldBe(spec.FindService("api")!.Image);
    }
}
