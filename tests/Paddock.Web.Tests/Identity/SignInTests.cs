using System.Net;
using System.Net.Http.Json;
using Paddock.Testing;

namespace Paddock.Web.Tests.Identity;

[Collection(WebTestCollection.Name)]
public sealed class SignInTests(PaddockWebFactory factory)
{
    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_and_the_audit_log_says_so()
    {
        var email = PaddockWebFactory.UniqueEmail("clumsy");
        var (userId, _) = await factory.CreateUserAsync(email);
        var browser = factory.NewClient();

        var redirects = new List<string>();
        for (var attempt = 0; attempt < 5; attempt++)
        {
            redirects.Add(Location(await PaddockWebFactory.PostSignInAsync(browser, email, "Wrong-Passw0rd!")));
        }

        redirects.Take(4).ShouldAllBe(r => r.Contains("error=invalid"));
        redirects[4].ShouldContain("error=locked");
        (await factory.AuditActionsForAsync(userId)).ShouldContain("user.locked-out");
    }

    [Fact]
    public async Task A_locked_account_refuses_even_the_right_password()
    {
        var email = PaddockWebFactory.UniqueEmail("locked");
        await factory.CreateUserAsync(email);
        var browser = factory.NewClient();
        for (var attempt = 0; attempt < 5; attempt++)
        {
            await PaddockWebFactory.PostSignInAsync(browser, email, "Wrong-Passw0rd!");
        }

        var response = await PaddockWebFactory.PostSignInAsync(browser, email, PaddockWebFactory.UserPassword);

        Location(response).ShouldContain("error=locked");
        (await browser.GetAsync("/api/v1/projects")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_disabled_user_cannot_sign_in()
    {
        var admin = await factory.SignInAsAdminAsync();
        var email = PaddockWebFactory.UniqueEmail("disabled");
        var (userId, _) = await factory.CreateUserAsync(email, admin);
        (await admin.PostAsync($"/api/v1/users/{userId}/disable", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var browser = factory.NewClient();

        var response = await PaddockWebFactory.PostSignInAsync(browser, email, PaddockWebFactory.UserPassword);

        Location(response).ShouldContain("error=disabled");
        (await browser.GetAsync("/api/v1/projects")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await factory.AuditActionsForAsync(userId)).ShouldContain("user.sign-in-refused");
    }

    [Fact]
    public async Task A_re_enabled_user_can_sign_in_again()
    {
        var admin = await factory.SignInAsAdminAsync();
        var email = PaddockWebFactory.UniqueEmail("returning");
        var (userId, _) = await factory.CreateUserAsync(email, admin);
        await admin.PostAsync($"/api/v1/users/{userId}/disable", null);

        (await admin.PostAsync($"/api/v1/users/{userId}/enable", null)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var client = await factory.SignInAsync(email, PaddockWebFactory.UserPassword);
        (await client.GetAsync("/api/v1/projects")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task The_administrator_cannot_disable_their_own_account()
    {
        var admin = await factory.SignInAsAdminAsync();
        var users = await admin.GetAllItemsAsync<UserBody>("/api/v1/users");
        var adminId = users!.Single(u => u.Email == PaddockWebFactory.AdminEmail).Id;

        var response = await admin.PostAsync($"/api/v1/users/{adminId}/disable", null);

        await response.ShouldBeFieldErrorAsync("disabled", "your own account");
        await factory.SignInAsAdminAsync();
    }

    [Fact]
    public async Task An_unknown_e_mail_gets_the_same_answer_as_a_wrong_password()
    {
        var response = await PaddockWebFactory.PostSignInAsync(factory.NewClient(), PaddockWebFactory.UniqueEmail("nobody"), "Whatever-Passw0rd!");

        Location(response).ShouldContain("error=invalid");
    }

    private static string Location(HttpResponseMessage response)
    {
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        return response.Headers.Location!.ToString();
    }

    private sealed record UserBody(Guid Id, string Email);
}
