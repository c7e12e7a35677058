using System.Globalization;
using Kezek.Core.Identity;
using Kezek.Core.Regions;
using Kezek.Core.Results;
using Kezek.Workflows.Access;
using Kezek.Workflows.Csv;
using Kezek.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Kezek.Workflows.Regions;

/// <summary>
/// An administrator loads regions from CSV with the header
/// <c>code,nameRu,nameKk,nameEn,timeZone,supportPhone,supportEmail,supportHoursRu,supportHoursKk</c> (empty cells: none;
/// a time zone given must be the rule set's). A line whose code exists edits that region.
/// </summary>
public sealed record ImportRegions(string Csv, Viewer Viewer);

/// <summary>
/// An administrator, or an operator for their own region, loads kindergartens from CSV with the header
/// <c>region,bin,nameRu,nameKk,addressRu,addressKk,latitude,longitude,languages,ownership,groups</c>: languages "kk", "ru"
/// or "kk ru"; ownership "state" or "private"; groups as <c>groupYear:language:capacity</c> separated by ";" (e.g.
/// <c>2022:kk:25;2021:ru:20</c>). A line whose BIN exists edits that kindergarten.
/// </summary>
public sealed record ImportKindergartens(string Csv, Viewer Viewer);

/// <summary>What a file changed: records made, records changed (a line equal to its record changes nothing).</summary>
public sealed record ReferenceImported(int Lines, int Created, int Updated);

/// <summary>
/// All or nothing, like the civil-registry import: one bad line refuses the whole file and names its line, field and problem
/// (<see cref="ErrorCodes.ReferenceImportInvalid"/>); a line of a region the operator does not serve is refused as such.
/// Every change writes a staff-action row.
/// </summary>
public sealed class ImportReferenceHandler(IKezekDb db, ReferenceEditor editor, TimeProvider clock)
{
    public const int MaxLines = 10_000;

    private static readonly string[] RegionHeader =
        ["code", "nameRu", "nameKk", "nameEn", "timeZone", "supportPhone", "supportEmail", "supportHoursRu", "supportHoursKk"];

    private static readonly string[] KindergartenHeader =
        ["region", "bin", "nameRu", "nameKk", "addressRu", "addressKk", "latitude", "longitude", "languages", "ownership", "groups"];

    public Task<Result<ReferenceImported>> HandleAsync(ImportRegions command, CancellationToken cancellationToken) =>
        AllOrNothingAsync(() => ImportAsync(command, cancellationToken));

    public Task<Result<ReferenceImported>> HandleAsync(ImportKindergartens command, CancellationToken cancellationToken) =>
        AllOrNothingAsync(() => ImportAsync(command, cancellationToken));

    private async Task<Result<ReferenceImported>> AllOrNothingAsync(Func<Task<Result<ReferenceImported>>> import)
    {
        editor.Reset();
        var result = await import();
        if (!result.IsSuccess)
            db.DiscardChanges();
        return result;
    }

    private async Task<Result<ReferenceImported>> ImportAsync(ImportRegions command, CancellationToken cancellationToken)
    {
        var administrator = AccessPolicy.AsAdministrator(command.Viewer);
        if (!administrator.IsSuccess)
            return administrator.Error!;
        var lines = CsvFile.Read(command.Csv, RegionHeader, MaxLines, (line, field) => Invalid(line, field, ErrorCodes.InvalidInput));
        if (!lines.IsSuccess)
            return lines.Error!;
        var now = clock.GetUtcNow().UtcDateTime;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in lines.Value)
        {
            if (Formula(line) is { } formula)
                return formula;
            var draft = new RegionDraft(line["code"], line["nameRu"], line["nameKk"], line["nameEn"], line["timeZone"], line["supportPhone"],
                line["supportEmail"], line["supportHoursRu"], line["supportHoursKk"]);
            if (!seen.Add(draft.Code))
                return Invalid(line.Number, "code", ErrorCodes.DuplicateRegion, ("region", draft.Code));
            var saved = await editor.SaveRegionAsync(draft, administrator.Value, SaveMode.Upsert, now, "import", cancellationToken);
            if (!saved.IsSuccess)
                return Refuse(line.Number, saved.Error!);
        }

