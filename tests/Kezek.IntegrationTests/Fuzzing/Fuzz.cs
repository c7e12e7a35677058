using System.Globalization;
using Kezek.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Kezek.IntegrationTests.Fuzzing;

/// <summary>
/// How many cases each property runs: a small default for every <c>./test.sh</c>, or <c>KEZEK_FUZZ_ITERATIONS</c> for a long
/// run (docs/resilience.md, "Fuzzing"); <c>KEZEK_FUZZ_SEED</c> replays the seed a failure printed.
/// </summary>
public static class Fuzz
{
    public static long Cases(long byDefault) =>
        long.TryParse(Environment.GetEnvironmentVariable("KEZEK_FUZZ_ITERATIONS"), NumberStyles.None, CultureInfo.InvariantCulture, out var cases)
            && cases > 0 ? cases : byDefault;

    public static string? Seed => Environment.GetEnvironmentVariable("KEZEK_FUZZ_SEED") is { Length: > 0 } seed ? seed : null;

    /// <summary>Text people and attackers type: Kazakh, look-alikes, control, bidi and zero-width characters, markup, astral characters.</summary>
    public static readonly string[] OddTexts =
    [
        "", " ", "a", "АХМЕТОВА АЙГЕРІМ", "Переезд \u202Eтxт.exe", "x\u0000y", "\u0007", "\u001B[31m", "Пере\u200Bезд", "\u2066x\u2069", "\uFEFF",
        "\u00A0", "𝔸👍🏽", "e\u0301", "\uD800", "<script>alert(1)</script>", "'; DROP TABLE \"Applications\"; --", "=cmd|' /C calc'!A0", "+7701",
        "@SUM(1)", "\\", "%s%n", "null", "NaN", "-0", "1e309", "99999999999999999999", "2026-02-30", "9999-12-31", "0001-01-01", "2026-09-01",
        "2026-09-01T10:00:00+05:00", "yesterday", "ALM.2026.000001.1", "almaty", "ALMATY", "алматы", "\r\n", "\t", "ｓｔｒｉｎｇ",
    ];

    public static string Text(Random random) => random.Next(12) switch
    {
        0 => new string((char)random.Next(0x20, 0x7FF), random.Next(1, 40)),
        1 => new string('я', random.Next(1_000, 20_000)), // long, within the 64 KB body (each letter two bytes of UTF-8)
        2 => string.Concat(Enumerable.Range(0, random.Next(1, 30)).Select(_ => (char)random.Next(0, 0x3000))),
        _ => OddTexts[random.Next(OddTexts.Length)],
    };

    /// <summary>The rows of every table, by table: what a refused request must leave as it was.</summary>
    public static async Task<Dictionary<string, long>> RowCountsAsync(KezekDbContext db)
    {
        var counts = new Dictionary<string, long>();
        foreach (var table in db.Model.GetEntityTypes().Select(t => t.GetTableName()).OfType<string>().Distinct())
        {
#pragma warning disable EF1002 // the table names come from the model, not from input
            counts[table] = await db.Database.SqlQueryRaw<long>($"SELECT COUNT(*) AS \"Value\" FROM \"{table}\"").SingleAsync();
#pragma warning restore EF1002
        }
        return counts;
    }
}
