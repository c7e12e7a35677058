using System.Text;
using System.Text.Json;
using CsCheck;
using Kezek.Core.Iins;
using Kezek.IntegrationTests.Hosting;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace Kezek.IntegrationTests.Fuzzing;

/// <summary>
/// The three CSV imports (importCivilRegistry, importRegions, importKindergartens) with generated files: cells quoted or not
/// (with "" and commas inside), padding spaces, a BOM, CRLF or LF, blank lines, odd Unicode names, huge lines, garbage. Never
/// a 5xx nor an INTERNAL error; a file whose every line is good is accepted and its data read back as written; a file with one
/// bad line is refused naming that line, and a refused file writes nothing.
/// </summary>
public abstract class CsvImportFuzzTests(KezekFactory kezek, ITestOutputHelper output, long cases) : KezekTest(kezek)
{
    private const string RegistryHeader = "childIin,childFullName,childBirthDate,parentIin,parentFullName,relation";
    private const string RegionHeader = "code,nameRu,nameKk,nameEn,timeZone,supportPhone,supportEmail,supportHoursRu,supportHoursKk";
    private const string KindergartenHeader = "region,bin,nameRu,nameKk,addressRu,addressKk,latitude,longitude,languages,ownership,groups";

    private static readonly Gen<string> Names = Gen.Select(
        Gen.String[Gen.Char["АӘБВГҒДЕЁЖЗИЙКҚЛМНҢОӨПРСТУҰҮФХҺЦЧШЩЪЫІЬЭЮЯабвгғқңөұүһі-' ,\"ABCxyz"], 1, 40],
        Gen.OneOf<string>("", "", "", " «Балапан»", ", \"кіші\"", "\u00A0", "𝔸", "e\u0301", "ّ"), (a, b) => (a + b).Trim())
        .Where(n => n.Length > 0 && !"-'".Contains(n[0], StringComparison.Ordinal) && n.Length <= 200);

    /// <summary>How a file is written: line ends, a BOM, blank lines, quoting of every cell, padding spaces.</summary>
    public sealed record Layout(bool Crlf, bool Bom, int BlankEvery, bool QuoteAll, bool Pad, bool TrailingNewline);

    private static readonly Gen<Layout> Layouts = Gen.Select(Gen.Bool, Gen.Bool, Gen.Int[0, 4], Gen.Bool, Gen.Bool, Gen.Bool,
        (crlf, bom, blank, quote, pad, trailing) => new Layout(crlf, bom, blank, quote, pad, trailing));

    private static readonly string[] RegistryCorruptions =
        ["bad-iin", "bad-date", "future-birth", "self-parent", "relation", "control-name", "bidi-name", "formula-name", "columns", "long-name", "empty-name"];

