using System.Net;
using Paddock.Testing;

namespace Paddock.Web.Tests.Hosting;

[Collection(WebTestCollection.Name)]
public sealed class HostingTests(PaddockWebFactory factory)
{
    [Fact]
    public async Task Liveness_answers_200_without_signing_in() =>
        (await factory.NewClient().GetAsync("/health/live")).StatusCode.ShouldBe(HttpStatusCode.OK);

    [Fact]
    public async Task Readiness_answers_healthy_when_the_database_and_job_storage_answer()
    {
        var response = await factory.NewClient().GetAsync("/health/ready");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldBe("Healthy");
    }

    [Fact]
    public async Task The_jobs_dashboard_refuses_anonymous_visitors()
    {
        var response = await factory.NewClient().GetAsync("/jobs");

        response.StatusCode.ShouldBeOneOf(HttpStatusCode.Unauthorized, HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task The_jobs_dashboard_refuses_a_signed_in_user_who_is_not_an_owner()
    {
        var (_, user) = await factory.CreateUserAsync(PaddockWebFactory.UniqueEmail("curious"));

        var response = await user.GetAsync("/jobs");

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task The_jobs_dashboard_opens_for_the_owner()
    {
        var admin = await factory.SignInAsAdminAsync();

        var response = await admin.GetAsync("/jobs");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldContain("Paddock jobs");
    }
}
