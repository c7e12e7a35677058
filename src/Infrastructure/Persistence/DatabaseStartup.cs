using Microsoft.EntityFrameworkCore;

namespace Kezek.Infrastructure.Persistence;

public static class DatabaseStartup
{
    /// <summary>Applies pending migrations (EF Core holds a lock, so instances may start together).</summary>
    public static async Task MigrateAsync(KezekDbContext db, CancellationToken cancellationToken)
    {
        if (db.Database.IsSqlite())
        {
            // WAL lets readers go on while one writer commits; the default busy timeout makes writers wait their turn.
            await db.Database.OpenConnectionAsync(cancellationToken);
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
            await db.Database.CloseConnectionAsync();
        }

        await db.Database.MigrateAsync(cancellationToken);
    }
}
