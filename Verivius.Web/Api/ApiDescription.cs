using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Verivius.Web.Security;

namespace Verivius.Web.Api;

/// <summary>
/// The OpenAPI description of <c>/api/v1</c>, generated from the API's controllers (and their XML
/// comments) when it is asked for, so it always says what the code does. Served without a token: a
/// care system's developer reads it before they have one.
/// </summary>
public static class ApiDescription
{
    public const string Version = "v1";

    public const string Path = "/api/v1/openapi.json";

    public static IServiceCollection AddApiDescription(this IServiceCollection services) =>
        services.AddOpenApi(Version, openApi =>
        {
            openApi.ShouldInclude = description => description.GroupName == Version;

            // Files come as multipart/form-data; the description says so, though the action also hears
            // other content types (to answer them with a problem that names the field, not a bare 415).
            openApi.AddOperationTransformer((operation, _, _) =>
            {
                if (operation.RequestBody?.Content is { } content && content.Remove("application/x-www-form-urlencoded", out var form))
                {
                    content["multipart/form-data"] = form;
                }

                return Task.CompletedTask;
            });
            openApi.AddDocumentTransformer((document, _, _) =>
            {
                document.Info = new OpenApiInfo
                {
                    Title = "Verivius API for care systems",
                    Version = Version,
                    Description = "Send a site's monthly pack and read its recovery position. A provider admin issues tokens "
                        + "(Admin, API tokens), each for named sites, with the permission to send packs, to read the recovery position, or both. "
                        + "Send the token as \"Authorization: Bearer <token>\". Problems come back as RFC 9457 problem details.",
                };
                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes = new Dictionary<string, IOpenApiSecurityScheme>
                {
                    [ApiTokenAuthentication.SchemeName] = new OpenApiSecurityScheme
                    {
                        Type = SecuritySchemeType.Http,
                        Scheme = "bearer",
                        Description = "An API token issued by the provider admin; it starts \"" + ApiTokenAuthentication.SecretPrefix + "\".",
                    },
                };
                document.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(ApiTokenAuthentication.SchemeName, document)] = [] }];
                return Task.CompletedTask;
            });
        });

    public static void MapApiDescription(this WebApplication app) =>
        app.MapOpenApi("/api/{documentName}/openapi.json").AllowAnonymous();
}
