using System.Text.Json.Nodes;
using Kezek.Infrastructure.Persistence;
using Kezek.IntegrationTests.Hosting;
using Kezek.Server.Demo.Country;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql;

namespace Kezek.IntegrationTests.Cli;

/// <summary>
/// An upgrade from the last release: a PostgreSQL database at the last release's schema (the migrations up to and including
/// <see cref="LastRelease"/>), filled by the country generator, migrated to whatever migration is the latest now, keeps every
/// row and every value it had, and a Kezek server answers queries on it. The generator writes the columns of the current
/// model's tables it knows (docs/operations.md says what that means once a migration adds a column it must fill).
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class UpgradeTests(PostgresKezek kezek)
{
    /// <summary>The last migration of the last release (commit 48eeb49).</summary>
    public const string LastRelease = "RegionMoveAndTrust";

    private static readonly string[] Tables = ["Regions", "Kindergartens", "Applications", "ApplicationParents", "HistoryEntries", "Directions",
        "CivilRegistryRecords", "NumberSequences", "RuleSetVersions"];

    [Fact]
    public async Task A_country_at_the_last_releases_schema_is_migrated_to_the_latest_with_its_data_intact_and_served()
    {
        var server = Environment.GetEnvironmentVariable("KEZEK_TEST_POSTGRES")
            ?? throw new InvalidOperationException("KEZEK_TEST_POSTGRES is not set: run the tests with ./test.sh.");
        var name = $"kezek_upgrade_{Guid.NewGuid():N}"[..30];
        var connection = new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
        await ExecuteAsync(server, $"CREATE DATABASE \"{name}\"");
        try
        {
            var options = new DbContextOptionsBuilder<KezekDbContext>();
            options.UseKezekDatabase(DatabaseProvider.PostgreSql, connection);
            await using (var db = new KezekDbContext(options.Options))
            {
                await db.GetService<IMigrator>().MigrateAsync(LastRelease);
                Assert.EndsWith("_" + LastRelease, (await db.Database.GetAppliedMigrationsAsync()).Last(), StringComparison.Ordinal);
            }

            var generated = await CountryGeneration.GenerateAsync(DatabaseProvider.PostgreSql, connection, 2_000, 42, replace: false,
                Path.Combine(AppContext.BaseDirectory, "rules"), TextWriter.Null, CancellationToken.None, migrate: false);
            Assert.True(generated.Written);
            var before = await SnapshotAsync(connection);

            await using (var db = new KezekDbContext(options.Options))
            {
                await db.Database.MigrateAsync();
                Assert.Empty(await db.Database.GetPendingMigrationsAsync());
            }

            var after = await SnapshotAsync(connection);
            foreach (var table in Tables)
                Assert.Equal(before.Counts[table], after.Counts[table]);
            Assert.Equal(2_000, before.Counts["Applications"]);
            // Every sampled row keeps every value it had (a new column may be added beside them).
            foreach (var (table, rows) in before.Samples)
            {
                Assert.Equal(rows.Count, after.Samples[table].Count);
                foreach (var (old, upgraded) in rows.Zip(after.Samples[table]))
                {
                    foreach (var (column, value) in old)
                        Assert.True(JsonNode.DeepEquals(value, upgraded[column]), $"{table}.{column}: {value} became {upgraded[column]}");
                }
            }

            // A server on the upgraded database answers: a queued child's position by the child's IIN, and a region's statistics.
            using var process = KezekProcess.Start(kezek, connectionString: connection);
            var api = await process.ApiAsync(kezek);
            var (number, childIin, region) = await QueuedSampleAsync(connection);
            var positions = (await api.PostAsync("query($r: String!, $c: String!) { queuePosition(region: $r, childIin: $c) { applicationNumber queueNumber } }",
                new { r = region, c = childIin })).Ok().GetProperty("queuePosition");
            Assert.Contains(positions.EnumerateArray(), p => p.GetProperty("applicationNumber").GetString() == number && p.GetProperty("queueNumber").GetInt32() > 0);
            var statistics = (await api.PostAsync("query($r: String!) { statistics(region: $r) { total } }", new { r = region })).Ok();
            Assert.True(statistics.GetProperty("statistics").GetProperty("total").GetInt32() > 0);
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await ExecuteAsync(server, $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
        }
    }

    private sealed record Snapshot(Dictionary<string, long> Counts, Dictionary<string, List<JsonObject>> Samples);

    private static async Task<Snapshot> SnapshotAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var counts = new Dictionary<string, long>();
        var samples = new Dictionary<string, List<JsonObject>>();
        foreach (var table in Tables)
        {
            await using (var count = new NpgsqlCommand($"SELECT count(*) FROM \"{table}\"", connection))
                counts[table] = (long)(await count.ExecuteScalarAsync())!;
            // Every 37th row by the table's first column, as JSON: a spread sample of each table.
            await using var sample = new NpgsqlCommand($"SELECT to_jsonb(t)::text FROM (SELECT * FROM \"{table}\" ORDER BY 1) t", connection);
            var rows = new List<JsonObject>();
            await using var reader = await sample.ExecuteReaderAsync();
            for (var i = 0; await reader.ReadAsync(); i++)
            {
                if (i % 37 == 0)
                    rows.Add(JsonNode.Parse(reader.GetString(0))!.AsObject());
            }

            samples[table] = rows;
        }

        return new Snapshot(counts, samples);
    }

    private static async Task<(string Number, string ChildIin, string Region)> QueuedSampleAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT \"Number\", \"ChildIin\", \"RegionCode\" FROM \"Applications\" WHERE \"Status\" = 'Queued' ORDER BY \"Id\" LIMIT 1", connection);
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        return (reader.GetString(0), reader.GetString(1), reader.GetString(2));
    }

    private static async Task ExecuteAsync(string server, string sql)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server) { Database = "postgres" }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
