using System.Net;
using System.Net.Http.Json;
using Paddock.Testing;

namespace Paddock.Web.Tests.Environments;

[Collection(WebTestCollection.Name)]
public sealed class EnvironmentApiTests(PaddockWebFactory factory)
{
    [Fact]
    public async Task A_second_environment_with_the_same_name_is_a_field_error()
    {
        var (admin, projectId) = await ProjectAsync();
        await PaddockWebFactory.CreateEnvironmentAsync(admin, projectId, "staging");

        var response = await CreateAsync(admin, projectId, new { name = "staging" });

        await response.ShouldBeFieldErrorAsync("name", "already has an environment named 'staging'");
        (await EnvironmentsAsync(admin, projectId)).Count(e => e.Name == "staging").ShouldBe(1);
    }

    [Fact]
    public async Task The_same_environment_name_is_fine_in_another_project()
    {
        var (admin, projectId) = await ProjectAsync();
        var (_, otherId) = await ProjectAsync();
        await PaddockWebFactory.CreateEnvironmentAsync(admin, otherId, "staging");

        var response = await CreateAsync(admin, projectId, new { name = "staging" });

        response.StatusCode.ShouldBe(HttpStatusCode.Created);
    }

    [Theory]
    [InlineData("Production")]
    [InlineData("prod env")]
    [InlineData("1prod")]
    [InlineData("prod_eu")]
    public async Task An_environment_name_that_is_not_a_slug_is_a_field_error(string name)
    {
        var (admin, projectId) = await ProjectAsync();

        var response = await CreateAsync(admin, projectId, new { name });

        await response.ShouldBeFieldErrorAsync("name", "lower-case letters, digits and dashes");
        (await EnvironmentsAsync(admin, projectId)).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_missing_environment_name_is_a_field_error()
    {
        var (admin, projectId) = await ProjectAsync();

        var response = await CreateAsync(admin, projectId, new { description = "no name" });

        await response.ShouldBeFieldErrorAsync("name", "Name is required.");
        (await EnvironmentsAsync(admin, projectId)).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_default_ttl_above_the_maximum_is_a_field_error()
    {
        var (admin, projectId) = await ProjectAsync();

        var response = await CreateAsync(admin, projectId, new { name = "preview", defaultTtlHours = 48, maxTtlHours = 24 });

        await response.ShouldBeFieldErrorAsync("defaultTtl", "cannot exceed the maximum");
        (await EnvironmentsAsync(admin, projectId)).ShouldBeEmpty();
    }

    [Theory]
    [InlineData(0, null, "defaultTtl")]
    [InlineData(-1, null, "defaultTtl")]
    [InlineData(null, 0, "maxTtl")]
    [InlineData(null, 24 * 366, "maxTtl")]
    public async Task Non_positive_or_over_a_year_ttls_are_field_errors(int? defaultTtlHours, int? maxTtlHours, string field)
    {
        var (admin, projectId) = await ProjectAsync();

        var response = await CreateAsync(admin, projectId, new { name = "ttl", defaultTtlHours, maxTtlHours });

        await response.ShouldBeFieldErrorAsync(field, "time to live");
        (await EnvironmentsAsync(admin, projectId)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Renaming_an_environment_onto_a_sibling_name_changes_nothing()
    {
        var (admin, projectId) = await ProjectAsync();
        await PaddockWebFactory.CreateEnvironmentAsync(admin, projectId, "dev");
        var testId = await PaddockWebFactory.CreateEnvironmentAsync(admin, projectId, "test");

        var response = await admin.PutAsJsonAsync($"/api/v1/projects/{projectId}/environments/{testId}", new { name = "dev" });

        await response.ShouldBeFieldErrorAsync("name", "already has an environment named 'dev'");
        (await EnvironmentsAsync(admin, projectId)).Select(e => e.Name).ShouldBe(["dev", "test"]);
    }

    private async Task<(HttpClient Admin, Guid ProjectId)> ProjectAsync()
    {
        var admin = await factory.SignInAsAdminAsync();
        return (admin, await PaddockWebFactory.CreateProjectAsync(admin, PaddockWebFactory.UniqueName("envs")));
    }

    private static Task<HttpResponseMessage> CreateAsync(HttpClient client, Guid projectId, object body) =>
        client.PostAsJsonAsync($"/api/v1/projects/{projectId}/environments", body);

    private static async Task<List<EnvironmentBody>> EnvironmentsAsync(HttpClient client, Guid projectId) =>
        (await client.GetItemsAsync<EnvironmentBody>($"/api/v1/projects/{projectId}/environments"))!;

    private sealed record EnvironmentBody(Guid Id, string Name);
}
