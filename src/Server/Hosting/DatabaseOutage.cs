using GraphQL;
using Kezek.Core.Words;
using Kezek.GraphQL.Errors;
using Kezek.GraphQL.Http;

namespace Kezek.Server.Hosting;

/// <summary>
/// Outside GraphQL (documents, verification pages): a database that cannot be reached answers <c>503</c> with
/// <c>Retry-After</c> and the code <c>SERVICE_UNAVAILABLE</c>, never a 500 with a stack; the next request after the database
/// is back is served as usual (the connection pool replaces its lost connections by itself).
/// </summary>
public static class DatabaseOutage
{
    public static IApplicationBuilder UseDatabaseOutageAnswers(this IApplicationBuilder app) =>
        app.Use(async (http, next) =>
        {
            try
            {
                await next(http);
            }
            catch (Exception exception) when (DatabaseFailures.IsUnavailable(exception) && !http.Response.HasStarted)
            {
                http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DatabaseOutage))
                    .LogWarning("Database unavailable at {Path}: {Failure}", http.Request.Path.Value, exception.GetBaseException().GetType().Name);
                http.Response.Clear();
                // The same answer as GraphQL's, in the reader's language.
                await GraphQLEndpoint.WriteUnavailableAsync(http, http.RequestServices.GetRequiredService<IGraphQLTextSerializer>(),
                    http.RequestServices.GetRequiredService<IWordCatalog>(), GraphQLEndpoint.LanguageOf(http.Request), useGraphQLMediaType: false);
            }
        });
}
