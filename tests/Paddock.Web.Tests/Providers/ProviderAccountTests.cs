using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Paddock.Data;
using Paddock.Testing;
using Paddock.Web.Tests.Stacks;

namespace Paddock.Web.Tests.Providers;

/// <summary>Provider accounts through the API: the seeded default, bad input, a real TLS engine, and an engine that comes back.</summary>
[Collection(WebTestCollection.Name)]
public sealed class ProviderAccountTests(PaddockWebFactory factory, TlsDockerEngine tls) : IClassFixture<TlsDockerEngine>
{
    private const string Url = "/api/v1/provider-accounts";

    private const string TwoServices = """
        apiVersion: paddock/v1
        kind: Blueprint
        services:
          web:
            image: paddock/busybox:latest
            command: [sleep, "3600"]
            depends_on: { db: started }
          db:
            image: paddock/busybox:latest
            command: [sleep, "3600"]
        """;

    [Fact]
    public async Task The_default_account_is_seeded_from_docker_host_and_new_environments_bind_to_it()
    {
        var admin = await factory.SignInAsAdminAsync();

        var accounts = await admin.GetAllItemsAsync<AccountBody>(Url);
        var local = accounts.Where(a => a.IsDefault).ShouldHaveSingleItem();
        local.Endpoint.ShouldBe(Environment.GetEnvironmentVariable("PADDOCK_TEST_DOCKER"));
        local.FromConfiguration.ShouldBeTrue();
        var projectId = await PaddockWebFactory.CreateProjectAsync(admin, PaddockWebFactory.UniqueName("seeded"));
        var environmentId = await PaddockWebFactory.CreateEnvironmentAsync(admin, projectId, "dev");

        var environments = await admin.GetItemsAsync<EnvironmentBody>($"/api/v1/projects/{projectId}/environments");
        environments.ShouldHaveSingleItem().ProviderAccountId.ShouldBe(local.Id);
        (await admin.DeleteAsync(new Uri($"{Url}/{local.Id}", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var moved = await admin.PutAsJsonAsync($"{Url}/{local.Id}", new { name = "local", kind = "Docker", endpoint = "tcp://127.0.0.1:2375", isDefault = true });
        await moved.ShouldBeFieldErrorAsync("endpoint", "Docker:Host");
        var choices = await admin.GetAllItemsAsync<ChoiceBody>($"/api/v1/projects/{projectId}/provider-accounts");
        choices.ShouldContain(c => c.Id == local.Id && c.IsDefault);
        environmentId.ShouldNotBe(Guid.Empty);
    }

    [Fact]
    public async Task Bad_accounts_are_refused_with_the_field_and_the_reason()
    {
        var admin = await factory.SignInAsAdminAsync();
        var name = PaddockWebFactory.UniqueName("bad");

        await (await admin.PostAsJsonAsync(Url, new { name, endpoint = "http://10.0.0.1:2375" })).ShouldBeFieldErrorAsync("endpoint", "not supported");
        await (await admin.PostAsJsonAsync(Url, new { name, endpoint = "tcp://127.0.0.1" })).ShouldBeFieldErrorAsync("endpoint", "host and a port");
        await (await admin.PostAsJsonAsync(Url, new { name = "", endpoint = "unix:///run/docker.sock" })).ShouldBeFieldErrorAsync("name", "required");
        await (await admin.PostAsJsonAsync(Url, new { name, endpoint = "unix:///run/docker.sock", useTls = true })).ShouldBeFieldErrorAsync("useTls", "tcp");
        await (await admin.PostAsJsonAsync(Url, new { name, endpoint = "tcp://127.0.0.1:2376", useTls = true })).ShouldBeFieldErrorAsync("tls.clientKey", "required");
        await (await admin.PostAsJsonAsync(Url, new { name, endpoint = "tcp://127.0.0.1:2376", useTls = true, caCertificate = "nope", clientCertificate = "nope", clientKey = "nope" }))
            .ShouldBeFieldErrorAsync("tls.caCertificate", "PEM");
        await (await admin.PostAsJsonAsync(Url, new { name, kind = "Ec2", endpoint = "tcp://127.0.0.1:2376" })).ShouldBeFieldErrorAsync("kind", "Docker");

        (await admin.GetAllItemsAsync<AccountBody>(Url)).ShouldNotContain(a => a.Name == name);
        var projectId = await PaddockWebFactory.CreateProjectAsync(admin, PaddockWebFactory.UniqueName("badenv"));
        var environment = await admin.PostAsJsonAsync($"/api/v1/projects/{projectId}/environments", new { name = "dev", providerAccountId = Guid.NewGuid() });
        await environment.ShouldBeFieldErrorAsync("providerAccountId", "does not exist");
    }

    [Fact]
    public async Task A_tls_engine_answers_the_connectivity_test_only_with_the_right_certificates_and_runs_the_stacks_bound_to_it()
    {
        var engine = tls;
        var admin = await factory.SignInAsAdminAsync();

        var good = await CreateAsync(admin, new
        {
            name = PaddockWebFactory.UniqueName("tls"),
            endpoint = engine.Endpoint,
            useTls = true,
            caCertificate = engine.CaPem,
            clientCertificate = engine.ClientCertificatePem,
            clientKey = engine.ClientKeyPem
        });
        var plain = await CreateAsync(admin, new { name = PaddockWebFactory.UniqueName("plain"), endpoint = engine.Endpoint });
        var stranger = await CreateAsync(admin, new
        {
            name = PaddockWebFactory.UniqueName("stranger"),
            endpoint = engine.Endpoint,
            useTls = true,
            caCertificate = engine.CaPem,
            clientCertificate = engine.StrangerCertificatePem,
            clientKey = engine.StrangerKeyPem
        });

        var ok = await TestAsync(admin, good.Id);
        ok.Reachable.ShouldBeTrue(ok.Error);
        ok.EngineVersion.ShouldNotBeNullOrWhiteSpace();
        ok.ApiVersion.ShouldNotBeNullOrWhiteSpace();
        var withoutTls = await TestAsync(admin, plain.Id);
        withoutTls.Reachable.ShouldBeFalse();
        withoutTls.Error!.ShouldContain("HTTPS");
        var wrongCertificate = await TestAsync(admin, stranger.Id);
        wrongCertificate.Reachable.ShouldBeFalse();
        wrongCertificate.Error!.ShouldContain(engine.Endpoint.Replace("tcp://", "", StringComparison.Ordinal));

        // The certificates never come back, and are not readable in the database either.
        var listed = await admin.GetStringAsync(new Uri(Url, UriKind.Relative));
        listed.ShouldNotContain("BEGIN");
        listed.ShouldContain("\"usesTls\":true");
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var stored = await scope.ServiceProvider.GetRequiredService<PaddockDbContext>().ProviderAccounts.AsNoTracking().SingleAsync(a => a.Id == good.Id);
            stored.TlsClientKey.ShouldNotBeNull();
            stored.TlsClientKey.ShouldNotContain("PRIVATE KEY");
            stored.TlsCaCertificate!.ShouldNotContain("BEGIN");
        }

        (await factory.AuditActionsForAsync(good.Id)).ShouldNotBeEmpty();

        // A stack in an environment bound to the TLS account runs on that engine, not on the default one.
        var projectId = await PaddockWebFactory.CreateProjectAsync(admin, PaddockWebFactory.UniqueName("tlsstack"));
        var created = await admin.PostAsJsonAsync($"/api/v1/projects/{projectId}/environments", new { name = "remote", providerAccountId = good.Id });
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var environmentId = (await created.Content.ReadFromJsonAsync<EnvironmentBody>())!.Id;
        var blueprintId = await StackApi.CreateBlueprintAsync(admin, projectId, "two", TwoServices);
        var stackId = await StackApi.LaunchAsync(admin, projectId, environmentId, blueprintId);
        await StackApi.WaitForAsync(admin, projectId, stackId, "Running");

        (await engine.ContainersOfAsync(stackId)).Count.ShouldBe(2);
        (await Stacks.Docker.ContainersOfAsync(stackId)).ShouldBeEmpty();
        (await admin.DeleteAsync(new Uri($"{Url}/{good.Id}", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.Conflict);

        await StackApi.RequestAsync(admin, projectId, stackId, "Destroy");
        await StackApi.WaitForAsync(admin, projectId, stackId, "Destroyed");
        (await engine.ContainersOfAsync(stackId)).ShouldBeEmpty();
    }

    [Fact]
    public async Task An_unreachable_engine_fails_the_launch_clearly_and_the_operation_succeeds_when_retried_once_it_is_back()
    {
        var admin = await factory.SignInAsAdminAsync();
        var account = await CreateAsync(admin, new { name = PaddockWebFactory.UniqueName("flaky"), endpoint = "unix:///nonexistent/paddock-test/docker.sock" });
        var projectId = await PaddockWebFactory.CreateProjectAsync(admin, PaddockWebFactory.UniqueName("flaky"));
        var created = await admin.PostAsJsonAsync($"/api/v1/projects/{projectId}/environments", new { name = "dev", providerAccountId = account.Id });
        var environmentId = (await created.Content.ReadFromJsonAsync<EnvironmentBody>())!.Id;
        var blueprintId = await StackApi.CreateBlueprintAsync(admin, projectId, "two", TwoServices);

        var stackId = await StackApi.LaunchAsync(admin, projectId, environmentId, blueprintId);
        var failed = await StackApi.WaitForAsync(admin, projectId, stackId, "Failed");

        failed.Operations[0].Error!.ShouldContain("unreachable");
        failed.Operations[0].Error!.ShouldContain("/nonexistent/paddock-test/docker.sock");
        (await TestAsync(admin, account.Id)).Reachable.ShouldBeFalse();

        // The engine is back (here: the account now points at a running one); the same stack is retried and converges.
        var fixedAccount = await admin.PutAsJsonAsync($"{Url}/{account.Id}", new { name = account.Name, endpoint = Environment.GetEnvironmentVariable("PADDOCK_TEST_DOCKER") });
        fixedAccount.StatusCode.ShouldBe(HttpStatusCode.OK, await fixedAccount.Content.ReadAsStringAsync());
        (await TestAsync(admin, account.Id)).Reachable.ShouldBeTrue();
        await StackApi.RequestAsync(admin, projectId, stackId, "Update");
        await StackApi.WaitForAsync(admin, projectId, stackId, "Running");
        (await Stacks.Docker.ContainersOfAsync(stackId)).Count.ShouldBe(2);

        await StackApi.RequestAsync(admin, projectId, stackId, "Destroy");
        await StackApi.WaitForAsync(admin, projectId, stackId, "Destroyed");
        (await Stacks.Docker.ContainersOfAsync(stackId)).ShouldBeEmpty();
    }

    private static async Task<AccountBody> CreateAsync(HttpClient admin, object body)
    {
        var response = await admin.PostAsJsonAsync(Url, body);
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<AccountBody>())!;
    }

    private static async Task<ConnectivityBody> TestAsync(HttpClient admin, Guid accountId)
    {
        var response = await admin.PostAsync(new Uri($"{Url}/{accountId}/test", UriKind.Relative), null);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<ConnectivityBody>())!;
    }

    private sealed record AccountBody(Guid Id, string Name, string Kind, string Endpoint, bool UsesTls, bool IsDefault, bool FromConfiguration, int EnvironmentCount);

    private sealed record ChoiceBody(Guid Id, string Name, bool IsDefault);

    private sealed record EnvironmentBody(Guid Id, string Name, Guid? ProviderAccountId, bool AutoHeal);

    private sealed record ConnectivityBody(bool Reachable, string? EngineVersion, string? ApiVersion, string? Error);
}
