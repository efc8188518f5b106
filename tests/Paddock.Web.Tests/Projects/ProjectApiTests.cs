using System.Net;
using System.Net.Http.Json;
using Paddock.Testing;

namespace Paddock.Web.Tests.Projects;

[Collection(WebTestCollection.Name)]
public sealed class ProjectApiTests(PaddockWebFactory factory)
{
    [Fact]
    public async Task Admin_creates_a_project_and_sees_it_in_the_list()
    {
        var admin = await factory.SignInAsAdminAsync();
        var name = $"Shop {Guid.NewGuid():N}"[..20];

        var id = await PaddockWebFactory.CreateProjectAsync(admin, name);

        var list = await admin.GetAllItemsAsync<ProjectBody>("/api/v1/projects");
        list.ShouldNotBeNull().ShouldContain(p => p.Id == id && p.Name == name);
    }

    [Fact]
    public async Task Duplicate_project_name_is_a_field_error_and_creates_nothing()
    {
        var admin = await factory.SignInAsAdminAsync();
        var name = $"Dup {Guid.NewGuid():N}"[..20];
        await PaddockWebFactory.CreateProjectAsync(admin, name);

        var response = await admin.PostAsJsonAsync("/api/v1/projects", new { name = name.ToUpperInvariant() });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await response.Content.ReadFromJsonAsync<ProblemBody>();
        problem!.Errors.ShouldContainKey("name");
        var list = await admin.GetAllItemsAsync<ProjectBody>("/api/v1/projects");
        list!.Count(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase)).ShouldBe(1);
    }

    [Fact]
    public async Task Anonymous_api_call_gets_401_not_a_redirect()
    {
        var response = await factory.NewClient().GetAsync("/api/v1/projects");

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    private sealed record ProjectBody(Guid Id, string Name);

    private sealed record ProblemBody(Dictionary<string, string[]> Errors);
}
