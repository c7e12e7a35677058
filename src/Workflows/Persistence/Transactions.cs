using Kezek.Core.Results;
using Kezek.Workflows.Lifecycle;
using Microsoft.EntityFrameworkCore;

namespace Kezek.Workflows.Persistence;

/// <summary>
/// Work in a transaction that commits only when it succeeds: an error result rolls it back, a clash with another
/// transaction (a concurrency token, a nested transition's lost race, a deadlock) starts it again from a fresh read,
/// and nothing of a failed attempt stays tracked for a later save of the same request.
/// </summary>
public sealed class Transactions(IKezekDb db)
{
    private const int Attempts = 3;

    public async Task<Result<T>> RunAsync<T>(Func<CancellationToken, Task<Result<T>>> work, CancellationToken cancellationToken)
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
                // Rolled back by the transaction's disposal.
                db.DiscardChanges();
                throw;
            }
        }

        return Error.Of(ErrorCodes.ConcurrentChange);
    }

    private bool IsRetryable(Exception exception) =>
        exception is DbUpdateConcurrencyException or TransitionRaceException || db.IsTransient(exception);
}
