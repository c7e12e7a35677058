using System.Globalization;
using Kezek.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Kezek.Benchmarks.Country;

/// <summary>
/// The <c>generate</c> verb: migrates a database with Kezek's own migrations and fills it with a realistic country of
/// 20 regions, kindergartens, families and applications with their history — the same seed, the same data.
/// <code>dotnet bench/Kezek.Benchmarks/bin/Release/net10.0/Kezek.Benchmarks.dll generate --provider PostgreSql|Sqlite --connection "…" [--applications 1000000] [--seed 42] [--replace]</code>
/// Refuses (exit 2) a database that already holds applications, kindergartens or civil-registry records, unless
/// <c>--replace</c> empties them (with Kezek's places, timers, notifications and documents about them) first.
/// </summary>
public static class GenerateCountry
{
    private const string Usage =
        "generate --provider PostgreSql|Sqlite --connection \"<connection string>\" [--applications 1000000] [--seed 42] [--replace]";

    public static async Task<int> RunAsync(string[] args)
    {
        string? Option(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        if (!Enum.TryParse<DatabaseProvider>(Option("--provider"), ignoreCase: true, out var provider) || provider == DatabaseProvider.SqlServer
            || Option("--connection") is not { Length: > 0 } connection
            || !int.TryParse(Option("--applications") ?? "1000000", NumberStyles.None, CultureInfo.InvariantCulture, out var applications)
            || !int.TryParse(Option("--seed") ?? "42", NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var seed))
        {
            Console.Error.WriteLine("Usage: " + Usage);
            return 2;
        }

        if (applications < CountryRegions.All.Count * 10)
        {
            Console.Error.WriteLine($"At least {CountryRegions.All.Count * 10} applications: every region needs some.");
            return 2;
        }

        var ruleSets = await RegionRuleSets.LoadAsync(Path.Combine(AppContext.BaseDirectory, "rules"), CountryPlan.Now);
        var plan = new CountryPlan(applications, seed, ruleSets);
        var report = new CountryReport(plan);
        await report.TimeAsync("migrate", async () =>
        {
            var options = new DbContextOptionsBuilder<KezekDbContext>();
            options.UseKezekDatabase(provider, connection);
            await using var db = new KezekDbContext(options.Options);
            await DatabaseStartup.MigrateAsync(db, CancellationToken.None);
            return 0;
        });

        await using ICountrySink sink = provider == DatabaseProvider.PostgreSql
            ? await PostgresSink.OpenAsync(connection, CancellationToken.None)
            : await SqliteSink.OpenAsync(connection, CancellationToken.None);
        var generator = new CountryGenerator(plan, sink, report);
        if (await generator.FindExistingAsync(CancellationToken.None) is { Count: > 0 } existing)
        {
            if (!args.Contains("--replace"))
            {
                Console.Error.WriteLine($"The database already holds {string.Join(", ", existing)}: give --replace to empty the generated tables first.");
                return 2;
            }

            await report.TimeAsync("empty (--replace)", async () =>
            {
                await generator.EmptyAsync(CancellationToken.None);
                return 0;
            });
        }

        await generator.GenerateAsync(CancellationToken.None);
        report.Print(Console.Out, provider.ToString());
        return 0;
    }
}
