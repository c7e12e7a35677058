using Kezek.GraphQL.Http;
using Kezek.Identity.Sessions;
using Kezek.Workflows.Documents;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Kezek.GraphQL.Documents;

/// <summary>
/// <c>GET /documents/{id}?lang=kk</c>: an issued document as rendered at issue (HTML with print CSS), for those who may
/// read it (bearer token); its SHA-256 in <c>X-Content-SHA256</c>. Anyone else gets 404, as for a missing document.
/// </summary>
public static class DocumentEndpoint
{
    public static IEndpointRouteBuilder MapKezekDocuments(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/documents/{id:guid}", async (Guid id, HttpContext http) =>
        {
            var token = GraphQLEndpoint.BearerToken(http.Request);
            var viewer = token is null ? null : await http.RequestServices.GetRequiredService<Viewers>().ForTokenAsync(token, http.RequestAborted);
            if (viewer is null)
                return Results.Unauthorized();
            var document = await http.RequestServices.GetRequiredService<DocumentAccess>().ReadableAsync(id, viewer, http.RequestAborted);
            var language = http.Request.Query["lang"] is { Count: > 0 } asked ? asked.ToString() : GraphQLEndpoint.LanguageOf(http.Request);
            language = language == "kk" ? "kk" : "ru";
            if (document?.Content(language) is not { } content)
                return Results.NotFound();
            http.Response.Headers["X-Content-SHA256"] = language == "kk" ? document.Sha256Kk : document.Sha256Ru;
            http.Response.Headers.CacheControl = "private, no-store";
            return Results.Text(content, "text/html; charset=utf-8");
        });
        return endpoints;
    }
}
