using Kezek.Core.Results;
using Kezek.Workflows.Persistence;
using Kezek.Workflows.Places;
using Microsoft.EntityFrameworkCore;

namespace Kezek.Workflows.Lifecycle;

/// <summary>
/// One transition, one transaction: the transition, what must hold before it commits (a nonce spent once), the
/// waiting lists of kindergartens where it freed a seat, the turns it leaves owed, and the save commit together or
/// not at all (<see cref="Transactions"/>: a clash with another transaction starts the whole attempt again).
/// </summary>
public sealed class TransitionRunner(IKezekDb db, Transactions transactions, Turns turns, WaitingLists waitingLists)
{
    public Task<Result<Transitioned>> RunAsync(Func<CancellationToken, Task<Result<Transitioned>>> transition,
        Func<CancellationToken, Task<bool>>? beforeCommit, CancellationToken cancellationToken) =>
        transactions.RunAsync(async token =>
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
}
