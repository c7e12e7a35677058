using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using GraphQL;
using GraphQL.Transport;
using GraphQL.Types;
using GraphQL.Validation;
using Kezek.Core.Identity;
using Kezek.Core.People;
using Kezek.Core.Results;
using Kezek.Core.Words;
using Kezek.GraphQL.Access;
using Kezek.GraphQL.Errors;
using Kezek.Identity.Sessions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using AccessPolicy = Kezek.Workflows.Access.AccessPolicy;

namespace Kezek.GraphQL.Http;

/// <summary>
/// GraphQL over HTTP at <c>/graphql</c>: POST with a JSON body, GET for queries, answers as
/// <c>application/graphql-response+json</c> (or <c>application/json</c> when that is all the client accepts).
/// </summary>
public static class GraphQLEndpoint
{
    public const string Path = "/graphql";
    public const string ResponseMediaType = "application/graphql-response+json";
    public const int MaxDocumentLength = 16 * 1024;

    public static IEndpointRouteBuilder MapKezekGraphQL(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost(Path, (HttpContext http, [AsParameters] EndpointServices services) => HandleAsync(http, services, isGet: false));
        endpoints.MapGet(Path, (HttpContext http, [AsParameters] EndpointServices services) => HandleAsync(http, services, isGet: true));
        return endpoints;
    }

    /// <summary>What the endpoint needs from the container, injected per request.</summary>
    private sealed record EndpointServices(IGraphQLTextSerializer Serializer, IWordCatalog Words, Viewers Viewers,
        IDocumentExecuter<ISchema> Executer, ILoggerFactory Loggers, IOptions<RequestLimits> Limits, PersistedDocuments Documents);

