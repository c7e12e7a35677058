using System.Security.Cryptography;
using Kezek.Core.Identity;
using Kezek.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Kezek.Identity.Sessions;

/// <summary>Issues one-time values to sign and takes each back at most once, across every server instance.</summary>
public sealed class Nonces(IKezekDb db, TimeProvider clock, IOptions<SignatureOptions> options)
{
    /// <summary>An anonymous caller gets a login nonce; a signed-in person an action nonce bound to their IIN.</summary>
    public async Task<Nonce> IssueAsync(Viewer? viewer, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var nonce = new Nonce(Base64Url(RandomNumberGenerator.GetBytes(24)),
            viewer is null ? NoncePurpose.Login : NoncePurpose.Action, viewer?.Iin, now, now + options.Value.NonceLifetime);
        db.Nonces.Add(nonce);
        await db.SaveChangesAsync(cancellationToken);
        return nonce;
    }

    /// <summary>
    /// The look of <see cref="IsUsableAsync"/>, compiled once (every signed action asks: no expression tree built and no
    /// query-cache lookup per call).
    /// </summary>
    private static readonly CompiledPerModel<Func<DbContext, string, NoncePurpose, bool, string?, DateTime, CancellationToken, Task<bool>>> Usable =
        new(() => EF.CompileAsyncQuery((DbContext context, string value, NoncePurpose purpose, bool anyone, string? iin, DateTime now, CancellationToken _) =>
            context.Set<Nonce>().Any(n => n.Value == value && n.Purpose == purpose && n.UsedAt == null && n.ExpiresAt > now
                                          && (anyone || n.IssuedToIin == iin))));

    /// <summary>Whether the nonce could be consumed now (a look, not a claim: only <see cref="ConsumeAsync"/> claims).</summary>
    public Task<bool> IsUsableAsync(string value, NoncePurpose purpose, string? iin, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (db is DbContext context)
            return Usable.For(context)(context, value, purpose, purpose == NoncePurpose.Login, iin, now, cancellationToken);
        return db.Nonces.AnyAsync(n => n.Value == value && n.Purpose == purpose && n.UsedAt == null && n.ExpiresAt > now
                                       && (purpose == NoncePurpose.Login || n.IssuedToIin == iin), cancellationToken);
    }

    /// <summary>
    /// Marks the nonce used if it was issued for this purpose (and person), is fresh and unused. One
    /// conditional update: of two racing requests with the same nonce exactly one wins.
    /// </summary>
    public async Task<bool> ConsumeAsync(string value, NoncePurpose purpose, string? iin, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var taken = await db.Nonces
            .Where(n => n.Value == value && n.Purpose == purpose && n.UsedAt == null && n.ExpiresAt > now
                        && (purpose == NoncePurpose.Login || n.IssuedToIin == iin))
            .ExecuteUpdateAsync(n => n.SetProperty(x => x.UsedAt, now), cancellationToken);
        return taken == 1;
    }

    internal static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
