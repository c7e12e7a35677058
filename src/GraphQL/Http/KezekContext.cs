using Kezek.Core.Identity;

namespace Kezek.GraphQL.Http;

/// <summary>The request's context for resolvers: who asks, and in which language.</summary>
public sealed class KezekContext : Dictionary<string, object?>
{
    public KezekContext(Viewer? viewer, string language, string? bearerToken = null)
    {
        Viewer = viewer;
        Language = language;
        BearerToken = viewer is null ? null : bearerToken;
    }

    public Viewer? Viewer { get; }

    /// <summary>The token of the viewer's session (for signing out); null when anonymous.</summary>
    public string? BearerToken { get; }

    /// <summary>"ru", "kk" or "en", from Accept-Language; Russian by default.</summary>
    public string Language { get; }
}
