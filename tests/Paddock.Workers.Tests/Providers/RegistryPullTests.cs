using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Docker.DotNet;
using Docker.DotNet.Models;
using Org.BouncyCastle.Crypto.Generators;
using Org.BouncyCastle.Security;
using Paddock.Core.Blueprints;
using Paddock.Core.Stacks;
using Paddock.Workers.Providers;
using Paddock.Workers.Providers.Docker;
using Paddock.Workers.Providers.Execution;

namespace Paddock.Workers.Tests.Providers;

/// <summary>
/// A real private registry (Debian's <c>docker-registry</c>, distribution 2.8) with htpasswd (bcrypt) auth on a free
/// loopback port: the image exists only there, so launching the stack proves the provider pulls it with the configured
/// credential. Engines treat 127.0.0.0/8 as insecure-allowed, so plain http works.
/// </summary>
[Collection(DockerCollection.Name)]
public sealed class RegistryPullTests(DockerEngine engine) : IAsyncLifetime
{
    private const string RegistryBinary = "/usr/bin/docker-registry";
    private const string User = "paddock";
    private const string Password = "s3cret-registry-pw";

    private readonly StackIdentity _stack = TestStack.NewIdentity("registry");
    private readonly string _dir = Directory.CreateTempSubdirectory("paddock-registry-").FullName;
    private readonly List<DockerProvider> _providers = [];
    private Process? _registry;
    private int _port;

    private string Server => $"127.0.0.1:{_port}";

    private string Repository => $"{Server}/team/app";

    private string Image => $"{Repository}:1";

    public async Task InitializeAsync()
    {
        if (!File.Exists(RegistryBinary))
        {
            throw new InvalidOperationException($"{RegistryBinary} is missing: run scripts/install-deps.sh (package docker-registry).");
        }

        _port = FreePort();
        await WriteConfigAsync();
        _registry = Process.Start(new ProcessStartInfo(RegistryBinary, ["serve", Path.Combine(_dir, "config.yml")])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        }) ?? throw new InvalidOperationException("docker-registry did not start");
        var output = new StringBuilder();
        _registry.OutputDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        _registry.ErrorDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        _registry.BeginOutputReadLine();
        _registry.BeginErrorReadLine();
        await WaitForRegistryAsync(output);

