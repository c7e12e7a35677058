namespace Kezek.Core.Identity;

public enum NoncePurpose
{
    /// <summary>Signed in a login document by someone not yet signed in.</summary>
    Login,

    /// <summary>Signed in an action document by the signed-in person it was issued to.</summary>
    Action,
}

/// <summary>A one-time value the client signs, so that a signature cannot be replayed.</summary>
public sealed class Nonce
{
    public Nonce(string value, NoncePurpose purpose, string? issuedToIin, DateTime issuedAt, DateTime expiresAt)
    {
        Value = value;
        Purpose = purpose;
        IssuedToIin = issuedToIin;
        IssuedAt = issuedAt;
        ExpiresAt = expiresAt;
    }

    public string Value { get; private set; }

    public NoncePurpose Purpose { get; private set; }

    public string? IssuedToIin { get; private set; }

    public DateTime IssuedAt { get; private set; }

    public DateTime ExpiresAt { get; private set; }

    public DateTime? UsedAt { get; private set; }
}
