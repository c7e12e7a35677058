using System.Diagnostics;
using System.Globalization;
using Kezek.Infrastructure.Persistence;
using Kezek.Server.Demo.Country;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql;

namespace Kezek.Benchmarks.Upgrade;

/// <summary>
/// The <c>upgrade</c> verb: how long an upgrade from the last release takes on a country. Makes a new PostgreSQL database,
/// migrates it to the last release's migration (<c>--from</c>), fills it with the country generator, then times the
/// migration to the latest and checks the row counts; the database is dropped afterwards unless <c>--keep</c>.
/// <code>dotnet bench/Kezek.Benchmarks/bin/Release/net10.0/Kezek.Benchmarks.dll upgrade --connection "…" [--applications 1000000] [--from RegionMoveAndTrust] [--seed 42] [--keep]</code>
/// </summary>
public static class UpgradeBench
{
    private const string Usage =
        "upgrade --connection \"<PostgreSQL connection string; a database of its own is made>\" [--applications 1000000] [--from RegionMoveAndTrust] [--seed 42] [--keep]";

    private static readonly string[] Tables = ["Kindergartens", "Applications", "ApplicationParents", "HistoryEntries", "Directions", "CivilRegistryRecords"];

    public static async Task<int> RunAsync(string[] args)
    {
        string? Option(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        if (Option("--connection") is not { Length: > 0 } server
            || !int.TryParse(Option("--applications") ?? "1000000", NumberStyles.None, CultureInfo.InvariantCulture, out var applications)
            || !int.TryParse(Option("--seed") ?? "42", NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var seed)
            || applications < CountryGeneration.MinimumApplications)
        {
            Console.Error.WriteLine("Usage: " + Usage);
            return 2;
        }

        var from = Option("--from") ?? "RegionMoveAndTrust";
        var name = $"kezek_upgrade_{Environment.ProcessId}";
        var connection = new NpgsqlConnectionStringBuilder(server) { Database = name, CommandTimeout = 0 }.ConnectionString;
        await ExecuteAsync(server, $"CREATE DATABASE \"{name}\"");
        try
        {
            var options = new DbContextOptionsBuilder<KezekDbContext>();
            options.UseKezekDatabase(DatabaseProvider.PostgreSql, connection);
            await using (var db = new KezekDbContext(options.Options))
                await db.GetService<IMigrator>().MigrateAsync(from);
            await CountryGeneration.GenerateAsync(DatabaseProvider.PostgreSql, connection, applications, seed, replace: false,
                Path.Combine(AppContext.BaseDirectory, "rules"), Console.Out, CancellationToken.None, migrate: false);
            var before = await CountAsync(connection);

            await using (var db = new KezekDbContext(options.Options))
            {
                var pending = (await db.Database.GetPendingMigrationsAsync()).ToList();
                var started = Stopwatch.GetTimestamp();
                await db.Database.MigrateAsync();
                var took = Stopwatch.GetElapsedTime(started);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"Upgrade from {from} to {db.Database.GetMigrations().Last()} ({pending.Count} migrations: {string.Join(", ", pending)}) " +
                    $"on {applications:N0} applications: {took.TotalSeconds:F1} s"));
            }

            var after = await CountAsync(connection);
            foreach (var table in Tables)
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {table,-22} {before[table],12:N0} -> {after[table],12:N0}"));
            return Tables.All(t => before[t] == after[t]) ? 0 : 1;
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            if (!args.Contains("--keep"))
                await ExecuteAsync(server, $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
        }
    }

    private static async Task<Dictionary<string, long>> CountAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var counts = new Dictionary<string, long>();
        foreach (var table in Tables)
        {
            await using var count = new NpgsqlCommand($"SELECT count(*) FROM \"{table}\"", connection);
            counts[table] = (long)(await count.ExecuteScalarAsync())!;
        }

        return counts;
    }

    private static async Task ExecuteAsync(string server, string sql)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server) { Database = "postgres" }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
