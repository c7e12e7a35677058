using System.Globalization;
using System.Text;
using Kezek.Core.Applications;
using Kezek.Core.Audit;
using Kezek.Core.Identity;
using Kezek.Core.Regions;
using Kezek.Core.Results;
using Kezek.Core.Words;
using Kezek.Workflows.Access;
using Kezek.Workflows.Csv;
using Kezek.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Kezek.Workflows.Journal;

/// <summary>Выгрузка журнала: the filtered journal as CSV, for the region's operators and administrators.</summary>
public sealed record ExportJournal(JournalFilter Filter, JournalOrder Order, Language Language, Viewer Viewer);

/// <summary>
/// The CSV Excel opens as it is: UTF-8 with a byte-order mark (Cyrillic and Kazakh letters intact), <c>;</c> between
/// columns (the separator of Russian and Kazakh Excel), every value quoted, and a value that begins like a formula
/// (= + - @, a tab or a carriage return) prefixed with an apostrophe so that no cell is ever evaluated. At most
/// <see cref="MaxRows"/> rows; a larger selection is refused with a request to narrow it. Every export is audited.
/// </summary>
public sealed class ExportJournalHandler(ApplicationJournal journal, IKezekDb db, IWordCatalog words, TimeProvider clock)
{
    public const int MaxRows = 50_000;
    public const char Separator = ';';

    private static readonly string[] Header =
    [
        "Номер / Нөмір", "Статус / Мәртебе", "Регион / Өңір", "Год группы / Топ жылы", "Дата регистрации / Тіркелген күні",
        "В очереди с / Кезекте", "ИИН ребёнка / Баланың ЖСН", "ФИО ребёнка / Баланың аты-жөні", "Дата рождения / Туған күні",
        "Льгота / Жеңілдік", "Заявленная льгота / Мәлімделген жеңілдік", "ИИН заявителя / Өтініш берушінің ЖСН",
        "ФИО заявителя / Өтініш берушінің аты-жөні", "Телефон", "E-mail",
    ];

    public async Task<Result<string>> HandleAsync(ExportJournal command, CancellationToken cancellationToken)
    {
        if (AccessPolicy.ForJournalExport(command.Viewer) is not { IsSuccess: true } actor)
            return Error.Of(ErrorCodes.Forbidden);
        var filtered = await journal.FilteredAsync(command.Viewer, command.Filter, cancellationToken);
        if (!filtered.IsSuccess)
            return filtered.Error!;
        var rows = await JournalKeyset.Ordered(filtered.Value, command.Order)
            .Select(a => new
            {
                a.Number, a.Status, a.RegionCode, a.GroupYear, a.CreatedAt, a.QueuedAt, ChildIin = a.Child.Iin, ChildName = a.Child.FullName,
                a.Child.BirthDate, a.Benefit, a.ClaimedBenefit, ApplicantIin = a.Applicant.Iin, ApplicantName = a.Applicant.FullName,
                a.Applicant.Phone, a.Applicant.Email,
            })
            .Take(MaxRows + 1).ToListAsync(cancellationToken);
        if (rows.Count > MaxRows)
            return Error.Of(ErrorCodes.ExportTooLarge, ("max", MaxRows.ToString(CultureInfo.InvariantCulture)));

        var csv = new StringBuilder("\uFEFF");
        Line(csv, Header);
        foreach (var row in rows)
        {
            Line(csv,
            [
                row.Number, words.StatusName(row.Status, command.Language), row.RegionCode, row.GroupYear.ToString(CultureInfo.InvariantCulture),
                Local(row.CreatedAt), Local(row.QueuedAt), row.ChildIin, row.ChildName, row.BirthDate.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture),
                words.BenefitName(row.Benefit, command.Language), words.BenefitName(row.ClaimedBenefit, command.Language), row.ApplicantIin, row.ApplicantName, row.Phone, row.Email,
            ]);
        }

        // Who exported how much, and by which columns — not the values searched for (they may be IINs and names).
        db.StaffActions.Add(new StaffAction(clock.GetUtcNow().UtcDateTime, actor.Value, "ExportJournal", string.Create(CultureInfo.InvariantCulture,
            $"rows={rows.Count} filters={string.Join(',', FiltersUsed(command.Filter))} order={command.Order.Field}:{command.Order.Direction}")));
        await db.SaveChangesAsync(cancellationToken);
        return csv.ToString();
    }

    private static string Local(DateTime utc) => KazakhstanTime.ToLocal(utc).ToString("dd.MM.yyyy HH:mm", CultureInfo.InvariantCulture);

    private static void Line(StringBuilder csv, string[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            if (i > 0)
                csv.Append(Separator);
            csv.Append('"').Append(CsvFile.Neutralise(values[i]).Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
        }

        csv.Append("\r\n");
    }

    private static IEnumerable<string> FiltersUsed(JournalFilter filter) =>
        typeof(JournalFilter).GetProperties().Where(p => p.GetValue(filter) is not null and not "").Select(p => p.Name);
}
