using Kezek.Core.Results;
using Kezek.Workflows.Persistence;
using Kezek.Workflows.Places;
using Microsoft.EntityFrameworkCore;

namespace Kezek.Workflows.Lifecycle;

/// <summary>
/// One transition, one transaction: the transition, what must hold before it commits (a nonce spent once), the
/// waiting lists of kindergartens where it freed a seat, the turns it leaves owed, and the save commit together or
/// not at all. A concurrent change to the same application
/// (its concurrency token) makes the whole attempt start again from a fresh read.
/// </summary>
public sealed class TransitionRunner(IKezekDb db, Turns turns, WaitingLists waitingLists)
{
    private const int Attempts = 3;

    public async Task<Result<Transitioned>> RunAsync(Func<CancellationToken, Task<Result<Transitioned>>> transition,
        Func<CancellationToken, Task<bool>>? beforeCommit, CancellationToken cancellationToken)
    {
        for (var attempt = 1; attempt <= Attempts; attempt++)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            try
            {
                var fired = await transition(cancellationToken);
                if (fired.IsSuccess && beforeCommit is not null && !await beforeCommit(cancellationToken))
                    fired = Error.Of(ErrorCodes.NonceInvalid);
                if (!fired.IsSuccess)
                {
                    await transaction.RollbackAsync(cancellationToken);
                    db.DiscardChanges();
                    return fired;
                }

                await db.SaveChangesAsync(cancellationToken);
                if (fired.Value.FreedIn.Count > 0)
                {
                    foreach (var kindergarten in fired.Value.FreedIn)
                        await waitingLists.ServeAsync(kindergarten, cancellationToken);
                    await db.SaveChangesAsync(cancellationToken);
                }

                if (fired.Value.OfferTurns)
                {
                    await turns.OfferAsync(fired.Value.Application.RegionCode, fired.Value.Application.GroupYear, cancellationToken);
                    await db.SaveChangesAsync(cancellationToken);
                }

                await transaction.CommitAsync(cancellationToken);
                return fired;
            }
            catch (DbUpdateConcurrencyException)
            {
                await transaction.RollbackAsync(cancellationToken);
                db.DiscardChanges();
            }
        }

        return Error.Of(ErrorCodes.ConcurrentChange);
    }
}
