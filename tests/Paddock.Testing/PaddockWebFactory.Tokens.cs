using System.Net.Http.Headers;
using System.Net.Http.Json;

namespace Paddock.Testing;

/// <summary>Intent methods for API tokens: issue one through the API, and call the API with it.</summary>
public partial class PaddockWebFactory
{
    /// <summary>Creates a personal token for the user behind <paramref name="client"/>; returns its id and the secret (shown once).</summary>
    public static async Task<(Guid Id, string Secret)> CreateTokenAsync(HttpClient client, params string[] scopes)
    {
        var response = await client.PostAsJsonAsync("/api/v1/me/tokens", new { name = UniqueName("token"), scopes, expiresInDays = 30 });
        response.EnsureSuccessStatusCode();
        var body = (await response.Content.ReadFromJsonAsync<CreatedTokenBody>())!;
        return (body.Token.Id, body.Secret);
    }

    /// <summary>A client without cookies that authenticates with <c>Authorization: Bearer</c>.</summary>
    public HttpClient TokenClient(string secret)
    {
        var client = NewClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        return client;
    }

    private sealed record TokenIdBody(Guid Id);

    private sealed record CreatedTokenBody(TokenIdBody Token, string Secret);
}
