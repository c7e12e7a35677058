using System.Globalization;
using System.Text;
using Kezek.Core.Results;

namespace Kezek.Workflows.Csv;

/// <summary>One data line of a CSV file: its 1-based line number in the file and its cells (trimmed), by column name.</summary>
public sealed class CsvLine(int number, IReadOnlyList<string> header, IReadOnlyList<string> cells)
{
    public int Number { get; } = number;

    public string this[string column]
    {
        get
        {
            for (var i = 0; i < header.Count; i++)
            {
                if (header[i] == column)
                    return cells[i];
            }

            throw new ArgumentOutOfRangeException(nameof(column), column, "Not a column of this file.");
        }
    }

    public IEnumerable<(string Column, string Value)> Cells => header.Select((column, i) => (column, cells[i]));
}

/// <summary>
/// The CSV files staff load (the civil registry, regions, kindergartens): a header row naming the columns in order, then
/// one record a line; a cell may be quoted, with "" for a quote inside; blank lines are skipped. A file is read whole or
/// refused with the first bad line: <paramref name="invalid"/> makes the error from the line number and the field.
/// </summary>
public static class CsvFile
{
    /// <summary>The first characters that make a spreadsheet read a cell as a formula (CSV injection), and tab/CR.</summary>
    private static readonly char[] FormulaStarts = ['=', '+', '-', '@', '\t', '\r'];

    public static Result<IReadOnlyList<CsvLine>> Read(string csv, IReadOnlyList<string> header, int maxLines, Func<int, string, Error> invalid)
    {
        var lines = csv.TrimStart('\uFEFF').Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        if (lines.Length == 0 || !SplitLine(lines[0]).Select(h => h.Trim()).SequenceEqual(header))
            return invalid(1, "header");
        if (lines.Length > maxLines + 1)
            return invalid(maxLines + 2, "size");

        var read = new List<CsvLine>();
        for (var i = 1; i < lines.Length; i++)
        {
            if (string.IsNullOrWhiteSpace(lines[i]))
                continue;
            var cells = SplitLine(lines[i]).Select(c => c.Trim()).ToArray();
            if (cells.Length != header.Count)
                return invalid(i + 1, "columns");
            read.Add(new CsvLine(i + 1, header, cells));
        }

        return read;
    }

    /// <summary>Whether a value would be read as a formula by a spreadsheet that opens it (=, +, -, @ first).</summary>
    public static bool LooksLikeFormula(string value) => value.Length > 0 && FormulaStarts.Contains(value[0]);

    /// <summary>A value written out that a spreadsheet would read as a formula starts with an apostrophe instead.</summary>
    public static string Neutralise(string value) => LooksLikeFormula(value) ? "'" + value : value;

    public static string LineNumber(int line) => line.ToString(CultureInfo.InvariantCulture);

    /// <summary>Splits one CSV line; a field may be quoted, with "" for a quote inside.</summary>
    private static List<string> SplitLine(string line)
    {
        var cells = new List<string>();
        var current = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"') { current.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else current.Append(c);
            }
            else if (c == '"') quoted = true;
            else if (c == ',') { cells.Add(current.ToString()); current.Clear(); }
            else current.Append(c);
        }

        cells.Add(current.ToString());
        return cells;
    }
}
