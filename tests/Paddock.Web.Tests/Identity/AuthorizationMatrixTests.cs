using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Paddock.Core.Identity;
using Paddock.Core.Identity.Tokens;
using Paddock.Testing;
using Paddock.Web.Identity;

namespace Paddock.Web.Tests.Identity;

/// <summary>
/// Every endpoint that declares a permission, called by every kind of caller: refused exactly when the caller's role
/// lacks the permission, and a refused call changes nothing.
/// </summary>
[Collection(WebTestCollection.Name)]
public sealed partial class AuthorizationMatrixTests(PaddockWebFactory factory)
{
    private const string Owner = "owner";
    private const string NonMember = "non-member";

    // Endpoints any signed-in user may call: they declare no permission, the handler scopes what they see.
    private static readonly string[] ForAnySignedInUser =
    [
        "GET /api/v1/projects/", "POST /api/v1/me/password",
        "GET /api/v1/me/tokens/", "POST /api/v1/me/tokens/", "DELETE /api/v1/me/tokens/{tokenId:guid}",
        // Across projects: the handler keeps what the caller may read in each project.
        "GET /api/v1/approvals", "GET /api/v1/costs", "GET /api/v1/costs.csv",
    ];

    public static TheoryData<string> Callers => new([Owner, NonMember, .. Enum.GetNames<ProjectRole>()]);

    /// <summary>Every member caller with a token of every single scope: refused what the role or the scope lacks.</summary>
    public static TheoryData<string, TokenScope> CallersAndScopes
    {
        get
        {
            var data = new TheoryData<string, TokenScope>();
            foreach (var caller in Enum.GetNames<ProjectRole>().Prepend(Owner))
            {
                foreach (var scope in Enum.GetValues<TokenScope>())
                {
                    data.Add(caller, scope);
                }
            }

            return data;
        }
    }

    [Fact]
    public void Every_api_endpoint_declares_a_permission_or_is_for_any_signed_in_user()
    {
        var undeclared = ApiEndpoints().Where(e => e.Permission is null).Select(e => e.ToString());

        undeclared.ShouldBe(ForAnySignedInUser, ignoreOrder: true);
    }

    [Fact]
    public void The_matrix_covers_the_known_endpoints() =>
        PermissionEndpoints().Count.ShouldBeGreaterThanOrEqualTo(17);