    private static async Task HandleAsync(HttpContext http, EndpointServices services, bool isGet)
    {
        var (serializer, words, viewers, executer, loggers, limits, documents) = services;
        var language = LanguageOf(http.Request);
        var token = BearerToken(http.Request);
        var useGraphQLMediaType = AcceptsGraphQLResponse(http.Request);
        Viewer? viewer;
        try
        {
            viewer = token is not null ? await viewers.ForTokenAsync(token, http.RequestAborted) : null;
        }
        catch (Exception exception) when (DatabaseFailures.IsUnavailable(exception))
        {
            // Without the database no session can be checked: a clear "try again", not a 500.
            await WriteUnavailableAsync(http, serializer, words, language, useGraphQLMediaType);
            return;
        }

        // Anonymous callers and families send small requests; only those who import CSV files may send large ones. The body is
        // never read past its limit, so that a flood of large bodies cannot take the server's memory.
        var bodyLimit = AccessPolicy.ImportsFiles(viewer) ? limits.Value.FileImportBodyBytes : limits.Value.BodyBytes;
        GraphQLRequest? request;
        try
        {
            request = isGet ? FromQueryString(http.Request, serializer) : await FromBodyAsync(http.Request, serializer, bodyLimit);
        }
        catch (BodyTooLargeException)
        {
            await WriteRequestErrorAsync(http, serializer, words.Format(RequestErrorCodes.DocumentTooLarge, language, null),
                RequestErrorCodes.DocumentTooLarge, StatusCodes.Status413PayloadTooLarge, useGraphQLMediaType);
            return;
        }
        catch (Exception exception) when (exception is JsonException or FormatException or InvalidOperationException or ArgumentException
                                              or NotSupportedException or DecoderFallbackException)
        {
            // Malformed JSON, duplicate keys in variables or extensions, values of no JSON type: a bad request, never a 500.
            request = null;
        }

        Task Refuse(string code, int status) =>
            WriteRequestErrorAsync(http, serializer, words.Format(code, language, null), code, status, useGraphQLMediaType);

        // Persisted queries (the Apollo convention): the document's hash may stand for a document this server has validated.
        if (request is null)
        {
            await Refuse(RequestErrorCodes.BadRequest, StatusCodes.Status400BadRequest);
            return;
        }

        var (hash, refusal) = PersistedDocuments.Requested(request.Extensions);
        if (refusal is not null)
        {
            await Refuse(refusal, StatusCodes.Status400BadRequest);
            return;
        }

        PersistedDocuments.Entry? known;
        string query;
        if (request.Query is { Length: > 0 } text)
        {
            if (text.Length > MaxDocumentLength)
            {
                await Refuse(RequestErrorCodes.DocumentTooLarge, StatusCodes.Status413PayloadTooLarge);
                return;
            }

            var actual = PersistedDocuments.HashOf(text);
            if (hash is not null && hash != actual)
            {
                await Refuse(RequestErrorCodes.PersistedQueryMismatch, StatusCodes.Status400BadRequest);
                return;
            }

            (hash, query, known) = (actual, text, documents.Find(actual));
        }
        else if (hash is not null)
        {
            known = documents.Find(hash);
            if (known is null)
            {
                // Not an error of the client's: the expected first answer, upon which it sends the document with its hash.
                await Refuse(RequestErrorCodes.PersistedQueryNotFound, StatusCodes.Status200OK);
                return;
            }

            query = known.Query;
        }
        else
        {
            await Refuse(RequestErrorCodes.BadRequest, StatusCodes.Status400BadRequest);
            return;
        }

        var logger = loggers.CreateLogger(typeof(GraphQLEndpoint));
        var context = new KezekContext(viewer, language, words, token, http.Connection.RemoteIpAddress?.ToString());
        ExecutionOptions? executed = null;
        var result = await executer.ExecuteAsync(options =>
        {
            executed = options;
            options.Query = query;
            options.Document = known?.Document;
            options.OperationName = request.OperationName;
            options.Variables = request.Variables;
            options.Extensions = request.Extensions;
            options.RequestServices = http.RequestServices;
            options.UserContext = context;
            options.CancellationToken = http.RequestAborted;
            // A remembered document passed the specification's rules already; the caller's and the variables' rules
            // (registered with the schema, appended to these) run on every request, and GET stays queries only.
            IEnumerable<IValidationRule> documentRules = known is null ? DocumentValidator.CoreRules : [];
            options.ValidationRules = isGet ? [.. documentRules, new QueriesOnlyRule(words)] : documentRules;
            options.UnhandledExceptionDelegate = failure =>
            {
                void Answer(string code, IReadOnlyDictionary<string, string>? arguments = null)
                {
                    failure.ErrorMessage = words.Format(code, language, arguments);
                    failure.Exception = new ExecutionError(failure.ErrorMessage) { Code = code };
                }

                var field = failure.FieldContext?.FieldDefinition.Name;
                if (DatabaseFailures.IsUnavailable(failure.OriginalException))
                {
                    // Not a bug: the database cannot be reached for now. One line, no stack; the answer becomes a 503.
                    logger.LogWarning("Database unavailable in {Field}: {Failure}", field, failure.OriginalException.GetBaseException().GetType().Name);
                    context.DatabaseUnavailable = true;
                    Answer(RequestErrorCodes.ServiceUnavailable);
                }
                else if (DatabaseFailures.IsUnstorableText(failure.OriginalException))
                {
                    // Not a bug: a value the database cannot store (PostgreSQL refuses a NUL character in text).
                    Answer(ErrorCodes.TextCharactersInvalid, new Dictionary<string, string> { ["field"] = field ?? "request" });
                }
                else
                {
                    // The failure is logged for us, with IINs masked (a database's duplicate-key message can quote
                    // one), and never shown to the caller.
                    logger.LogError("Unhandled error in {Field}: {Failure}", field, PersonalData.Redact(failure.OriginalException.ToString()));
                    Answer(RequestErrorCodes.Internal);
                }

                return Task.CompletedTask;
            };
        });

        // Executed means every validation rule held: the parsed document is remembered for the next request that sends it.
        if (known is null && result.Executed && (result.Document ?? executed?.Document) is { } parsed)
            documents.Remember(hash, query, parsed);

        result.Errors = LibraryErrors.Localize(result.Errors, language, words);
        var status = StatusCodes.Status200OK;
        if (context.DatabaseUnavailable)
        {
            status = StatusCodes.Status503ServiceUnavailable;
            http.Response.Headers.RetryAfter = DatabaseFailures.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        else if (context.RetryAfterSeconds is { } retryAfter)
        {
            status = StatusCodes.Status429TooManyRequests;
            http.Response.Headers.RetryAfter = retryAfter.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        else if (isGet && result.Errors?.Any(e => e.Code == RequestErrorCodes.MutationOverGet) == true)
        {
            status = StatusCodes.Status405MethodNotAllowed;
            http.Response.Headers.Allow = "POST";
        }
        else if (useGraphQLMediaType && !result.Executed)
            status = StatusCodes.Status400BadRequest;

        http.Response.StatusCode = status;
        http.Response.ContentType = (useGraphQLMediaType ? ResponseMediaType : "application/json") + "; charset=utf-8";
        await serializer.WriteAsync(http.Response.Body, result, http.RequestAborted);
    }

    private static async Task<GraphQLRequest?> FromBodyAsync(HttpRequest request, IGraphQLTextSerializer serializer, int limit)
    {
        if (request.ContentType is null || !MediaTypeHeaderValue.TryParse(request.ContentType, out var type)
            || type.MediaType != "application/json")
            return null;
        if (request.ContentLength > limit)
            throw new BodyTooLargeException();
        var buffer = new byte[Math.Min(limit + 1, (int?)request.ContentLength + 1 ?? 16 * 1024)];
        var length = 0;
        while (true)
        {
            if (length == buffer.Length)
            {
                if (length > limit)
                    throw new BodyTooLargeException();
                Array.Resize(ref buffer, Math.Min(limit + 1, buffer.Length * 2));
            }

            var read = await request.Body.ReadAsync(buffer.AsMemory(length), request.HttpContext.RequestAborted);
            if (read == 0)
                break;
            length += read;
        }

        if (length > limit)
            throw new BodyTooLargeException();
        var body = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(buffer, 0, length);
        return serializer.Deserialize<GraphQLRequest>(body);
    }

    private sealed class BodyTooLargeException : Exception;

    private static GraphQLRequest FromQueryString(HttpRequest request, IGraphQLTextSerializer serializer) => new()
    {
        Query = request.Query["query"].ToString(),
        OperationName = request.Query["operationName"].ToString() is { Length: > 0 } name ? name : null,
        Variables = request.Query["variables"].ToString() is { Length: > 0 } variables ? serializer.Deserialize<Inputs>(variables) : null,
        Extensions = request.Query["extensions"].ToString() is { Length: > 0 } extensions ? serializer.Deserialize<Inputs>(extensions) : null,
    };

    /// <summary>503 with Retry-After and <see cref="RequestErrorCodes.ServiceUnavailable"/>, whatever media type the client accepts.</summary>
    public static async Task WriteUnavailableAsync(HttpContext http, IGraphQLTextSerializer serializer, IWordCatalog words, Language language,
        bool useGraphQLMediaType)
    {
        var result = new ExecutionResult { Executed = false };
        result.AddError(new ExecutionError(words.Format(RequestErrorCodes.ServiceUnavailable, language, null)) { Code = RequestErrorCodes.ServiceUnavailable });
        http.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        http.Response.Headers.RetryAfter = DatabaseFailures.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        http.Response.ContentType = (useGraphQLMediaType ? ResponseMediaType : "application/json") + "; charset=utf-8";
        await serializer.WriteAsync(http.Response.Body, result, http.RequestAborted);
    }

    private static async Task WriteRequestErrorAsync(HttpContext http, IGraphQLTextSerializer serializer, string message, string code,
        int status, bool useGraphQLMediaType)
    {
        var result = new ExecutionResult { Executed = false };
        result.AddError(new ExecutionError(message) { Code = code });
        http.Response.StatusCode = useGraphQLMediaType || status == StatusCodes.Status200OK ? status : StatusCodes.Status400BadRequest;
        http.Response.ContentType = (useGraphQLMediaType ? ResponseMediaType : "application/json") + "; charset=utf-8";
        await serializer.WriteAsync(http.Response.Body, result, http.RequestAborted);
    }

    internal static string? BearerToken(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        return header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) && header.Length > 7 ? header[7..].Trim() : null;
    }

    /// <summary>The reader's language from Accept-Language: kk, ru or en; Russian when none of them is asked for.</summary>
    public static Language LanguageOf(HttpRequest request)
    {
        var values = request.GetTypedHeaders().AcceptLanguage;
        foreach (var value in values.OrderByDescending(v => v.Quality ?? 1))
        {
            if (Language.TryParse((value.Value.Value ?? "").Split('-')[0], out var language))
                return language;
        }

        return Language.Ru;
    }

    private static bool AcceptsGraphQLResponse(HttpRequest request)
    {
        var accept = request.GetTypedHeaders().Accept;
        if (accept.Count == 0)
            return true;
        return accept.Any(a => a.MediaType.Value is ResponseMediaType or "*/*" or "application/*")
               || !accept.Any(a => a.MediaType.Value == "application/json");
    }
}
