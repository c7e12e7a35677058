using Kezek.Core.CivilRegistry;
using Kezek.Core.Notifications;
using Kezek.Infrastructure.CivilRegistry;
using Kezek.Infrastructure.Messaging;
using Kezek.Infrastructure.Persistence;
using Kezek.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Kezek.Infrastructure;

/// <summary>The database Kezek runs on, as configured: its provider and the connection string to use.</summary>
public sealed record DatabaseConnection(DatabaseProvider Provider, string ConnectionString);

public static class InfrastructureServices
{
    /// <summary>
    /// The database of the configured provider (<c>Kezek:Database</c>), read when first used so that hosts
    /// and tests may configure it late; SQLite defaults to <c>kezek.db</c> in the data folder.
    /// </summary>
    public static IServiceCollection AddKezekInfrastructure(this IServiceCollection services, Func<IServiceProvider, string> dataPath)
    {
        services.AddOptions<DatabaseOptions>().BindConfiguration(DatabaseOptions.Section);
        // Resolved once: the options of each request's context read it instead of parsing the configuration again.
        services.AddSingleton(provider =>
        {
            var database = provider.GetRequiredService<IOptions<DatabaseOptions>>().Value;
            return new DatabaseConnection(database.Provider, ConnectionString(database, dataPath(provider)));
        });
        services.AddDbContext<KezekDbContext>((provider, options) =>
        {
            var connection = provider.GetRequiredService<DatabaseConnection>();
            options.UseKezekDatabase(connection.Provider, connection.ConnectionString);
        });
        services.AddScoped<IKezekDb>(provider => provider.GetRequiredService<KezekDbContext>());
        services.AddScoped<ICivilRegistry, DatabaseCivilRegistry>();
        services.AddOptions<EmailOptions>().BindConfiguration(EmailOptions.Section);
        services.AddOptions<SmsOptions>().BindConfiguration(SmsOptions.Section);
        services.AddHttpClient();
        services.AddSingleton<IEmailSender, SmtpEmailSender>();
        services.AddSingleton<ISmsSender, HttpSmsSender>();
        return services;
    }

    private static string ConnectionString(DatabaseOptions database, string dataPath)
    {
        if (!string.IsNullOrWhiteSpace(database.ConnectionString))
            return database.Provider == DatabaseProvider.PostgreSql ? KezekDbContextOptions.ForKezek(database.ConnectionString) : database.ConnectionString;
        if (database.Provider != DatabaseProvider.Sqlite)
            throw new InvalidOperationException($"Kezek:Database:ConnectionString is required for {database.Provider}.");
        Directory.CreateDirectory(dataPath);
        return $"Data Source={Path.Combine(dataPath, "kezek.db")}";
    }
}
