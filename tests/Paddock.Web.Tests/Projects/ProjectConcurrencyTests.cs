using System.Net;
using System.Net.Http.Json;
using Paddock.Testing;

namespace Paddock.Web.Tests.Projects;

[Collection(WebTestCollection.Name)]
public sealed class ProjectConcurrencyTests(PaddockWebFactory factory)
{
    [Fact]
    public async Task Reading_a_project_returns_its_etag()
    {
        var admin = await factory.SignInAsAdminAsync();
        var projectId = await PaddockWebFactory.CreateProjectAsync(admin, PaddockWebFactory.UniqueName("etag"));

        var response = await admin.GetAsync($"/api/v1/projects/{projectId}");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Headers.ETag.ShouldNotBeNull().Tag.ShouldMatch("^\"[0-9]+\"$");
    }

    [Fact]
    public async Task Saving_over_a_newer_version_is_refused_with_412_and_keeps_the_newer_name()
    {
        var admin = await factory.SignInAsAdminAsync();
        var projectId = await PaddockWebFactory.CreateProjectAsync(admin, PaddockWebFactory.UniqueName("race"));
        var staleETag = (await admin.GetAsync($"/api/v1/projects/{projectId}")).Headers.ETag!.Tag;
        var winner = PaddockWebFactory.UniqueName("winner");
        (await PutAsync(admin, projectId, winner, staleETag)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var response = await PutAsync(admin, projectId, PaddockWebFactory.UniqueName("loser"), staleETag);

        response.StatusCode.ShouldBe(HttpStatusCode.PreconditionFailed);
        (await NameOfAsync(admin, projectId)).ShouldBe(winner);
    }

    [Fact]
    public async Task A_save_returns_the_new_etag_which_a_following_save_can_use()
    {
        var admin = await factory.SignInAsAdminAsync();
        var projectId = await PaddockWebFactory.CreateProjectAsync(admin, PaddockWebFactory.UniqueName("chain"));
        var etag = (await admin.GetAsync($"/api/v1/projects/{projectId}")).Headers.ETag!.Tag;
        var first = await PutAsync(admin, projectId, PaddockWebFactory.UniqueName("first"), etag);
        var second = PaddockWebFactory.UniqueName("second");

        var response = await PutAsync(admin, projectId, second, first.Headers.ETag!.Tag);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await NameOfAsync(admin, projectId)).ShouldBe(second);
    }

    [Fact]
    public async Task A_malformed_if_match_is_a_field_error_and_changes_nothing()
    {
        var admin = await factory.SignInAsAdminAsync();
        var name = PaddockWebFactory.UniqueName("garbled");
        var projectId = await PaddockWebFactory.CreateProjectAsync(admin, name);

        var response = await PutAsync(admin, projectId, PaddockWebFactory.UniqueName("other"), "\"not-a-version\"");

        await response.ShouldBeFieldErrorAsync("If-Match", "ETag");
        (await NameOfAsync(admin, projectId)).ShouldBe(name);
    }

    private static async Task<HttpResponseMessage> PutAsync(HttpClient client, Guid projectId, string name, string ifMatch)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/projects/{projectId}") { Content = JsonContent.Create(new { name }) };
        request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return await client.SendAsync(request);
    }

    private static async Task<string> NameOfAsync(HttpClient client, Guid projectId) =>
        (await client.GetFromJsonAsync<ProjectBody>($"/api/v1/projects/{projectId}"))!.Name;

    private sealed record ProjectBody(Guid Id, string Name);
}
