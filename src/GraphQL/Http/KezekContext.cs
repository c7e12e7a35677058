using Kezek.Core.Identity;
using Kezek.Core.Words;

namespace Kezek.GraphQL.Http;

/// <summary>The request's context for resolvers: who asks, in which language, and the words to answer in.</summary>
public sealed class KezekContext : Dictionary<string, object?>
{
    public KezekContext(Viewer? viewer, Language language, IWordCatalog words, string? bearerToken = null, string? clientAddress = null)
    {
        Viewer = viewer;
        Language = language;
        Words = words;
        BearerToken = viewer is null ? null : bearerToken;
        ClientAddress = clientAddress;
    }

    /// <summary>The client's address (behind trusted proxies, the one they forward), for rate limits; never logged.</summary>
    public string? ClientAddress { get; }

    /// <summary>Set when a rate limit refused the request: how long to wait (the endpoint answers 429 with Retry-After).</summary>
    public int? RetryAfterSeconds { get; set; }

    /// <summary>Set when a field failed because the database could not be reached: the answer is a 503 with Retry-After.</summary>
    public bool DatabaseUnavailable { get; set; }

    public Viewer? Viewer { get; }

    /// <summary>The token of the viewer's session (for signing out); null when anonymous.</summary>
    public string? BearerToken { get; }

    /// <summary>Ru, Kk or En, from Accept-Language; Russian by default.</summary>
    public Language Language { get; }

    public IWordCatalog Words { get; }
}
