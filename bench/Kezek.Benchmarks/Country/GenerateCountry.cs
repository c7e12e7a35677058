using System.Globalization;
using Kezek.Infrastructure.Persistence;
using Kezek.Server.Demo.Country;

namespace Kezek.Benchmarks.Country;

/// <summary>
/// The <c>generate</c> verb: migrates a database with Kezek's own migrations and fills it with a realistic country of
/// 20 regions, kindergartens, families and applications with their history — the same seed, the same data
/// (<see cref="CountryGeneration"/>, in src/Server/Demo/Country, which the admin CLI's <c>demo-data</c> shares).
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

        if (applications < CountryGeneration.MinimumApplications)
        {
            Console.Error.WriteLine($"At least {CountryGeneration.MinimumApplications} applications: every region needs some.");
            return 2;
        }

        var generated = await CountryGeneration.GenerateAsync(provider, connection, applications, seed, args.Contains("--replace"),
            Path.Combine(AppContext.BaseDirectory, "rules"), Console.Out, CancellationToken.None);
        if (!generated.Written)
        {
            Console.Error.WriteLine($"The database already holds {string.Join(", ", generated.Existing)}: give --replace to empty the generated tables first.");
            return 2;
        }

        return 0;
    }
}
