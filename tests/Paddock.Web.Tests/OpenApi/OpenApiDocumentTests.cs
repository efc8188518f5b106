using System.Diagnostics;
using System.Text.Json;
using Paddock.Testing;

namespace Paddock.Web.Tests.OpenApi;

/// <summary>The served OpenAPI document, checked by a real validator from npm (@apidevtools/swagger-parser).</summary>
[Collection(WebTestCollection.Name)]
public sealed class OpenApiDocumentTests(PaddockWebFactory factory)
{
    [Fact]
    public async Task The_served_document_is_valid_OpenAPI()
    {
        var document = await factory.NewClient().GetStringAsync("/api/v1/openapi.json");
        var file = Path.Combine(Path.GetTempPath(), $"paddock-openapi-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, document);
        try
        {
            var (exitCode, output) = await RunValidatorAsync(file);

            exitCode.ShouldBe(0, output);
            output.ShouldStartWith("valid: OpenAPI 3.");
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task The_validator_rejects_a_broken_document()
    {
        // Proof the validator validates: a document with a dangling reference must fail.
        var file = Path.Combine(Path.GetTempPath(), $"paddock-openapi-broken-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, """
            {"openapi":"3.1.1","info":{"title":"x","version":"1"},"paths":{"/a":{"get":{"responses":{"200":{"description":"ok",
            "content":{"application/json":{"schema":{"$ref":"#/components/schemas/Missing"}}}}}}}}}
            """);
        try
        {
            var (exitCode, output) = await RunValidatorAsync(file);

            exitCode.ShouldBe(1);
            output.ShouldContain("Missing");
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task The_document_describes_bearer_tokens_and_idempotency_keys()
    {
        using var json = JsonDocument.Parse(await factory.NewClient().GetStringAsync("/api/v1/openapi.json"));
        var root = json.RootElement;

        var bearer = root.GetProperty("components").GetProperty("securitySchemes").GetProperty("Bearer");
        bearer.GetProperty("type").GetString().ShouldBe("http");
        bearer.GetProperty("scheme").GetString().ShouldBe("bearer");
        root.GetProperty("security").EnumerateArray().Any(r => r.TryGetProperty("Bearer", out _)).ShouldBeTrue();
        var launch = root.GetProperty("paths").GetProperty("/api/v1/projects/{projectId}/stacks").GetProperty("post");
        launch.GetProperty("parameters").EnumerateArray().Select(p => p.GetProperty("name").GetString()).ShouldContain("Idempotency-Key");
        root.GetProperty("paths").TryGetProperty("/api/v1/me/tokens", out _).ShouldBeTrue();
    }

    private static async Task<(int ExitCode, string Output)> RunValidatorAsync(string file)
    {
        var validator = Path.Combine(FindValidatorFolder(), "validate.mjs");
        using var process = Process.Start(new ProcessStartInfo("node", [validator, file])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(validator)!,
        })!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, (await stdout + await stderr).Trim());
    }

    // The validator's npm folder lives in the test project's sources (npm ci ran there at build time).
    private static string FindValidatorFolder()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var candidate = Path.Combine(folder.FullName, "OpenApi", "validator");
            if (File.Exists(Path.Combine(candidate, "validate.mjs")) && Directory.Exists(Path.Combine(candidate, "node_modules")))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException("OpenApi/validator with node_modules was not found above the test binaries: build the test project (it runs npm ci).");
    }
}
