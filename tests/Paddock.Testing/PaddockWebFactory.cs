using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Paddock.Core.Identity;
using Xunit;

namespace Paddock.Testing;

/// <summary>
/// Paddock in-process on its own real PostgreSQL database, with intent methods for tests: sign in as the
/// administrator, create users, projects and environments through the public API.
/// </summary>
public partial class PaddockWebFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string AdminEmail = "admin@paddock.test";
    public const string AdminPassword = "Admin-Passw0rd!";
    public const string UserPassword = "User-Passw0rd!";

    private TestDatabase? _database;

    public string ConnectionString => _database!.ConnectionString;

    /// <summary>Set before the host starts to serve on a real Kestrel port (browser tests).</summary>
    protected bool UseRealServer { get; init; }

    public Uri? ServerAddress { get; private set; }

    public virtual async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        if (UseRealServer)
        {
            UseKestrel(0);
            StartServer();
            // Kestrel's bound address, not ClientOptions' default http://localhost: a browser needs the real port.
            var bound = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
                ?? throw new InvalidOperationException("Kestrel reported no address.");
            ServerAddress = new Uri(bound.Replace("[::]", "127.0.0.1", StringComparison.Ordinal).TrimEnd('/'));
            ClientOptions.BaseAddress = ServerAddress;
        }
        else
        {
            StartServer();
        }
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("ConnectionStrings:Paddock", _database!.ConnectionString);
        builder.UseSetting("Paddock:Admin:Email", AdminEmail);
        builder.UseSetting("Paddock:Admin:Password", AdminPassword);
        builder.UseSetting("Paddock:Jobs:WorkerCount", "4");
        // The private engine the test command starts; a missing one makes stack operations fail clearly, not hang.
        builder.UseSetting("Docker:Host", Environment.GetEnvironmentVariable("PADDOCK_TEST_DOCKER") ?? "unix:///nonexistent/docker.sock");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        // Tests make their own projects; the newcomer sample would only get in their way.
        builder.UseSetting("Paddock:Sample", "false");
        // Tests call the API far faster than people do; the rate-limit tests lower it again in their own factory.
        builder.UseSetting("Paddock:RateLimit:PermitLimit", "1000000");
    }

    /// <summary>A client with its own cookie jar, not following redirects, so tests see 302s and 401s as they are.</summary>
    public HttpClient NewClient()
    {
        if (ServerAddress is null)
        {
            return CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        }

        // On Kestrel, the factory's client sits on a SocketsHttpHandler that follows redirects whatever AllowAutoRedirect says.
        var handler = new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new CookieContainer() };
        return new HttpClient(handler) { BaseAddress = ServerAddress };
    }

    public Task<HttpClient> SignInAsAdminAsync() => SignInAsync(AdminEmail, AdminPassword);

    public async Task<HttpClient> SignInAsync(string email, string password)
    {
        var client = NewClient();
        var response = await PostSignInAsync(client, email, password);
        if (response.StatusCode != HttpStatusCode.Redirect || response.Headers.Location?.ToString().Contains("error", StringComparison.Ordinal) == true)
        {
            throw new InvalidOperationException($"Sign-in as {email} failed: {response.StatusCode} {response.Headers.Location}");
        }

        return client;
    }

    /// <summary>Posts the sign-in form as a browser would, antiforgery token included.</summary>
    public static async Task<HttpResponseMessage> PostSignInAsync(HttpClient client, string email, string password)
    {
        var page = await client.GetStringAsync(new Uri("/account/sign-in", UriKind.Relative));
        var token = AntiforgeryField().Match(page).Groups[1].Value;
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["email"] = email,
            ["password"] = password,
            ["returnUrl"] = "/",
            ["__RequestVerificationToken"] = token,
        });
        return await client.PostAsync(new Uri("/account/sign-in", UriKind.Relative), form);
    }

    /// <summary>Creates a user through the administrator API and returns a client signed in as them.</summary>
    public async Task<(Guid Id, HttpClient Client)> CreateUserAsync(string email, HttpClient? admin = null)
    {
        admin ??= await SignInAsAdminAsync();
        var response = await admin.PostAsJsonAsync("/api/v1/users", new { email, displayName = email.Split('@')[0], password = UserPassword });
        response.EnsureSuccessStatusCode();
        var created = await response.Content.ReadFromJsonAsync<CreatedUserBody>();
        return (created!.User.Id, await SignInAsync(email, UserPassword));
    }

    public static async Task<Guid> CreateProjectAsync(HttpClient client, string name)
    {
        var response = await client.PostAsJsonAsync("/api/v1/projects", new { name, description = $"{name} for tests" });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<IdBody>())!.Id;
    }

    public static async Task AddMemberAsync(HttpClient client, Guid projectId, string email, ProjectRole role)
    {
        var response = await client.PostAsJsonAsync($"/api/v1/projects/{projectId}/members", new { email, role = role.ToString() });
        response.EnsureSuccessStatusCode();
    }

    public T Service<T>()
        where T : notnull => Services.GetRequiredService<T>();

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();

    private sealed record IdBody(Guid Id);

    private sealed record UserBody(Guid Id);

    private sealed record CreatedUserBody(UserBody User);
}
