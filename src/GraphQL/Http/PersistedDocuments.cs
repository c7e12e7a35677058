using System.Security.Cryptography;
using System.Text;
using GraphQL;
using GraphQLParser.AST;
using Kezek.GraphQL.Errors;

namespace Kezek.GraphQL.Http;

/// <summary>
/// Parsed documents that passed the schema's validation, by the SHA-256 of their text (lower-case hex), and the Apollo
/// "automatic persisted queries" convention over them: a request may carry
/// <c>extensions.persistedQuery = {version: 1, sha256Hash}</c> with or without the document. Without it, a known hash
/// stands for its document; an unknown one is answered <see cref="RequestErrorCodes.PersistedQueryNotFound"/> and the client
/// sends the document with its hash once (the hash is checked against the text). A document is remembered only after it
/// parsed and validated, so that a remembered one skips parsing and the specification's validation rules; the rules that
/// depend on the caller or the variables (access, rate limits, request shape, complexity, queries only over GET) still
/// run on every request.
/// <para>
/// Bounded: two generations of at most <see cref="EntriesPerGeneration"/> documents and <see cref="CharactersPerGeneration"/>
/// characters of text each; when the current one is full it becomes the older and the older is let go. A portal has a
/// few dozen documents, so its own stay; a flood of distinct documents only makes its senders parse again.
/// </para>
/// </summary>
public sealed class PersistedDocuments
{
    public const int EntriesPerGeneration = 500;
    public const int CharactersPerGeneration = 1_000_000;

    /// <summary>A remembered document: its text and its parsed, validated syntax tree (shared, never changed).</summary>
    public sealed record Entry(string Query, GraphQLDocument Document);

    private readonly Lock _lock = new();
    private Dictionary<string, Entry> _current = new(StringComparer.Ordinal);
    private Dictionary<string, Entry> _older = new(StringComparer.Ordinal);
    private int _currentCharacters;

    /// <summary>How many documents are remembered now (both generations).</summary>
    public int Count
    {
        get
        {
            lock (_lock)
                return _current.Count + _older.Count;
        }
    }

    /// <summary>The SHA-256 of the document's UTF-8 text in lower-case hex, as Apollo clients compute it.</summary>
    public static string HashOf(string query) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(query)));

    public Entry? Find(string hash)
    {
        lock (_lock)
        {
            if (_current.TryGetValue(hash, out var entry))
                return entry;
            if (!_older.TryGetValue(hash, out entry))
                return null;
            // Still in use: carried into the current generation, so that a portal's documents outlive a flood.
            Add(hash, entry);
            return entry;
        }
    }

    /// <summary>Remembers a document that parsed and validated; <paramref name="hash"/> must be <see cref="HashOf"/> its text.</summary>
    public void Remember(string hash, string query, GraphQLDocument document)
    {
        lock (_lock)
        {
            if (!_current.ContainsKey(hash))
                Add(hash, new Entry(query, document));
        }
    }

    private void Add(string hash, Entry entry)
    {
        if (_current.Count >= EntriesPerGeneration || _currentCharacters + entry.Query.Length > CharactersPerGeneration)
        {
            _older = _current;
            _current = new Dictionary<string, Entry>(StringComparer.Ordinal);
            _currentCharacters = 0;
        }

        _current[hash] = entry;
        _currentCharacters += entry.Query.Length;
    }

    /// <summary>
    /// The persisted-query extension of a request: null hash when the request has none; an error code when it is not
    /// version 1 with a 64-digit hexadecimal SHA-256.
    /// </summary>
    public static (string? Hash, string? Refusal) Requested(Inputs? extensions)
    {
        if (extensions is null || !extensions.TryGetValue("persistedQuery", out var value) || value is null)
            return (null, null);
        if (value is not IReadOnlyDictionary<string, object?> persisted
            || !persisted.TryGetValue("version", out var version) || !IsOne(version)
            || !persisted.TryGetValue("sha256Hash", out var hash) || hash is not string { Length: 64 } text || !text.All(char.IsAsciiHexDigit))
            return (null, RequestErrorCodes.PersistedQueryNotSupported);
        return (text.ToLowerInvariant(), null);
    }

    private static bool IsOne(object? version) => version switch
    {
        int number => number == 1,
        long number => number == 1,
        decimal number => number == 1,
        double number => number == 1,
        _ => false,
    };
}
