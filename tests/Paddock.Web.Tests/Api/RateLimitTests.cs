using System.Net;
using Microsoft.AspNetCore.Hosting;
using Paddock.Testing;

namespace Paddock.Web.Tests.Api;

/// <summary>A Paddock whose API allows five calls per caller per minute.</summary>
public sealed class RateLimitedFactory : PaddockWebFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Paddock:RateLimit:PermitLimit", "5");
        builder.UseSetting("Paddock:RateLimit:WindowSeconds", "60");
    }
}

public sealed class RateLimitTests(RateLimitedFactory factory) : IClassFixture<RateLimitedFactory>
{
    [Fact]
    public async Task A_caller_over_the_limit_gets_429_with_retry_after_and_other_callers_are_unaffected()
    {
        var admin = await factory.SignInAsAdminAsync();
        var (_, user) = await factory.CreateUserAsync(PaddockWebFactory.UniqueEmail("busy"), admin);
        var (_, secret) = await PaddockWebFactory.CreateTokenAsync(user, "read");

        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? limited = null;
        for (var i = 0; i < 6 && limited is null; i++)
        {
            var response = await user.GetAsync("/api/v1/projects");
            statuses.Add(response.StatusCode);
            limited = response.StatusCode == HttpStatusCode.TooManyRequests ? response : null;
        }

        // One call went to creating the token: four more fit, the fifth is refused.
        statuses.ShouldBe([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests]);
        limited!.Headers.RetryAfter!.Delta!.Value.TotalSeconds.ShouldBeInRange(1, 60);
        (await limited.ReadProblemAsync()).Detail!.ShouldContain("5 API calls per 60 s");

        // Each token has its own budget, and so does every other user.
        (await factory.TokenClient(secret).GetAsync("/api/v1/projects")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await admin.GetAsync("/api/v1/projects")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