    [Fact]
    public async Task The_civil_registry_import_reads_good_files_back_and_refuses_a_bad_line_by_number_writing_nothing()
    {
        var api = Kezek.Api();
        var admin = await api.SignInAsync(People.Administrator);
        int accepted = 0, refused = 0, serial = 0;
        var rows = Gen.Select(Names, Names, Gen.Int[0, 3], Gen.Date[new DateTime(2019, 1, 1), new DateTime(2026, 8, 31)]);

        await Gen.Select(rows.Array[1, 6], Layouts, Gen.Int[-1, 5], Gen.OneOf<string>(RegistryCorruptions)).SampleAsync(async (lines, layout, bad, corruption) =>
        {
            var records = lines.Select(l =>
            {
                serial += 7;
                var child = Iin.Create(DateOnly.FromDateTime(l.Item4), serial % 2 == 0 ? Sex.Female : Sex.Male, serial % 9000).Value;
                var parent = Iin.Create(new DateOnly(1990, 1, 1).AddDays(serial % 3000), Sex.Female, serial % 9000).Value;
                return new[] { child, l.Item1, DateOnly.FromDateTime(l.Item4).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), parent, l.Item2, (new[] { "MOTHER", "FATHER", "GUARDIAN", "mother" })[l.Item3] };
            }).ToList();
            var badIndex = bad >= 0 && bad < records.Count ? bad : -1;
            if (badIndex >= 0)
                Corrupt(records[badIndex], corruption);
            var (csv, lineNumbers) = Write(RegistryHeader, records, layout);
            var before = await Kezek.WithDbAsync(Fuzz.RowCountsAsync);

            var answer = await api.PostAsync("mutation($csv: String!) { importCivilRegistry(csv: $csv) { added updated } }", new { csv }, admin);

            Assert.True((int)answer.Status < 500 && answer.ErrorCode != "INTERNAL", answer.Text);
            if (badIndex < 0)
            {
                Assert.False(answer.HasErrors, $"{answer.Text}\n{csv}");
                accepted++;
                foreach (var r in records)
                {
                    var stored = await Kezek.WithDbAsync(db => db.CivilRegistryRecords.SingleAsync(x => x.ChildIin == r[0] && x.ParentIin == r[3]));
                    Assert.Equal((r[1], r[2], r[4], r[5].ToUpperInvariant()),
                        (stored.ChildFullName, stored.ChildBirthDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), stored.ParentFullName, stored.Relation.ToString().ToUpperInvariant()));
                }
            }
            else
            {
                refused++;
                Assert.Equal("CIVIL_REGISTRY_IMPORT_INVALID", answer.ErrorCode);
                Assert.Equal(lineNumbers[badIndex].ToString(System.Globalization.CultureInfo.InvariantCulture),
                    answer.Json.GetProperty("errors")[0].GetProperty("extensions").GetProperty("line").GetString());
                Assert.Equal(before, await Kezek.WithDbAsync(Fuzz.RowCountsAsync));
            }
        }, iter: cases, threads: 1, seed: Fuzz.Seed);

        output.WriteLine($"civil registry: {accepted} files accepted and read back, {refused} refused by line");
    }

    [Fact]
    public async Task The_reference_imports_never_fail_inside_read_good_files_back_and_refused_files_write_nothing()
    {
        var api = Kezek.Api();
        var admin = await api.SignInAsync(People.Administrator);
        int accepted = 0, refused = 0;
        var garbage = Gen.String[Gen.Char[(char)0, (char)0x2FF], 0, 300];

        await Gen.Select(Names, Names, Layouts, Gen.Int[0, 6], garbage, Gen.Bool).SampleAsync(async (name, other, layout, kind, junk, regions) =>
        {
            List<string[]> records = regions
                ? [["fz-" + (uint)name.GetHashCode() % 100_000, name, other, "Zone", "", "+7 701 123 45 67", "a@b.kz", name, ""]]
                : [["almaty", Queues.KindergartenBin, name, other, other + ", 1", name + ", 1", "43.25", "76.9", "kk ru", "state", "2022:kk:25;2021:ru:20"]];
            var good = kind <= 2;
            if (kind == 3)
                records[0][^2] = "public"; // an unknown value (ownership; a region's hours take any text, so its email instead)
            if (kind == 3 && regions)
                records[0][6] = "not-an-email";
            if (kind == 4)
                records[0][2] = "=HYPERLINK(\"x\")";
            if (kind == 5)
                records[0] = [.. records[0], "extra"];
            var (csv, lineNumbers) = Write(regions ? RegionHeader : KindergartenHeader, records, layout);
            if (kind == 6)
                csv = junk + (junk.Length % 2 == 0 ? "" : "\n" + new string('x', 60_000)); // garbage, or a huge line
            var before = await Kezek.WithDbAsync(Fuzz.RowCountsAsync);
            var field = regions ? "importRegions" : "importKindergartens";

            var answer = await api.PostAsync($"mutation($csv: String!) {{ {field}(csv: $csv) {{ lines created updated }} }}", new { csv }, admin);

            Assert.True((int)answer.Status < 500 && answer.ErrorCode != "INTERNAL", answer.Text);
            if (good)
            {
                Assert.False(answer.HasErrors, $"{answer.Text}\n{csv}");
                accepted++;
                var stored = regions
                    ? await Kezek.WithDbAsync(db => db.Regions.Where(r => r.Code == records[0][0]).Select(r => r.NameRu + "|" + r.NameKk).SingleAsync())
                    : await Kezek.WithDbAsync(db => db.Kindergartens.Where(k => k.Bin == Queues.KindergartenBin).Select(k => k.NameRu + "|" + k.NameKk).SingleAsync());
                Assert.Equal(name + "|" + other, stored);
                return;
            }

            if (!answer.HasErrors)
                return; // garbage that happens to be a good (empty) file
            refused++;
            Assert.Equal(before, await Kezek.WithDbAsync(Fuzz.RowCountsAsync));
            if (answer.ErrorCode == "REFERENCE_IMPORT_INVALID")
            {
                var line = answer.Json.GetProperty("errors")[0].GetProperty("extensions").GetProperty("line").GetString();
                Assert.True(int.TryParse(line, out var number) && number >= 1, answer.Text);
                if (kind < 6)
                    Assert.Equal(lineNumbers[0].ToString(System.Globalization.CultureInfo.InvariantCulture), line);
            }
            else
                Assert.True(answer.ErrorCode is "DOCUMENT_TOO_LARGE", answer.Text);
        }, iter: cases, threads: 1, seed: Fuzz.Seed);

        output.WriteLine($"reference imports: {accepted} files accepted and read back, {refused} refused");
    }

    private static void Corrupt(string[] record, string corruption)
    {
        switch (corruption)
        {
            case "bad-iin": record[0] = record[0][..11] + (char)('0' + (record[0][11] - '0' + 1) % 10); break;
            case "bad-date": record[2] = "2022-02-30"; break;
            case "future-birth":
                record[0] = Iin.Create(new DateOnly(2026, 12, 1), Sex.Male, 77).Value;
                record[2] = "2026-12-01";
                break;
            case "self-parent": record[3] = record[0]; break;
            case "relation": record[5] = "AUNT"; break;
            case "control-name": record[1] = "АЛИ\u0007Я"; break;
            case "bidi-name": record[4] = "АЙГЕРІМ \u202EМІРЕГЙА"; break;
            case "formula-name": record[1] = "=cmd|' /C calc'!A0"; break;
            case "columns": record[5] += ",MOTHER"; break;
            case "long-name": record[4] = new string('Ә', 5_000); break;
            default: record[1] = ""; break;
        }
    }

    /// <summary>The file and the 1-based line number of each record in it.</summary>
    private static (string Csv, List<int> LineNumbers) Write(string header, List<string[]> records, Layout layout)
    {
        var newline = layout.Crlf ? "\r\n" : "\n";
        var text = new StringBuilder(layout.Bom ? "\uFEFF" : "").Append(header);
        var line = 1;
        var numbers = new List<int>();
        foreach (var record in records)
        {
            if (layout.BlankEvery > 0 && (line % layout.BlankEvery) == 0)
            {
                text.Append(newline).Append(layout.Pad ? "  " : "");
                line++;
            }

            text.Append(newline);
            line++;
            numbers.Add(line);
            // A cell with a comma or a quote must be quoted; the "columns" corruption is left bare on purpose.
            text.Append(string.Join(',', record.Select(cell =>
            {
                var quoted = layout.QuoteAll || cell.Contains('"', StringComparison.Ordinal) || (cell.Contains(',', StringComparison.Ordinal) && !cell.EndsWith(",MOTHER", StringComparison.Ordinal));
                var written = quoted ? "\"" + cell.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : cell;
                return layout.Pad ? " " + written + " " : written;
            })));
        }

        if (layout.TrailingNewline)
            text.Append(newline);
        return (text.ToString(), numbers);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class CsvImportFuzzOnSqlite(SqliteKezek kezek, ITestOutputHelper output) : CsvImportFuzzTests(kezek, output, Fuzz.Cases(150));

[Collection(PostgresCollection.Name)]
public sealed class CsvImportFuzzOnPostgres(PostgresKezek kezek, ITestOutputHelper output) : CsvImportFuzzTests(kezek, output, Fuzz.Cases(60));