    [Fact]
    public async Task Anonymous_callers_get_401_from_every_api_endpoint()
    {
        var anonymous = factory.NewClient();
        var routes = new Routes(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var before = await factory.AuditEventCountAsync();

        var wrong = new List<string>();
        foreach (var endpoint in ApiEndpoints())
        {
            var status = await CallAsync(anonymous, endpoint, routes);
            if (status != HttpStatusCode.Unauthorized)
            {
                wrong.Add($"{endpoint} answered {(int)status}");
            }
        }

        wrong.ShouldBeEmpty();
        (await factory.AuditEventCountAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task Callers_with_an_unknown_or_revoked_token_get_401_from_every_api_endpoint()
    {
        var admin = await factory.SignInAsAdminAsync();
        var (tokenId, secret) = await PaddockWebFactory.CreateTokenAsync(admin, "admin");
        (await admin.DeleteAsync($"/api/v1/me/tokens/{tokenId}")).EnsureSuccessStatusCode();
        var routes = new Routes(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var before = await factory.AuditEventCountAsync();

        var wrong = new List<string>();
        foreach (var client in new[] { factory.TokenClient(secret), factory.TokenClient("pdk_" + new string('A', 43)) })
        {
            foreach (var endpoint in ApiEndpoints())
            {
                var status = await CallAsync(client, endpoint, routes);
                if (status != HttpStatusCode.Unauthorized)
                {
                    wrong.Add($"{endpoint} answered {(int)status}");
                }
            }
        }

        wrong.ShouldBeEmpty();
        (await factory.AuditEventCountAsync()).ShouldBe(before);
    }

    [Theory]
    [MemberData(nameof(Callers))]
    public async Task Each_caller_is_refused_exactly_what_their_role_does_not_grant(string caller)
    {
        var admin = await factory.SignInAsAdminAsync();
        var projectId = await PaddockWebFactory.CreateProjectAsync(admin, PaddockWebFactory.UniqueName("matrix"));
        var environmentId = await PaddockWebFactory.CreateEnvironmentAsync(admin, projectId, "dev");
        var bystander = await factory.CreateMemberAsync(admin, projectId, ProjectRole.Viewer);
        var client = await ClientForAsync(caller, admin, projectId);

        await CheckMatrixAsync(client, caller, admin, projectId, environmentId, bystander.Id, permission => Holds(caller, permission));
    }

    [Theory]
    [MemberData(nameof(CallersAndScopes))]
    public async Task Each_token_is_refused_exactly_what_its_owners_role_or_its_scope_does_not_grant(string caller, TokenScope scope)
    {
        var admin = await factory.SignInAsAdminAsync();
        var projectId = await PaddockWebFactory.CreateProjectAsync(admin, PaddockWebFactory.UniqueName("scopes"));
        var environmentId = await PaddockWebFactory.CreateEnvironmentAsync(admin, projectId, "dev");
        var bystander = await factory.CreateMemberAsync(admin, projectId, ProjectRole.Viewer);
        var cookie = await ClientForAsync(caller, admin, projectId);
        var (_, secret) = await PaddockWebFactory.CreateTokenAsync(cookie, scope.Name());
        var scopes = new HashSet<TokenScope> { scope };

        await CheckMatrixAsync(factory.TokenClient(secret), caller, admin, projectId, environmentId, bystander.Id,
            permission => Holds(caller, permission) && ScopePermissions.Allows(scopes, permission));
    }

    private async Task CheckMatrixAsync(HttpClient client, string caller, HttpClient admin, Guid projectId, Guid environmentId, Guid bystanderId, Func<Permission, bool> holds)
    {
        var routes = new Routes(projectId, bystanderId, environmentId);
        var endpoints = PermissionEndpoints();

        var wrong = new List<string>();
        var auditBefore = await factory.AuditEventCountAsync();
        foreach (var endpoint in endpoints.Where(e => !holds(e.Permission!.Value)))
        {
            // A project the caller cannot read is reported as missing; elsewhere the refusal is explicit.
            var expected = endpoint.IsProjectScoped && caller == NonMember ? HttpStatusCode.NotFound : HttpStatusCode.Forbidden;
            var status = await CallAsync(client, endpoint, routes);
            if (status != expected)
            {
                wrong.Add($"{endpoint} needs {endpoint.Permission!.Value.Name()}: expected {(int)expected}, got {(int)status}");
            }
        }

        var auditAfterRefusals = await factory.AuditEventCountAsync();

        foreach (var endpoint in endpoints.Where(e => holds(e.Permission!.Value)))
        {
            var status = await CallAsync(client, endpoint, routes with { UserId = Guid.NewGuid(), EnvironmentId = Guid.NewGuid() });
            if (status is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
            {
                wrong.Add($"{endpoint} needs {endpoint.Permission!.Value.Name()} which {caller} holds, got {(int)status}");
            }
        }

        wrong.ShouldBeEmpty();
        auditAfterRefusals.ShouldBe(auditBefore, "a refused call wrote an audit event");
        (await admin.GetItemsAsync<MemberBody>($"/api/v1/projects/{projectId}/members"))!
            .ShouldContain(m => m.UserId == bystanderId && m.Role == "Viewer");
    }

    private static bool Holds(string caller, Permission permission) => caller switch
    {
        Owner => true,
        NonMember => false,
        _ => Enum.Parse<ProjectRole>(caller).Grants(permission),
    };

    private async Task<HttpClient> ClientForAsync(string caller, HttpClient admin, Guid projectId) => caller switch
    {
        Owner => admin,
        NonMember => (await factory.CreateUserAsync(PaddockWebFactory.UniqueEmail("outsider"), admin)).Client,
        _ => (await factory.CreateMemberAsync(admin, projectId, Enum.Parse<ProjectRole>(caller))).Client,
    };

    private List<ApiEndpoint> PermissionEndpoints() => ApiEndpoints().Where(e => e.Permission is not null).ToList();

    private List<ApiEndpoint> ApiEndpoints() =>
        factory.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/v1/", StringComparison.Ordinal) == true && !e.RoutePattern.RawText.EndsWith(".json", StringComparison.Ordinal))
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"])
                .Select(method => new ApiEndpoint(method, e.RoutePattern.RawText!, e.Metadata.GetMetadata<RequiredPermissionMetadata>()?.Permission)))
            .ToList();

    private static async Task<HttpStatusCode> CallAsync(HttpClient client, ApiEndpoint endpoint, Routes routes)
    {
        var path = RouteParameter().Replace(endpoint.Pattern, m => m.Groups[1].Value switch
        {
            "projectId" => routes.ProjectId.ToString(),
            "userId" => routes.UserId.ToString(),
            "environmentId" => routes.EnvironmentId.ToString(),
            // Blueprints, stacks and versions that do not exist: an allowed caller gets 404 or 400, never 401/403.
            "blueprintId" or "stackId" or "operationId" or "accountId" or "serviceAccountId" or "tokenId" => Guid.NewGuid().ToString(),
            "channelId" or "webhookId" or "deliveryId" => Guid.NewGuid().ToString(),
            "requestId" or "policyId" or "budgetId" => Guid.NewGuid().ToString(),
            "eventType" => "stack.launched",
            "container" => "web-1",
            "number" => "1",
            var other => throw new InvalidOperationException($"The matrix does not know the route value '{other}' of {endpoint}; teach it."),
        });
        using var request = new HttpRequestMessage(new HttpMethod(endpoint.Method), path);
        if (endpoint.Method is "POST" or "PUT" or "PATCH")
        {
            // An empty body: when the call is allowed, validation refuses it, so allowed calls write nothing either.
            request.Content = JsonContent.Create(new { });
        }

        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }

    [GeneratedRegex(@"\{(\w+)(:[^}]*)?\}")]
    private static partial Regex RouteParameter();

    private sealed record ApiEndpoint(string Method, string Pattern, Permission? Permission)
    {
        public bool IsProjectScoped => Pattern.Contains("{projectId", StringComparison.Ordinal);

        public override string ToString() => $"{Method} {Pattern}";
    }

    private sealed record Routes(Guid ProjectId, Guid UserId, Guid EnvironmentId);

    private sealed record MemberBody(Guid UserId, string Role);
}
