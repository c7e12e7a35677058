using Kezek.Core.Identity;
using Kezek.Workflows.Lifecycle;

namespace Kezek.Workflows.Actions;

/// <summary>
/// A family member's signature over an action, checked before the use case runs: who signed, what, and the spending of
/// its one-time nonce, which commits in the action's own transaction (a refused action leaves the nonce unspent), and what
/// showed the signer's certificate was not revoked (kept with the history entry the action writes).
/// </summary>
public sealed record ActionSignature(Actor Signer, string SignedXml, Func<CancellationToken, Task<bool>> SpendNonce,
    string? RevocationEvidence = null)
{
    public TransitionRequest Request(string? reason = null, Guid? placeId = null, DateOnly? until = null) =>
        new(Signer, SignedXml, reason, placeId, until, RevocationEvidence);
}
