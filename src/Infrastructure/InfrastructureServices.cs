using Kezek.Core.CivilRegistry;
using Kezek.Infrastructure.CivilRegistry;
using Kezek.Infrastructure.Persistence;
using Kezek.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kezek.Infrastructure;

public static class InfrastructureServices
{
    /// <summary>The database of the configured provider; SQLite defaults to <c>kezek.db</c> in the data folder.</summary>
    public static IServiceCollection AddKezekInfrastructure(this IServiceCollection services, DatabaseOptions database, string dataPath)
    {
        var connectionString = database.ConnectionString;
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            if (database.Provider != DatabaseProvider.Sqlite)
                throw new InvalidOperationException($"Kezek:Database:ConnectionString is required for {database.Provider}.");
            Directory.CreateDirectory(dataPath);
            connectionString = $"Data Source={Path.Combine(dataPath, "kezek.db")}";
        }

        services.AddDbContext<KezekDbContext>(options => options.UseKezekDatabase(database.Provider, connectionString));
        services.AddScoped<IKezekDb>(provider => provider.GetRequiredService<KezekDbContext>());
        services.AddScoped<ICivilRegistry, DatabaseCivilRegistry>();
        return services;
    }
}
