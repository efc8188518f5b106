using System.Net;
using System.Net.Http.Json;
using Paddock.Testing;

namespace Paddock.Web.Tests.Users;

[Collection(WebTestCollection.Name)]
public sealed class UserApiTests(PaddockWebFactory factory)
{
    [Theory]
    [InlineData("not-an-email")]
    [InlineData("ada@localhost")]
    [InlineData("Ada <ada@example.com>")]
    public async Task A_new_user_with_an_invalid_e_mail_is_a_field_error_and_is_not_created(string email)
    {
        var admin = await factory.SignInAsAdminAsync();

        var response = await admin.PostAsJsonAsync("/api/v1/users", new { email, password = PaddockWebFactory.UserPassword });

        await response.ShouldBeFieldErrorAsync("email", "not a valid e-mail address");
        (await UsersAsync(admin)).ShouldNotContain(u => u.Email == email);
    }

    [Theory]
    [InlineData("short1A")]
    [InlineData("alllowercase123")]
    [InlineData("NoDigitsAtAllHere")]
    public async Task A_weak_password_names_the_password_field_and_creates_no_user(string password)
    {
        var admin = await factory.SignInAsAdminAsync();
        var email = PaddockWebFactory.UniqueEmail("weak");

        var response = await admin.PostAsJsonAsync("/api/v1/users", new { email, password });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await response.ReadProblemAsync();
        problem.FieldErrors.Keys.ShouldBe(["password"]);
        (await UsersAsync(admin)).ShouldNotContain(u => u.Email == email);
    }

    [Fact]
    public async Task A_second_user_with_the_same_e_mail_is_a_field_error()
    {
        var admin = await factory.SignInAsAdminAsync();
        var email = PaddockWebFactory.UniqueEmail("twin");
        await factory.CreateUserAsync(email, admin);

        var response = await admin.PostAsJsonAsync("/api/v1/users", new { email = email.ToUpperInvariant(), password = PaddockWebFactory.UserPassword });

        await response.ShouldBeFieldErrorAsync("email", "already exists");
        (await UsersAsync(admin)).Count(u => string.Equals(u.Email, email, StringComparison.OrdinalIgnoreCase)).ShouldBe(1);
    }

    [Fact]
    public async Task A_user_created_without_a_password_gets_a_generated_one_shown_once()
    {
        var admin = await factory.SignInAsAdminAsync();
        var email = PaddockWebFactory.UniqueEmail("generated");

        var response = await admin.PostAsJsonAsync("/api/v1/users", new { email });

        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        var created = await response.Content.ReadFromJsonAsync<CreatedBody>();
        created!.GeneratedPassword.ShouldNotBeNullOrEmpty();
        await factory.SignInAsync(email, created.GeneratedPassword);
    }

    [Fact]
    public async Task A_weak_new_password_names_the_new_password_field()
    {
        var email = PaddockWebFactory.UniqueEmail("changer");
        var (_, user) = await factory.CreateUserAsync(email);

        var response = await user.PostAsJsonAsync("/api/v1/me/password", new { currentPassword = PaddockWebFactory.UserPassword, newPassword = "weak" });

        await response.ShouldBeFieldErrorAsync("newPassword", "");
        await factory.SignInAsync(email, PaddockWebFactory.UserPassword);
    }

    [Fact]
    public async Task A_wrong_current_password_names_the_current_password_field()
    {
        var email = PaddockWebFactory.UniqueEmail("forgetful");
        var (_, user) = await factory.CreateUserAsync(email);

        var response = await user.PostAsJsonAsync("/api/v1/me/password", new { currentPassword = "Wrong-Passw0rd!", newPassword = "Brand-New-Passw0rd" });

        await response.ShouldBeFieldErrorAsync("currentPassword", "not correct");
        await factory.SignInAsync(email, PaddockWebFactory.UserPassword);
    }

    private static async Task<List<UserBody>> UsersAsync(HttpClient admin) =>
        (await admin.GetAllItemsAsync<UserBody>("/api/v1/users"))!;

    private sealed record UserBody(Guid Id, string Email);

    private sealed record CreatedBody(UserBody User, string? GeneratedPassword);
}
