using System.Globalization;
using Kezek.Core.Audit;
using Kezek.Core.CivilRegistry;
using Kezek.Core.Identity;
using Kezek.Core.Iins;
using Kezek.Core.Regions;
using Kezek.Core.Results;
using Kezek.Workflows.Access;
using Kezek.Workflows.Csv;
using Kezek.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Kezek.Workflows.CivilRegistry;

/// <summary>
/// An administrator loads civil-registry records from CSV with the header
/// <c>childIin,childFullName,childBirthDate,parentIin,parentFullName,relation</c>. All or nothing: one bad
/// line refuses the whole file and names the line. The file lists all legal representatives of each child
/// it names: a representative it no longer lists loses the relation and is detached from the child's
/// applications (an attached parent whose rights ended stops seeing them).
/// </summary>
public sealed record ImportCivilRegistry(string Csv, Viewer Viewer, bool Preview = false);

public sealed record CivilRegistryImported(int Added, int Updated, int Removed, int Detached);

public sealed class ImportCivilRegistryHandler(IKezekDb db, TimeProvider clock)
{
    public const int MaxLines = 200_000;
    private static readonly string[] Header = ["childIin", "childFullName", "childBirthDate", "parentIin", "parentFullName", "relation"];

    public async Task<Result<CivilRegistryImported>> HandleAsync(ImportCivilRegistry command, CancellationToken cancellationToken)
    {
        var administrator = AccessPolicy.AsAdministrator(command.Viewer);
        if (!administrator.IsSuccess)
            return administrator.Error!;
        var parsed = Parse(command.Csv, KazakhstanTime.Today(clock.GetUtcNow().UtcDateTime));
        if (!parsed.IsSuccess)
            return parsed.Error!;

        var now = clock.GetUtcNow().UtcDateTime;
        var rows = parsed.Value;
        var childIins = rows.Select(r => r.ChildIin).Distinct().ToList();
        var existing = new Dictionary<(string, string), CivilRegistryRecord>();
        foreach (var chunk in childIins.Chunk(500))
        {
            var found = await db.CivilRegistryRecords.Where(r => chunk.Contains(r.ChildIin)).ToListAsync(cancellationToken);
            foreach (var record in found)
                existing[(record.ChildIin, record.ParentIin)] = record;
        }

        int added = 0, updated = 0;
        foreach (var row in rows)
        {
            if (existing.TryGetValue((row.ChildIin, row.ParentIin), out var record))
            {
                record.Update(row.ChildFullName, row.ChildBirthDate, row.ParentFullName, row.Relation, now);
                updated++;
            }
            else
            {
                record = new CivilRegistryRecord(row.ChildIin, row.ChildFullName, row.ChildBirthDate, row.ParentIin,
                    row.ParentFullName, row.Relation, now);
                existing[(row.ChildIin, row.ParentIin)] = record;
                db.CivilRegistryRecords.Add(record);
                added++;
            }
        }

        var listed = rows.Select(r => (r.ChildIin, r.ParentIin)).ToHashSet();
        var removed = existing.Values.Where(r => !listed.Contains((r.ChildIin, r.ParentIin))).ToList();
        db.CivilRegistryRecords.RemoveRange(removed);
        var detached = 0;
        foreach (var record in removed)
            detached += await DetachAsync(record, administrator.Value, now, cancellationToken);

        // A preview says what the file would change and changes nothing.
        if (command.Preview)
        {
            db.DiscardChanges();
            return new CivilRegistryImported(added, updated, removed.Count, detached);
        }

        db.StaffActions.Add(new StaffAction(now, administrator.Value, "ImportCivilRegistry",
            string.Create(CultureInfo.InvariantCulture, $"added={added}; updated={updated}; removed={removed.Count}; detached={detached}")));
        await db.SaveChangesAsync(cancellationToken);
        return new CivilRegistryImported(added, updated, removed.Count, detached);
    }

    private async Task<int> DetachAsync(CivilRegistryRecord record, Actor administrator, DateTime now, CancellationToken cancellationToken)
    {
        var applications = await db.Applications.Include(a => a.Parents)
            .Where(a => a.Child.Iin == record.ChildIin && a.Parents.Any(p => p.Iin == record.ParentIin))
            .ToListAsync(cancellationToken);
        return applications.Count(a => a.DetachParent(record.ParentIin, administrator, now, RelationEnded));
    }

    /// <summary>The reason written in the history when the civil registry no longer links a parent to the child.</summary>
    public const string RelationEnded = "Civil registry: the person is no longer the child's legal representative";

    private sealed record Row(string ChildIin, string ChildFullName, DateOnly ChildBirthDate, string ParentIin,
        string ParentFullName, Relation Relation);

    private static Result<List<Row>> Parse(string csv, DateOnly today)
    {
        var lines = CsvFile.Read(csv, Header, MaxLines, Invalid);
        if (!lines.IsSuccess)
            return lines.Error!;
        var rows = new List<Row>();
        foreach (var line in lines.Value)
        {
            var lineNumber = line.Number;
            var cells = Header.Select(column => line[column]).ToArray();

            var child = Iin.Parse(cells[0]);
            if (!child.IsSuccess)
                return Invalid(lineNumber, "childIin");
            // A birth date after today (Kazakhstan's calendar day) is a typo or a forgery: no child is registered before birth.
            if (!DateOnly.TryParseExact(cells[2], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var birthDate)
                || child.Value.BirthDate != birthDate || birthDate > today)
                return Invalid(lineNumber, "childBirthDate");
            var parent = Iin.Parse(cells[3]);
            if (!parent.IsSuccess || parent.Value.Value == child.Value.Value)
                return Invalid(lineNumber, "parentIin");
            if (NameRefusal(cells[1]))
                return Invalid(lineNumber, "childFullName");
            if (NameRefusal(cells[4]))
                return Invalid(lineNumber, "parentFullName");
            var relationName = Enum.GetNames<Relation>().FirstOrDefault(n => n.Equals(cells[5], StringComparison.OrdinalIgnoreCase));
            if (relationName is null)
                return Invalid(lineNumber, "relation");
            var relation = Enum.Parse<Relation>(relationName);
            rows.Add(new Row(child.Value.Value, cells[1], birthDate, parent.Value.Value, cells[4], relation));
        }

        return rows;
    }

    /// <summary>A person's name: 1 to 200 printable characters on one line, not a spreadsheet formula.</summary>
    private static bool NameRefusal(string name) =>
        name.Length is 0 or > 200 || FreeText.Refusal(name, "name", multiline: false) is not null || CsvFile.LooksLikeFormula(name);

    private static Error Invalid(int line, string field) =>
        Error.Of(ErrorCodes.CivilRegistryImportInvalid,
            ("line", line.ToString(CultureInfo.InvariantCulture)), ("field", field));
}
