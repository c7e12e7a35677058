using Kezek.Core.Documents;
using Kezek.Core.Words;
using Kezek.GraphQL.Http;
using Kezek.Identity.Sessions;
using Kezek.Workflows.Documents;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Kezek.GraphQL.Documents;

/// <summary>
/// <c>GET /documents/{id}?lang=kk</c>: an issued document as rendered at issue — its PDF, or the HTML with print CSS
/// it was made from (<c>?format=html</c>, or before the PDF is made) — for those who may read it (bearer token); the
/// SHA-256 of what is served in <c>X-Content-SHA256</c>. Anyone else gets 404, as for a missing document.
/// </summary>
public static class DocumentEndpoint
{
    public static IEndpointRouteBuilder MapKezekDocuments(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/documents/{id:guid}", async (Guid id, HttpContext http, Viewers viewers, DocumentAccess documents) =>
        {
            var token = GraphQLEndpoint.BearerToken(http.Request);
            var viewer = token is null ? null : await viewers.ForTokenAsync(token, http.RequestAborted);
            if (viewer is null)
                return Results.Unauthorized();
            var document = await documents.ReadableAsync(id, viewer, http.RequestAborted);
            var language = (Language.TryParse(http.Request.Query["lang"], out var asked) ? asked : GraphQLEndpoint.LanguageOf(http.Request)).ForMessages;
            if (document?.Content(language) is not { } content)
                return Results.NotFound();
            http.Response.Headers.CacheControl = "private, no-store";
            // The PDF once a browser has made it (?format=html asks for the rendering it was made from).
            if (document.Pdf(language) is { } pdf && http.Request.Query["format"] != "html")
            {
                http.Response.Headers["X-Content-SHA256"] = IssuedDocument.Hash(pdf);
                return Results.File(pdf, "application/pdf", $"{document.Kind}-{language}.pdf");
            }

            http.Response.Headers["X-Content-SHA256"] = language == Language.Kk ? document.Sha256Kk : document.Sha256Ru;
            return Results.Text(content, "text/html; charset=utf-8");
        });
        return endpoints;
    }
}
