using Kezek.Core.Identity;
using Kezek.Core.Results;
using Kezek.Identity.Sessions;

namespace Kezek.Identity.Signatures;

/// <summary>
/// A parent's action whose signature, signer, fields and nonce all held, with what showed the signer's certificate was not
/// revoked (kept with the history entry the action writes).
/// </summary>
public sealed record SignedAction(Actor Signer, string SignedXml, string? RevocationEvidence = null);

/// <summary>
/// Checks a signed action (SPEC §4): a valid SIGN-key signature, by the signed-in person, over exactly the
/// mutation's name and input, with an action nonce issued to that person, fresh and unused. The use case's
/// own checks run before the nonce is spent, so a refused action can be corrected and signed again.
/// </summary>
public sealed class SignedActions(XmlSignatureVerifier verifier, Nonces nonces)
{
    public async Task<Result<SignedAction>> VerifyAsync(string signedXml, string actionName, IEnumerable<ActionField> input,
        Viewer viewer, Func<Actor, CancellationToken, Task<Error?>> check, CancellationToken cancellationToken)
    {
        var read = await ReadAsync(signedXml, actionName, input, viewer, cancellationToken);
        if (!read.IsSuccess)
            return read.Error!;
        var (signer, nonce, evidence) = read.Value;
        if (await check(signer, cancellationToken) is { } refused)
            return refused;
        if (!await nonces.ConsumeAsync(nonce, NoncePurpose.Action, viewer.Iin, cancellationToken))
            return Error.Of(ErrorCodes.NonceInvalid);

        return new SignedAction(signer, signedXml, evidence);
    }

    /// <summary>
    /// Checks the signature, the signer and the fields, then lets the use case act: it spends the nonce with the
    /// given function inside its own transaction, so that a refused action leaves the nonce unspent and a
    /// replayed one is refused by the same commit that would have applied it.
    /// </summary>
    public async Task<Result<T>> PerformAsync<T>(string signedXml, string actionName, IEnumerable<ActionField> input, Viewer viewer,
        Func<SignedAction, Func<CancellationToken, Task<bool>>, CancellationToken, Task<Result<T>>> perform, CancellationToken cancellationToken)
    {
        var read = await ReadAsync(signedXml, actionName, input, viewer, cancellationToken);
        if (!read.IsSuccess)
            return read.Error!;
        var (signer, nonce, evidence) = read.Value;
        return await perform(new SignedAction(signer, signedXml, evidence),
            token => nonces.ConsumeAsync(nonce, NoncePurpose.Action, viewer.Iin, token), cancellationToken);
    }

    private async Task<Result<(Actor Signer, string Nonce, string? Evidence)>> ReadAsync(string signedXml, string actionName, IEnumerable<ActionField> input,
        Viewer viewer, CancellationToken cancellationToken)
    {
        var verified = await verifier.VerifyAsync(signedXml, KeyPurpose.Signing, cancellationToken);
        if (!verified.IsSuccess)
            return verified.Error!;
        if (verified.Value.Signer.Iin != viewer.Iin)
            return Error.Of(ErrorCodes.SignerMismatch);
        if (verified.Value.Signer.Bin is not null)
            return Error.Of(ErrorCodes.IndividualCertificateRequired);

        var document = ActionDocument.Read(verified.Value.Document);
        if (document is not { Kind: ActionDocument.ActionKind } || document.Name != actionName || !document.HasExactly(input))
            return Error.Of(ErrorCodes.ActionMismatch, ("expected", actionName));
        if (!await nonces.IsUsableAsync(document.Nonce, NoncePurpose.Action, viewer.Iin, cancellationToken))
            return Error.Of(ErrorCodes.NonceInvalid);
        return (new Actor(viewer.Iin, verified.Value.Signer.FullName, Role.Applicant), document.Nonce, verified.Value.RevocationEvidence);
    }
}