        // Seed the registry, then drop the local tag so only the registry has the image.
        var client = Provider(Password).Client;
        var auth = new AuthConfig { ServerAddress = Server, Username = User, Password = Password };
        await client.Images.TagImageAsync(LocalBaseImage.Name, new ImageTagParameters { RepositoryName = Repository, Tag = "1" });
        var errors = new List<string>();
        await client.Images.PushImageAsync(Repository, new ImagePushParameters { Tag = "1" }, auth, new Collect(errors));
        errors.ShouldBeEmpty();
        await client.Images.DeleteImageAsync(Image, new ImageDeleteParameters());
        await Should.ThrowAsync<DockerImageNotFoundException>(() => client.Images.InspectImageAsync(Image));
    }

    public async Task DisposeAsync()
    {
        foreach (var provider in _providers)
        {
            await provider.DestroyAsync(_stack, CancellationToken.None);
        }

        if (_providers.Count > 0)
        {
            try
            {
                await _providers[0].Client.Images.DeleteImageAsync(Image, new ImageDeleteParameters { Force = true });
            }
            catch (DockerImageNotFoundException)
            {
            }
        }

        foreach (var provider in _providers)
        {
            provider.Dispose();
        }

        if (_registry is { } registry)
        {
            // Only the process this test started, by its PID.
            if (!registry.HasExited)
            {
                registry.Kill();
                await registry.WaitForExitAsync();
            }

            registry.Dispose();
        }

        Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public async Task A_missing_image_is_pulled_from_a_private_registry_with_the_configured_credential()
    {
        var provider = Provider(Password);

        var result = await ApplyAsync(provider);

        result.Succeeded.ShouldBeTrue(result.Error);
        var observed = await provider.ObserveAsync(_stack, default);
        observed.Containers.ShouldHaveSingleItem().State.ShouldBe(ResourceState.Running);
        var container = await provider.Client.Containers.InspectContainerAsync(DockerNames.Container(_stack, "app-1"));
        container.Config!.Image.ShouldBe(Image);
        container.State!.Running.ShouldBeTrue();
        (await provider.Client.Images.InspectImageAsync(Image)).RepoTags.ShouldContain(Image);
        (await provider.ExecAsync(_stack, "app-1", ["cat", "/www/index.html"], default)).Output.ShouldBe("paddock\n");
    }

    [Fact]
    public async Task A_wrong_password_fails_the_step_with_an_authentication_error_naming_the_registry()
    {
        var provider = Provider("wrong-password");

        var result = await ApplyAsync(provider);

        result.Succeeded.ShouldBeFalse();
        result.FailedChange!.Resource.ShouldBe("app-1");
        result.Error!.ShouldContain($"Pulling {Image} failed");
        result.Error!.ShouldContain(Server);
        result.Error!.ShouldContain("unauthorized: authentication required");
        (await provider.ObserveAsync(_stack, default)).Containers.ShouldBeEmpty();
    }

    private async Task<ExecutionResult> ApplyAsync(DockerProvider provider)
    {
        var app = new Paddock.Core.Blueprints.ServiceSpec { Name = "app", Image = Image, Command = ["sh", "-c", "exec sleep 3600"] };
        var desired = TestStack.Desired(_stack, TestStack.Blueprint(app));
        var plan = Planner.Plan(desired, await provider.ObserveAsync(_stack, default));
        return await new PlanExecutor(provider, new ExecutorOptions { ReadyTimeout = TimeSpan.FromSeconds(20) }).RunAsync(plan, desired.Secrets, null, default);
    }

    private DockerProvider Provider(string password)
    {
        var provider = new DockerProvider(new DockerClientFactory(), engine.Endpoint, new DockerProviderOptions
        {
            StopTimeout = TimeSpan.FromSeconds(1),
            PollInterval = TimeSpan.FromMilliseconds(50),
            Registries = [new RegistryCredential(Server, User, password)],
        });
        _providers.Add(provider);
        return provider;
    }

    private async Task WriteConfigAsync()
    {
        var salt = new byte[16];
        new SecureRandom().NextBytes(salt);
        var hash = OpenBsdBCrypt.Generate("2y", Password.ToCharArray(), salt, 4);
        await File.WriteAllTextAsync(Path.Combine(_dir, "htpasswd"), $"{User}:{hash}\n");
        await File.WriteAllTextAsync(Path.Combine(_dir, "config.yml"), $"""
            version: 0.1
            log:
              level: warn
            storage:
              filesystem:
                rootdirectory: {Path.Combine(_dir, "data")}
              delete:
                enabled: true
            http:
              addr: 127.0.0.1:{_port}
              secret: paddock-test-secret
            auth:
              htpasswd:
                realm: paddock-test
                path: {Path.Combine(_dir, "htpasswd")}
            """);
    }

    private async Task WaitForRegistryAsync(StringBuilder output)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (DateTime.UtcNow < deadline && !_registry!.HasExited)
        {
            try
            {
                using var response = await http.GetAsync($"http://{Server}/v2/");
                response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized, "the registry must demand credentials");
                return;
            }
            catch (HttpRequestException)
            {
                await Task.Delay(100);
            }
        }

        lock (output)
        {
            throw new InvalidOperationException($"docker-registry on {Server} did not come up: {output}");
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private sealed class Collect(List<string> errors) : IProgress<JSONMessage>
    {
        public void Report(JSONMessage value)
        {
            if (value.Error?.Message is { Length: > 0 } message)
            {
                errors.Add(message);
            }
        }
    }
}
