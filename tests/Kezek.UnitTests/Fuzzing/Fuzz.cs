using System.Globalization;
using CsCheck;

namespace Kezek.UnitTests.Fuzzing;

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

    /// <summary>Text people and attackers type: Kazakh and Cyrillic, look-alikes, bidi and zero-width marks, markup, astral characters.</summary>
    public static readonly Gen<string> OddText = Gen.OneOf(
        Gen.String[Gen.Char["abcXYZ019 .-_"], 0, 12],
        Gen.String[Gen.Char["АӘБҒҚҢӨҰҮІһаәбғқңөұүі ЁЙ"], 0, 12],
        Gen.OneOf<string>("\u202E", "\u200B", "\u200F", "\u2066x\u2069", "\uFEFF", "\u00A0", "А", "A", "𝔸", "👍🏽", "e\u0301", "\u00E9",
            "<", "&amp;", "&", "]]>", "\"", "'", "\t", "\n", " ", "  x  ", "=cmd|' /C calc'!A0", "\\", "%s", "null", "0", "-1",
            "99999999999999999999", "1e309", "NaN", "2026-02-30", "ALM.2026.000001.1", "ALM.2026.000001.1 ", "alm.2026.000001.1"),
        Gen.Select(Gen.Char[' ', '\u07FF'], Gen.Int[1, 6], (c, n) => new string(c, n)));
}