        return await SaveAsync(lines.Value.Count, cancellationToken);
    }

    private async Task<Result<ReferenceImported>> ImportAsync(ImportKindergartens command, CancellationToken cancellationToken)
    {
        if (!command.Viewer.IsAdministrator && command.Viewer.OperatorRegions.Count == 0)
            return Error.Of(ErrorCodes.Forbidden);
        var lines = CsvFile.Read(command.Csv, KindergartenHeader, MaxLines, (line, field) => Invalid(line, field, ErrorCodes.InvalidInput));
        if (!lines.IsSuccess)
            return lines.Error!;
        var now = clock.GetUtcNow().UtcDateTime;
        await editor.PrepareAsync(lines.Value.Select(l => l["bin"]), cancellationToken);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in lines.Value)
        {
            if (Formula(line) is { } formula)
                return formula;
            var draft = KindergartenLine(line);
            if (!draft.IsSuccess)
                return Refuse(line.Number, draft.Error!);
            if (!seen.Add(draft.Value.Bin))
                return Invalid(line.Number, "bin", ErrorCodes.DuplicateBin, ("bin", draft.Value.Bin));
            var saved = await editor.SaveKindergartenAsync(draft.Value, command.Viewer, SaveMode.Upsert, now, "import", cancellationToken);
            if (!saved.IsSuccess)
                return Refuse(line.Number, saved.Error!);
        }

        return await SaveAsync(lines.Value.Count, cancellationToken);
    }

    private async Task<Result<ReferenceImported>> SaveAsync(int lines, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (db.IsUniqueViolation(exception))
        {
            // Another import or edit made the same record meanwhile.
            return Error.Of(ErrorCodes.ConcurrentChange);
        }

        return new ReferenceImported(lines, editor.Created, editor.Updated);
    }

    private static Result<KindergartenDraft> KindergartenLine(CsvLine line)
    {
        if (!double.TryParse(line["latitude"], NumberStyles.Float, CultureInfo.InvariantCulture, out var latitude))
            return Error.Of(ErrorCodes.InvalidInput, ("field", "latitude"));
        if (!double.TryParse(line["longitude"], NumberStyles.Float, CultureInfo.InvariantCulture, out var longitude))
            return Error.Of(ErrorCodes.InvalidInput, ("field", "longitude"));
        var ownership = line["ownership"].ToLowerInvariant() switch
        {
            "state" => Ownership.State,
            "private" => Ownership.Private,
            _ => (Ownership?)null,
        };
        if (ownership is null)
            return Error.Of(ErrorCodes.InvalidInput, ("field", "ownership"));
        var groups = new List<GroupDraft>();
        foreach (var text in line["groups"].Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = text.Split(':', StringSplitOptions.TrimEntries);
            if (parts.Length != 3 || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var year)
                || !int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var capacity))
                return Error.Of(ErrorCodes.InvalidInput, ("field", "groups"));
            groups.Add(new GroupDraft(year, parts[1].ToLowerInvariant(), capacity));
        }

        return new KindergartenDraft(line["region"], line["bin"], line["nameRu"], line["nameKk"], line["addressRu"], line["addressKk"],
            latitude, longitude, ReferenceDrafts.Languages(line["languages"]), ownership.Value, groups);
    }

    /// <summary>A cell a spreadsheet would run as a formula; a support phone may start with +7 (its shape is checked).</summary>
    private static Error? Formula(CsvLine line)
    {
        foreach (var (column, value) in line.Cells)
        {
            if (CsvFile.LooksLikeFormula(value) && !(column == "supportPhone" && value.StartsWith("+7", StringComparison.Ordinal)))
                return Invalid(line.Number, column, ErrorCodes.FormulaLikeValue);
        }

        return null;
    }

    /// <summary>The line's problem, with its line number; a region the person does not serve stays a plain refusal.</summary>
    private static Error Refuse(int line, Error problem)
    {
        if (problem.Code == ErrorCodes.Forbidden)
            return problem;
        var arguments = (problem.Arguments ?? new Dictionary<string, string>()).Where(a => a.Key != "field").Select(a => (a.Key, a.Value));
        var field = problem.Arguments?.GetValueOrDefault("field") ?? "";
        return Invalid(line, field, problem.Code, [.. arguments]);
    }

    private static Error Invalid(int line, string field, string problem, params (string Name, string Value)[] arguments)
    {
        var all = new List<(string, string)> { ("line", CsvFile.LineNumber(line)), ("field", field), ("problem", problem) };
        all.AddRange(arguments);
        return Error.Of(ErrorCodes.ReferenceImportInvalid, [.. all]);
    }
}
