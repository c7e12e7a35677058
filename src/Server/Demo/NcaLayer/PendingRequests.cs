using System.Collections.Concurrent;
using System.Xml;
using Kezek.Identity.Signatures;

namespace Kezek.Server.Demo.NcaLayer;

/// <summary>What a portal asked the stand-in for that needs a person's choice: a signature, or a key's details.</summary>
public enum StandInRequestKind
{
    SignXml,
    GetKeyInfo,
}

/// <summary>
/// One request waiting on the picker page: the socket that asked waits for <see cref="Choice"/> (a demo key file
/// name such as <c>mother</c>, or null for cancel).
/// </summary>
public sealed class PendingRequest(StandInRequestKind kind, string keyType, string? xml, DateTimeOffset createdAt, DateTimeOffset expiresAt)
{
    public const string Authentication = "AUTHENTICATION";
    public const string Signature = "SIGNATURE";

    public Guid Id { get; } = Guid.NewGuid();

    public StandInRequestKind Kind => kind;

    /// <summary><see cref="Authentication"/> or <see cref="Signature"/>.</summary>
    public string KeyType => keyType;

    public string? Xml => xml;

    public DateTimeOffset CreatedAt => createdAt;

    public DateTimeOffset ExpiresAt => expiresAt;

    /// <summary>The document as the picker describes it: a login, an action with its name and fields, or other XML.</summary>
    public ActionDocument? Document { get; } = xml is null ? null : Describe(xml);

    public TaskCompletionSource<string?> Choice { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private static ActionDocument? Describe(string xml)
    {
        var document = new XmlDocument { XmlResolver = null };
        document.LoadXml(xml);
        return ActionDocument.Read(document);
    }
}

/// <summary>
/// The stand-in's requests that wait for the picker, in memory (Development only, one instance): at most one per
/// socket, dropped when answered, when they expire or when their socket closes.
/// </summary>
public sealed class PendingRequests(TimeProvider clock)
{
    /// <summary>How long a request waits for a person before the portal is told it was not answered.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(3);

    private readonly ConcurrentDictionary<Guid, PendingRequest> _requests = new();

    public TimeProvider Clock => clock;

    public PendingRequest Add(StandInRequestKind kind, string keyType, string? xml)
    {
        var now = clock.GetUtcNow();
        var request = new PendingRequest(kind, keyType, xml, now, now + Lifetime);
        _requests[request.Id] = request;
        return request;
    }

    public void Remove(PendingRequest request) => _requests.TryRemove(request.Id, out _);

    /// <summary>The requests still waiting, oldest first.</summary>
    public IReadOnlyList<PendingRequest> Waiting()
    {
        var now = clock.GetUtcNow();
        return [.. _requests.Values.Where(r => r.ExpiresAt > now).OrderBy(r => r.CreatedAt)];
    }

    public PendingRequest? Find(Guid id) =>
        _requests.TryGetValue(id, out var request) && request.ExpiresAt > clock.GetUtcNow() ? request : null;

    /// <summary>Answers a waiting request with a key file name, or null for cancel; false when it no longer waits.</summary>
    public bool Answer(Guid id, string? keyFile) =>
        _requests.TryRemove(id, out var request) && request.Choice.TrySetResult(keyFile);
}
