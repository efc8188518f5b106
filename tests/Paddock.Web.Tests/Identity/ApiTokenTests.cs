using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Paddock.Core.Identity;
using Paddock.Core.Identity.Tokens;
using Paddock.Data;
using Paddock.Testing;

namespace Paddock.Web.Tests.Identity;

/// <summary>Personal API tokens and service accounts, called with <c>Authorization: Bearer</c> like an integration would.</summary>
[Collection(WebTestCollection.Name)]
public sealed class ApiTokenTests(PaddockWebFactory factory)
{
    [Fact]
    public async Task A_token_is_shown_once_stored_only_as_its_hash_and_authenticates_api_calls()
    {
        var admin = await factory.SignInAsAdminAsync();
        var projectId = await PaddockWebFactory.CreateProjectAsync(admin, PaddockWebFactory.UniqueName("tok"));

        var response = await admin.PostAsJsonAsync("/api/v1/me/tokens", new { name = "ci pipeline", scopes = new[] { "read", "launch" }, expiresInDays = 90 });

        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        var created = (await response.Content.ReadFromJsonAsync<CreatedBody>())!;
        created.Secret.ShouldStartWith("pdk_");
        created.Token.Scopes.ShouldBe(["read", "launch"], ignoreOrder: true);
        created.Token.ExpiresAt.ShouldBeInRange(DateTimeOffset.UtcNow.AddDays(89), DateTimeOffset.UtcNow.AddDays(91));

        var bearer = factory.TokenClient(created.Secret);
        (await bearer.GetAsync($"/api/v1/projects/{projectId}")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var listed = await admin.GetStringAsync("/api/v1/me/tokens");
        listed.ShouldContain("ci pipeline");
        listed.ShouldNotContain(created.Secret);
        listed.ShouldNotContain(created.Secret[12..]);

        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PaddockDbContext>();
        var row = await db.ApiTokens.AsNoTracking().SingleAsync(t => t.Id == created.Token.Id);
        row.Hash.ShouldBe(TokenSecrets.Hash(created.Secret));
        row.Hash.ShouldNotContain(created.Secret[4..]);
        var audit = await db.AuditEvents.AsNoTracking().Where(e => e.TargetId == created.Token.Id).ToListAsync();
        audit.Select(e => e.Action).ShouldBe(["api-token.created"]);
        var written = string.Join(' ', audit.SelectMany(e => e.Changes).Select(c => $"{c.Field}={c.After}"));
        written.ShouldContain("ci pipeline");
        written.ShouldNotContain(row.Hash);
        written.ShouldNotContain(created.Secret[12..]);
    }

    [Fact]
    public async Task Owner_power_through_a_token_follows_the_users_current_owner_status()
    {
        var admin = await factory.SignInAsAdminAsync();
        var projectId = await PaddockWebFactory.CreateProjectAsync(admin, PaddockWebFactory.UniqueName("ownertok"));
        var email = PaddockWebFactory.UniqueEmail("owner2");
        var created = await admin.PostAsJsonAsync("/api/v1/users", new { email, displayName = "Second owner", password = "Owner2-Passw0rd!", isOwner = true });
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var owner = await factory.SignInAsync(email, "Owner2-Passw0rd!");
        var (_, secret) = await PaddockWebFactory.CreateTokenAsync(owner, "admin");
        var bearer = factory.TokenClient(secret);
        (await bearer.GetAsync($"/api/v1/projects/{projectId}")).StatusCode.ShouldBe(HttpStatusCode.OK, "an owner reaches every project");

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<PaddockDbContext>().Users.Where(u => u.Email == email)
                .ExecuteUpdateAsync(u => u.SetProperty(x => x.IsOwner, false));
        }

        (await bearer.GetAsync($"/api/v1/projects/{projectId}")).StatusCode.ShouldBe(HttpStatusCode.NotFound, "the same token, one request later, is no owner any more");
        (await bearer.GetAsync("/api/v1/users")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_read_token_cannot_change_anything_even_for_the_owner()
    {
        var admin = await factory.SignInAsAdminAsync();
        var (_, secret) = await PaddockWebFactory.CreateTokenAsync(admin, "read");
        var bearer = factory.TokenClient(secret);

        (await bearer.GetAsync("/api/v1/projects")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var create = await bearer.PostAsJsonAsync("/api/v1/projects", new { name = PaddockWebFactory.UniqueName("nope") });

        create.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await create.ReadProblemAsync()).Detail!.ShouldContain("projects.create");
        (await bearer.GetAsync("/api/v1/users")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_tokens_permissions_are_its_owners_role_intersected_with_its_scopes()
    {
        var admin = await factory.SignInAsAdminAsync();
        var projectId = await PaddockWebFactory.CreateProjectAsync(admin, PaddockWebFactory.UniqueName("inter"));
        var developer = await factory.CreateMemberAsync(admin, projectId, ProjectRole.Developer);
        var (_, adminScoped) = await PaddockWebFactory.CreateTokenAsync(developer.Client, "admin");
        var (_, launchOnly) = await PaddockWebFactory.CreateTokenAsync(developer.Client, "launch");

        // Admin scope does not lift a developer above their role.
        var addMember = await factory.TokenClient(adminScoped).PostAsJsonAsync($"/api/v1/projects/{projectId}/members", new { email = PaddockWebFactory.AdminEmail, role = "Viewer" });
        addMember.StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        // The role allows writing blueprints, but a launch token does not.
        var blueprint = await factory.TokenClient(launchOnly).PostAsJsonAsync($"/api/v1/projects/{projectId}/blueprints", new { name = "web", yaml = "apiVersion: paddock/v1\nkind: Blueprint\nservices: {}\n" });
        blueprint.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await factory.TokenClient(adminScoped).PostAsJsonAsync($"/api/v1/projects/{projectId}/blueprints", new { name = "web", yaml = "x: [" }))
            .StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Revoked_expired_malformed_and_unknown_tokens_get_401()
    {
        var admin = await factory.SignInAsAdminAsync();
        var (revokedId, revoked) = await PaddockWebFactory.CreateTokenAsync(admin, "read");
        var (expiredId, expired) = await PaddockWebFactory.CreateTokenAsync(admin, "read");
        (await factory.TokenClient(revoked).GetAsync("/api/v1/projects")).StatusCode.ShouldBe(HttpStatusCode.OK);

        (await admin.DeleteAsync($"/api/v1/me/tokens/{revokedId}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<PaddockDbContext>().ApiTokens.Where(t => t.Id == expiredId)
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.ExpiresAt, DateTimeOffset.UtcNow.AddSeconds(-1)));
        }

        foreach (var secret in new[] { revoked, expired, "pdk_" + new string('x', 43), "not-a-token" })
        {
            var response = await factory.TokenClient(secret).GetAsync("/api/v1/projects");
            response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized, secret);
            response.Headers.WwwAuthenticate.ToString().ShouldContain("Bearer");
        }

        var list = await admin.GetAllItemsAsync<TokenBody>("/api/v1/me/tokens");
        list!.Single(t => t.Id == revokedId).IsActive.ShouldBeFalse();
        list!.Single(t => t.Id == revokedId).RevokedAt.ShouldNotBeNull();
    }

    [Fact]
    public async Task Someone_elses_token_cannot_be_revoked_and_is_reported_missing()
    {
        var admin = await factory.SignInAsAdminAsync();
        var (tokenId, secret) = await PaddockWebFactory.CreateTokenAsync(admin, "read");
        var (_, other) = await factory.CreateUserAsync(PaddockWebFactory.UniqueEmail("other"), admin);

        (await other.DeleteAsync($"/api/v1/me/tokens/{tokenId}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await factory.TokenClient(secret).GetAsync("/api/v1/projects")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Last_use_is_recorded_but_not_rewritten_on_every_call()
    {
        var admin = await factory.SignInAsAdminAsync();
        var (tokenId, secret) = await PaddockWebFactory.CreateTokenAsync(admin, "read");
        var bearer = factory.TokenClient(secret);
        (await admin.GetAllItemsAsync<TokenBody>("/api/v1/me/tokens"))!.Single(t => t.Id == tokenId).LastUsedAt.ShouldBeNull();

        await bearer.GetAsync("/api/v1/projects");
        var first = (await admin.GetAllItemsAsync<TokenBody>("/api/v1/me/tokens"))!.Single(t => t.Id == tokenId).LastUsedAt;
        await Task.Delay(50);
        await bearer.GetAsync("/api/v1/projects");
        var second = (await admin.GetAllItemsAsync<TokenBody>("/api/v1/me/tokens"))!.Single(t => t.Id == tokenId).LastUsedAt;

        first.ShouldNotBeNull();
        first.Value.ShouldBeGreaterThan(DateTimeOffset.UtcNow.AddMinutes(-1));
        second.ShouldBe(first);
    }

    [Fact]
    public async Task Bad_token_requests_name_the_field_and_the_reason()
    {
        var admin = await factory.SignInAsAdminAsync();

        await (await admin.PostAsJsonAsync("/api/v1/me/tokens", new { scopes = new[] { "read" }, expiresInDays = 30 })).ShouldBeFieldErrorAsync("name", "required");
        await (await admin.PostAsJsonAsync("/api/v1/me/tokens", new { name = "a", scopes = Array.Empty<string>(), expiresInDays = 30 })).ShouldBeFieldErrorAsync("scopes", "at least one");
        await (await admin.PostAsJsonAsync("/api/v1/me/tokens", new { name = "a", scopes = new[] { "read", "root" }, expiresInDays = 30 })).ShouldBeFieldErrorAsync("scopes[1]", "'root' is not a scope");
        await (await admin.PostAsJsonAsync("/api/v1/me/tokens", new { name = "a", scopes = new[] { "read" } })).ShouldBeFieldErrorAsync("expiresInDays", "expires");
        await (await admin.PostAsJsonAsync("/api/v1/me/tokens", new { name = "a", scopes = new[] { "read" }, expiresInDays = 366 })).ShouldBeFieldErrorAsync("expiresInDays", "365");
        var unreadable = await admin.PostAsync("/api/v1/me/tokens", new StringContent("{\"name\": 5", System.Text.Encoding.UTF8, "application/json"));
        unreadable.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_token_cannot_mint_a_token_with_more_scopes_than_it_has()
    {
        var admin = await factory.SignInAsAdminAsync();
        var (_, secret) = await PaddockWebFactory.CreateTokenAsync(admin, "read");
        var bearer = factory.TokenClient(secret);

        await (await bearer.PostAsJsonAsync("/api/v1/me/tokens", new { name = "escalate", scopes = new[] { "admin" }, expiresInDays = 1 }))
            .ShouldBeFieldErrorAsync("scopes", "cannot have more");
        (await bearer.PostAsJsonAsync("/api/v1/me/tokens", new { name = "same", scopes = new[] { "read" }, expiresInDays = 1 })).StatusCode.ShouldBe(HttpStatusCode.Created);
    }

    [Fact]
    public async Task A_service_account_acts_in_its_role_through_its_tokens_and_deleting_it_revokes_them()
    {
        var admin = await factory.SignInAsAdminAsync();
        var projectId = await PaddockWebFactory.CreateProjectAsync(admin, PaddockWebFactory.UniqueName("sa"));
        var created = await admin.PostAsJsonAsync($"/api/v1/projects/{projectId}/service-accounts", new { name = "deploy-bot", role = "Operator" });
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        var account = (await created.Content.ReadFromJsonAsync<AccountBody>())!;
        var issued = await admin.PostAsJsonAsync($"/api/v1/projects/{projectId}/service-accounts/{account.Id}/tokens",
            new { name = "pipeline", scopes = new[] { "launch" }, expiresInDays = 30 });
        issued.StatusCode.ShouldBe(HttpStatusCode.Created);
        var bot = factory.TokenClient((await issued.Content.ReadFromJsonAsync<CreatedBody>())!.Secret);

        (await bot.GetAsync($"/api/v1/projects/{projectId}/stacks")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await bot.PutAsJsonAsync($"/api/v1/projects/{projectId}", new { name = "renamed" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await bot.GetStringAsync("/api/v1/projects")).ShouldContain(projectId.ToString());
        (await admin.GetItemsAsync<AccountBody>($"/api/v1/projects/{projectId}/service-accounts"))!
            .ShouldContain(a => a.Id == account.Id && a.Role == "Operator" && a.ActiveTokens == 1);
        (await admin.GetAllItemsAsync<AccountBody>("/api/v1/users")).ShouldNotContain(u => u.Id == account.UserId);
        (await factory.AuditActionsForAsync(account.Id)).ShouldBe(["service-account.created"]);

        (await admin.DeleteAsync($"/api/v1/projects/{projectId}/service-accounts/{account.Id}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        (await bot.GetAsync($"/api/v1/projects/{projectId}/stacks")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await admin.GetItemsAsync<AccountBody>($"/api/v1/projects/{projectId}/service-accounts"))!.ShouldNotContain(a => a.Id == account.Id);
    }

    [Fact]
    public async Task Bad_service_account_requests_name_the_field()
    {
        var admin = await factory.SignInAsAdminAsync();
        var projectId = await PaddockWebFactory.CreateProjectAsync(admin, PaddockWebFactory.UniqueName("sabad"));

        await (await admin.PostAsJsonAsync($"/api/v1/projects/{projectId}/service-accounts", new { name = "Deploy Bot", role = "Operator" })).ShouldBeFieldErrorAsync("name", "lower-case");
        await (await admin.PostAsJsonAsync($"/api/v1/projects/{projectId}/service-accounts", new { name = "bot", role = "God" })).ShouldBeFieldErrorAsync("role", "'God' is not a role");
        (await admin.PostAsJsonAsync($"/api/v1/projects/{projectId}/service-accounts", new { name = "bot", role = "Viewer" })).StatusCode.ShouldBe(HttpStatusCode.Created);
        await (await admin.PostAsJsonAsync($"/api/v1/projects/{projectId}/service-accounts", new { name = "bot", role = "Viewer" })).ShouldBeFieldErrorAsync("name", "already has");
        (await admin.PostAsJsonAsync($"/api/v1/projects/{projectId}/service-accounts/{Guid.NewGuid()}/tokens", new { name = "x", scopes = new[] { "read" }, expiresInDays = 1 }))
            .StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    private sealed record TokenBody(Guid Id, string Name, List<string> Scopes, DateTimeOffset ExpiresAt, DateTimeOffset? LastUsedAt, DateTimeOffset? RevokedAt, bool IsActive);

    private sealed record CreatedBody(TokenBody Token, string Secret);

    private sealed record AccountBody(Guid Id, Guid UserId, string Name, string Role, int ActiveTokens);
}
