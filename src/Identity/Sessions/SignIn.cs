using System.Security.Cryptography;
using System.Text;
using Kezek.Core.Identity;
using Kezek.Core.Results;
using Kezek.Identity.Signatures;
using Kezek.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Kezek.Identity.Sessions;

public sealed record SignedIn(string Token, DateTime ExpiresAt, Viewer Viewer);

/// <summary>Login with an AUTH key: a signed <c>&lt;login&gt;</c> document with a login nonce → a bearer token.</summary>
public sealed class SignIn(XmlSignatureVerifier verifier, Nonces nonces, Viewers viewers, IKezekDb db, TimeProvider clock,
    IOptions<SignatureOptions> options)
{
    public async Task<Result<SignedIn>> HandleAsync(string signedXml, CancellationToken cancellationToken)
    {
        var verified = await verifier.VerifyAsync(signedXml, KeyPurpose.Authentication, cancellationToken);
        if (!verified.IsSuccess)
            return verified.Error!;

        var document = ActionDocument.Read(verified.Value.Document);
        if (document is not { Kind: ActionDocument.LoginKind })
            return Error.Of(ErrorCodes.ActionMismatch, ("expected", ActionDocument.LoginKind));
        if (!await nonces.ConsumeAsync(document.Nonce, NoncePurpose.Login, null, cancellationToken))
            return Error.Of(ErrorCodes.NonceInvalid);

        var signer = verified.Value.Signer;
        var token = Nonces.Base64Url(RandomNumberGenerator.GetBytes(32));
        var now = clock.GetUtcNow().UtcDateTime;
        var session = new Session(HashToken(token), signer.Iin, signer.FullName, signer.Bin, now, now + options.Value.SessionLifetime);
        db.Sessions.Add(session);
        await db.SaveChangesAsync(cancellationToken);
        return new SignedIn(token, session.ExpiresAt, await viewers.ForSessionAsync(session, cancellationToken));
    }

    /// <summary>Ends the session of this token at once, on every instance.</summary>
    public async Task<bool> SignOutAsync(string token, CancellationToken cancellationToken)
    {
        var hash = HashToken(token);
        return await db.Sessions.Where(s => s.TokenHash == hash).ExecuteDeleteAsync(cancellationToken) > 0;
    }

    public static string HashToken(string token) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
