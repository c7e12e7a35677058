using Kezek.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Kezek.Server.Demo.Country;

/// <summary>What a generation did: the country written, or what the database already held (nothing written).</summary>
public sealed record CountryGenerated(bool Written, IReadOnlyList<string> Existing);

/// <summary>
/// A deterministic country of 20 regions, kindergartens, families and applications with their history — the same seed,
/// the same data — written into a database of PostgreSQL or SQLite: the bench's <c>generate</c> verb, the admin CLI's
/// <c>demo-data</c> and the upgrade test call it.
/// </summary>
public static class CountryGeneration
{
    /// <summary>The fewest applications a country can have: every region needs some.</summary>
    public static int MinimumApplications => CountryRegions.All.Count * 10;

    /// <summary>
    /// Migrates the database first unless <paramref name="migrate"/> is false (a test that fills an older schema), refuses a
    /// database that already holds applications, kindergartens or civil-registry records unless <paramref name="replace"/>
    /// empties them first, and prints what it made to <paramref name="output"/>.
    /// </summary>
    public static async Task<CountryGenerated> GenerateAsync(DatabaseProvider provider, string connection, int applications, int seed, bool replace,
        string rulesFolder, TextWriter output, CancellationToken cancellationToken, bool migrate = true)
    {
        if (provider == DatabaseProvider.SqlServer)
            throw new NotSupportedException("The country generator writes to PostgreSQL and SQLite only.");
        ArgumentOutOfRangeException.ThrowIfLessThan(applications, MinimumApplications);
        var ruleSets = await RegionRuleSets.LoadAsync(rulesFolder, CountryPlan.Now);
        var plan = new CountryPlan(applications, seed, ruleSets);
        var report = new CountryReport(plan);
        if (migrate)
        {
            await report.TimeAsync("migrate", async () =>
            {
                var options = new DbContextOptionsBuilder<KezekDbContext>();
                options.UseKezekDatabase(provider, connection);
                await using var db = new KezekDbContext(options.Options);
                await DatabaseStartup.MigrateAsync(db, cancellationToken);
                return 0;
            });
        }

        await using ICountrySink sink = provider == DatabaseProvider.PostgreSql
            ? await PostgresSink.OpenAsync(connection, cancellationToken)
            : await SqliteSink.OpenAsync(connection, cancellationToken);
        var generator = new CountryGenerator(plan, sink, report);
        if (await generator.FindExistingAsync(cancellationToken) is { Count: > 0 } existing)
        {
            if (!replace)
                return new CountryGenerated(false, existing);
            await report.TimeAsync("empty (--replace)", async () =>
            {
                await generator.EmptyAsync(cancellationToken);
                return 0;
            });
        }

        await generator.GenerateAsync(cancellationToken);
        report.Print(output, provider.ToString());
        return new CountryGenerated(true, []);
    }
}
