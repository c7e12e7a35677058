using Kezek.Core.Identity;
using Kezek.Core.Results;
using Kezek.Identity.Sessions;

namespace Kezek.Identity.Signatures;

/// <summary>A parent's action whose signature, signer, fields and nonce all held.</summary>
public sealed record SignedAction(Actor Signer, string SignedXml);

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
        var verified = verifier.Verify(signedXml, KeyPurpose.Signing);
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
        var signer = new Actor(viewer.Iin, verified.Value.Signer.FullName, Role.Applicant);
        if (await check(signer, cancellationToken) is { } refused)
            return refused;
        if (!await nonces.ConsumeAsync(document.Nonce, NoncePurpose.Action, viewer.Iin, cancellationToken))
            return Error.Of(ErrorCodes.NonceInvalid);

        return new SignedAction(signer, signedXml);
    }
}
