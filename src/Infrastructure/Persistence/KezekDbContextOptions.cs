using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Kezek.Infrastructure.Persistence;

/// <summary>Configures the context for a provider, with the migrations project of that provider.</summary>
public static class KezekDbContextOptions
{
    /// <remarks>
    /// A query that includes two collections is one statement unless it asks to be split (<c>AsSplitQuery</c>): Kezek's
    /// such queries read one application (or a page of the queue) with its few directions and parents, often inside a
    /// transition's transaction, where one statement is one round trip and one consistent read. A read of many
    /// applications with both collections (the journal's available actions) splits itself.
    /// </remarks>
    public static DbContextOptionsBuilder UseKezekDatabase(this DbContextOptionsBuilder builder, DatabaseProvider provider,
        string connectionString) => provider switch
    {
        // SQLite rebuilds a table to drop a column, outside the migration's transaction (a shipped migration does): EF Core
        // warns of it on every new database. SQLite is the demo's and the tests' database, not production's: it is noted.
        DatabaseProvider.Sqlite => builder.UseSqlite(connectionString, o => o.MigrationsAssembly("Kezek.Migrations.Sqlite")
                .UseQuerySplittingBehavior(QuerySplittingBehavior.SingleQuery))
            .ConfigureWarnings(w => w.Log((RelationalEventId.NonTransactionalMigrationOperationWarning, LogLevel.Information))),
        DatabaseProvider.PostgreSql => builder.UseNpgsql(connectionString, o => o.MigrationsAssembly("Kezek.Migrations.PostgreSql")
            .UseQuerySplittingBehavior(QuerySplittingBehavior.SingleQuery)),
        DatabaseProvider.SqlServer => builder.UseSqlServer(connectionString, o => o.MigrationsAssembly("Kezek.Migrations.SqlServer")
            .UseQuerySplittingBehavior(QuerySplittingBehavior.SingleQuery)),
        _ => throw new ArgumentOutOfRangeException(nameof(provider)),
    };

    /// <summary>
    /// The connection string a Kezek server uses on PostgreSQL (applied once, when the configuration is read).
    /// Kezek sends the same few dozen statements over and over: Npgsql prepares the most used ones on each connection,
    /// so PostgreSQL parses and plans them once instead of on every request (measured: planning was a third of its
    /// CPU in the rush). A connection string that sets <c>Max Auto Prepare</c> or <c>No Reset On Close</c> itself keeps its value.
    /// </summary>
    public static string ForKezek(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (!connectionString.Contains("Max Auto Prepare", StringComparison.OrdinalIgnoreCase)
            && !connectionString.Contains("MaxAutoPrepare", StringComparison.OrdinalIgnoreCase))
            builder.MaxAutoPrepare = 64;
        // Kezek sets no session state (no SET, no temp tables, no advisory locks), so a pooled connection need not be
        // reset when returned: the reset was a DISCARD ALL-like batch before every request's first statement.
        if (!connectionString.Contains("No Reset On Close", StringComparison.OrdinalIgnoreCase)
            && !connectionString.Contains("NoResetOnClose", StringComparison.OrdinalIgnoreCase))
            builder.NoResetOnClose = true;
        return builder.ConnectionString;
    }
}
