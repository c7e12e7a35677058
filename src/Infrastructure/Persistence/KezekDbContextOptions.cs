using Microsoft.EntityFrameworkCore;

namespace Kezek.Infrastructure.Persistence;

/// <summary>Configures the context for a provider, with the migrations project of that provider.</summary>
public static class KezekDbContextOptions
{
    public static DbContextOptionsBuilder UseKezekDatabase(this DbContextOptionsBuilder builder, DatabaseProvider provider,
        string connectionString) => provider switch
    {
        DatabaseProvider.Sqlite => builder.UseSqlite(connectionString, o => o.MigrationsAssembly("Kezek.Migrations.Sqlite")),
        DatabaseProvider.PostgreSql => builder.UseNpgsql(connectionString, o => o.MigrationsAssembly("Kezek.Migrations.PostgreSql")),
        DatabaseProvider.SqlServer => builder.UseSqlServer(connectionString, o => o.MigrationsAssembly("Kezek.Migrations.SqlServer")),
        _ => throw new ArgumentOutOfRangeException(nameof(provider)),
    };
}
