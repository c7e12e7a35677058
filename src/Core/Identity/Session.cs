namespace Kezek.Core.Identity;

/// <summary>A signed-in person's bearer token, stored only as its SHA-256 hash.</summary>
public sealed class Session
{
    public Session(string tokenHash, string iin, string fullName, string? bin, DateTime createdAt, DateTime expiresAt)
    {
        TokenHash = tokenHash;
        Iin = iin;
        FullName = fullName;
        Bin = bin;
        CreatedAt = createdAt;
        ExpiresAt = expiresAt;
    }

    public string TokenHash { get; private set; }

    public string Iin { get; private set; }

    public string FullName { get; private set; }

    /// <summary>The organisation's BIN when the certificate was a legal entity's employee's.</summary>
    public string? Bin { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public DateTime ExpiresAt { get; private set; }
}
