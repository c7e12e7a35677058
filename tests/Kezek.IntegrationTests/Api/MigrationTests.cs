using Kezek.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Kezek.IntegrationTests.Api;

/// <summary>Each provider's migrations project is up to date with the model (no connection is needed to compare).</summary>
public sealed class MigrationTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite, "Data Source=:memory:")]
    [InlineData(DatabaseProvider.PostgreSql, "Host=127.0.0.1;Database=unused")]
    [InlineData(DatabaseProvider.SqlServer, "Server=127.0.0.1;Database=unused;TrustServerCertificate=True")]
    public void The_model_has_no_changes_missing_from_the_migrations(DatabaseProvider provider, string connectionString)
    {
        var options = new DbContextOptionsBuilder<KezekDbContext>();
        options.UseKezekDatabase(provider, connectionString);
        using var db = new KezekDbContext(options.Options);

        Assert.NotEmpty(db.Database.GetMigrations());
        Assert.False(db.Database.HasPendingModelChanges(), $"{provider}: run dotnet ef migrations add for src/Migrations/{provider}.");
    }
}
