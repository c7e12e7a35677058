using Kezek.Core.Applications;
using Kezek.Core.Identity;
using Kezek.Core.Results;
using Kezek.Workflows.Access;
using Kezek.Workflows.Lifecycle;
using Kezek.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Kezek.Workflows.Actions;

/// <summary>
/// What a family member's signed actions share (choose, extend, revoke, withdraw, confirm or refuse the voucher,
/// restore): the reason rules, finding the family's application by its number or by its direction, and one
/// transition that spends the action's nonce in its own transaction.
/// </summary>
public sealed class FamilyActions(IKezekDb db, ApplicationLifecycle lifecycle, TransitionRunner runner)
{
    /// <summary>Fires the trigger on the family's application named by its number.</summary>
    public Task<Result<Transitioned>> OnApplicationAsync(string trigger, string applicationNumber, ActionSignature signature,
        CancellationToken cancellationToken) =>
        FireAsync(trigger, token => FindByNumberAsync(applicationNumber, signature.Signer, token), signature.Request(), signature, cancellationToken);

    /// <summary>Fires the trigger on the family's application named by its number, for the reason the family gives (required).</summary>
    public Task<Result<Transitioned>> OnApplicationAsync(string trigger, string applicationNumber, ActionSignature signature, string reason,
        CancellationToken cancellationToken) =>
        ReasonRefusal(reason) ?? FireAsync(trigger, token => FindByNumberAsync(applicationNumber, signature.Signer, token), signature.Request(reason),
            signature, cancellationToken);

    /// <summary>
    /// Fires the trigger on the family's application whose current direction this is, for the reason the family gives
    /// (required), to the day asked for where the action takes one.
    /// </summary>
    public Task<Result<Transitioned>> OnDirectionAsync(string trigger, Guid directionId, ActionSignature signature, string reason,
        CancellationToken cancellationToken, DateOnly? until = null) =>
        ReasonRefusal(reason) ?? FireAsync(trigger, token => FindByDirectionAsync(directionId, signature.Signer, token),
            signature.Request(reason, until: until), signature, cancellationToken);

    /// <summary>
    /// The choice of a kindergarten's seat; where the lifecycle has a waiting list (voucher), a kindergarten without a
    /// free seat puts the child on it instead.
    /// </summary>
    public async Task<Result<Transitioned>> ChooseOrWaitAsync(string applicationNumber, Guid placeId, ActionSignature signature,
        CancellationToken cancellationToken)
    {
        var request = signature.Request(placeId: placeId);
        Task<Result<Application>> Find(CancellationToken token) => FindByNumberAsync(applicationNumber, signature.Signer, token);
        // Whether the application, as read, could wait for a seat: where its lifecycle has no waiting list (most regions,
        // and every refusal of a rush) the refusal is the answer, without a second transaction that reads it again.
        var mayWait = true;
        var done = await FireAsync(Triggers.Choose, async token =>
        {
            var found = await Find(token);
            if (found.IsSuccess)
                mayWait = lifecycle.WorkflowOf(found.Value.RegionCode).From(found.Value.State).Any(t => t.Trigger == Triggers.WaitForPlace);
            return found;
        }, request, signature, cancellationToken);
        if (done.Error?.Code is not (ErrorCodes.NoFreePlace or ErrorCodes.NoFreePlaces) || !mayWait)
            return done;

        return await runner.RunAsync(async token =>
        {
            var application = await Find(token);
            if (!application.IsSuccess)
                return application.Error!;
            if (!lifecycle.WorkflowOf(application.Value.RegionCode).From(application.Value.State).Any(t => t.Trigger == Triggers.WaitForPlace))
                return done.Error!;
            return await lifecycle.FireAsync(application.Value, Triggers.WaitForPlace, request, token);
        }, signature.SpendNonce, cancellationToken);
    }

    /// <summary>The reason rules: an action that takes a reason needs one, of a bounded length; null when it holds.</summary>
    private static Task<Result<Transitioned>>? ReasonRefusal(string reason) =>
        Reason.Refusal(reason) is { } refused ? Task.FromResult<Result<Transitioned>>(refused) : null;

    private Task<Result<Transitioned>> FireAsync(string trigger, Func<CancellationToken, Task<Result<Application>>> find, TransitionRequest request,
        ActionSignature signature, CancellationToken cancellationToken) =>
        runner.RunAsync(async token =>
        {
            var application = await find(token);
            if (!application.IsSuccess)
                return application.Error!;
            return await lifecycle.FireAsync(application.Value, trigger, Trimmed(request), token);
        }, signature.SpendNonce, cancellationToken);

    private static TransitionRequest Trimmed(TransitionRequest request) => request with { Reason = request.Reason?.Trim() };

    /// <summary>
    /// The application by its number as <see cref="ApplicationLifecycle.ForChange"/> reads it (tracked, with its directions
    /// and parents), compiled once: every signed family action on an application reads it first (the rush's hot read).
    /// </summary>
    private static readonly CompiledPerModel<Func<DbContext, string, CancellationToken, Task<Application?>>> ByNumber =
        new(() => EF.CompileAsyncQuery((DbContext context, string number, CancellationToken _) =>
            context.Set<Application>().Include(a => a.Directions).Include(a => a.Parents).SingleOrDefault(a => a.Number == number)));

    /// <summary>The family's application, tracked; another family's is answered exactly like a missing one.</summary>
    public async Task<Result<Application>> FindByNumberAsync(string applicationNumber, Actor actor, CancellationToken cancellationToken)
    {
        var number = ApplicationNumber.Parse(applicationNumber);
        if (!number.IsSuccess)
            return number.Error!;
        var text = number.Value.ToString();
        var application = db is DbContext context
            ? await ByNumber.For(context)(context, text, cancellationToken)
            : await lifecycle.ForChange.SingleOrDefaultAsync(a => a.Number == text, cancellationToken);
        return application is not null && AccessPolicy.IsFamilyMember(application, actor.Iin) ? application : Error.Of(ErrorCodes.ApplicationNotFound);
    }

    /// <summary>The family's application by its direction, tracked; another family's direction is answered like a missing one.</summary>
    private async Task<Result<Application>> FindByDirectionAsync(Guid directionId, Actor actor, CancellationToken cancellationToken)
    {
        var applicationId = await db.Directions.Where(d => d.Id == directionId).Select(d => (long?)d.ApplicationId).SingleOrDefaultAsync(cancellationToken);
        var application = applicationId is null ? null : await lifecycle.ForChange.SingleAsync(a => a.Id == applicationId, cancellationToken);
        if (application is null || !AccessPolicy.IsFamilyMember(application, actor.Iin))
            return Error.Of(ErrorCodes.DirectionNotFound);
        if (application.CurrentDirection?.Id != directionId)
            return Error.Of(ErrorCodes.ActionNotAvailable, ("status", application.Status.ToString()));
        return application;
    }
}
