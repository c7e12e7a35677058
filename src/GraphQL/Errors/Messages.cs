using Kezek.Core.Words;

namespace Kezek.GraphQL.Errors;

/// <summary>Error messages for GraphQL answers, from the word catalog (<c>templates/words/</c>).</summary>
public static class Messages
{
    /// <summary>The message of <paramref name="code"/> in the reader's language, with its arguments put in; a code
    /// without a message gets the internal error's, so a reader never sees an empty message.</summary>
    public static string Format(this IWordCatalog words, string code, Language language, IReadOnlyDictionary<string, string>? arguments) =>
        words.Message(code, language, arguments) ?? words.Message(RequestErrorCodes.Internal, language, null) ?? code;

    /// <summary>Whether the catalog has a message for <paramref name="code"/>.</summary>
    public static bool HasMessage(this IWordCatalog words, string code) => words.Find(WordSection.Errors, code, Language.Ru) is not null;
}

/// <summary>Codes of errors in the request itself rather than in the domain.</summary>
public static class RequestErrorCodes
{
    public const string DocumentTooLarge = "DOCUMENT_TOO_LARGE";
    public const string MutationOverGet = "MUTATION_OVER_GET";
    public const string BadRequest = "BAD_REQUEST";
    public const string OncePerRequest = "ONCE_PER_REQUEST";
    public const string InvalidValue = "INVALID_VALUE";
    public const string TooComplex = "COMPLEXITY";
    public const string TooManyFields = "TOO_MANY_FIELDS";
    public const string RateLimited = "RATE_LIMITED";
    public const string Internal = "INTERNAL";

    /// <summary>A persisted query's hash this server does not know (yet): send the document with its hash once.</summary>
    public const string PersistedQueryNotFound = "PERSISTED_QUERY_NOT_FOUND";

    /// <summary>The document sent with a persisted query's hash is not the document of that hash.</summary>
    public const string PersistedQueryMismatch = "PERSISTED_QUERY_MISMATCH";

    /// <summary>A persisted query's extension that is not version 1 with a SHA-256 in hexadecimal.</summary>
    public const string PersistedQueryNotSupported = "PERSISTED_QUERY_NOT_SUPPORTED";

    /// <summary>The database cannot be reached for now (HTTP 503 with Retry-After): nothing was done, the same request may be sent again.</summary>
    public const string ServiceUnavailable = "SERVICE_UNAVAILABLE";
}
