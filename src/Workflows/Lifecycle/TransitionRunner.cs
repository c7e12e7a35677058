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

    public Task<Result<Transitioned>> RunAsync(Func<CancellationToken, Task<Result<Transitioned>>> transition,
        Func<CancellationToken, Task<bool>>? beforeCommit, CancellationToken cancellationToken) =>
        InTransactionAsync(async token =>
        {
            var fired = await transition(token);
            if (fired.IsSuccess && beforeCommit is not null && !await beforeCommit(token))
                fired = Error.Of(ErrorCodes.NonceInvalid);
            if (!fired.IsSuccess)
                return fired;

            await db.SaveChangesAsync(token);
            if (fired.Value.FreedIn.Count > 0)
            {
                foreach (var kindergarten in fired.Value.FreedIn)
                    await waitingLists.ServeAsync(kindergarten, token);
                await db.SaveChangesAsync(token);
            }

            if (fired.Value.OfferTurns)
            {
                await turns.OfferAsync(fired.Value.Application.RegionCode, fired.Value.Application.GroupYear, token);
                await db.SaveChangesAsync(token);
            }

            return fired;
        }, cancellationToken);

    /// <summary>
    /// Runs work in a transaction that commits only when it succeeds: an error result rolls it back, a clash with
    /// another transaction starts it again from a fresh read, and nothing of a failed attempt stays tracked.
    /// </summary>
    public async Task<Result<T>> InTransactionAsync<T>(Func<CancellationToken, Task<Result<T>>> work, CancellationToken cancellationToken)
    {
        for (var attempt = 1; attempt <= Attempts; attempt++)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            try
            {
                var result = await work(cancellationToken);
                if (!result.IsSuccess)
                {
                    await transaction.RollbackAsync(cancellationToken);
                    db.DiscardChanges();
                    return result;
                }

                await transaction.CommitAsync(cancellationToken);
                return result;
            }
            catch (Exception exception) when (IsRetryable(exception))
            {
                await transaction.RollbackAsync(cancellationToken);
                db.DiscardChanges();
            }
            catch
            {
                // Rolled back by the transaction's disposal; nothing of it may stay tracked for a later save of this request.
                db.DiscardChanges();
                throw;
            }
        }

        return Error.Of(ErrorCodes.ConcurrentChange);
    }

    /// <summary>Another transaction changed the same rows (concurrency token, a nested transition's lost race, a deadlock): try again from a fresh read.</summary>
    public bool IsRetryable(Exception exception) =>
        exception is DbUpdateConcurrencyException or TransitionRaceException || db.IsTransient(exception);
}
