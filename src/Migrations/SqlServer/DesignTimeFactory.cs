using Kezek.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Kezek.Migrations.SqlServer;

/// <summary>Lets `dotnet ef` build the model for this provider without starting the server; nothing connects.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<KezekDbContext>
{
    public KezekDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<KezekDbContext>();
        options.UseKezekDatabase(DatabaseProvider.SqlServer, "Server=localhost;Database=kezek_design;Trusted_Connection=True;TrustServerCertificate=True");
        return new KezekDbContext(options.Options);
    }
}
