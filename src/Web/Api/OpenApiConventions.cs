using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Paddock.Web.Api;

/// <summary>What the generated document cannot know by itself: how callers authenticate, and which POSTs take an Idempotency-Key.</summary>
internal static class OpenApiConventions
{
    public const string BearerScheme = "Bearer";

    public const string CookieScheme = "Cookie";

    public static OpenApiOptions AddPaddockConventions(this OpenApiOptions options)
    {
        options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "Paddock API";
            document.Info.Description = "Paddock's REST API. Authenticate with a personal or service-account token (`Authorization: Bearer pdk_…`) "
                + "or the portal's session cookie. Live updates: the SignalR hub at /hubs/live (see docs/api.md).";
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            document.Components.SecuritySchemes[BearerScheme] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                BearerFormat = "pdk_<43 base64url characters>",
                Description = "An API token from /api/v1/me/tokens (or a service account's). Scopes: read, write, launch, approve, admin.",
            };
            document.Components.SecuritySchemes[CookieScheme] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey,
                In = ParameterLocation.Cookie,
                Name = "paddock.auth",
                Description = "The portal's session cookie, set by signing in at /account/sign-in.",
            };
            document.Security =
            [
                new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(BearerScheme, document)] = [] },
                new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(CookieScheme, document)] = [] },
            ];
            return Task.CompletedTask;
        });
        options.AddOperationTransformer((operation, context, _) =>
        {
            if (context.Description.ActionDescriptor.EndpointMetadata.OfType<IdempotentEndpointMetadata>().Any())
            {
                operation.Parameters ??= [];
                operation.Parameters.Add(new OpenApiParameter
                {
                    Name = Idempotency.Header,
                    In = ParameterLocation.Header,
                    Required = false,
                    Description = "Makes a retry safe: the same key returns the first answer (24 h); the same key with another body gets 422.",
                    Schema = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = 200 },
                });
            }

            return Task.CompletedTask;
        });
        return options;
    }
}
