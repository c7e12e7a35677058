using System.Globalization;
using Kezek.Core.Applications;
using Kezek.Core.Identity;
using Kezek.Core.Iins;
using Kezek.Core.People;
using Kezek.Core.Regions;
using Kezek.Core.Results;
using Kezek.Workflows.Access;
using Kezek.Workflows.Queue;
using Microsoft.EntityFrameworkCore;

namespace Kezek.Workflows.Journal;

/// <summary>The journal's filter: the columns of the portals' journal (seeds 000–004).</summary>
public sealed record JournalFilter
{
    public string? Number { get; init; }
    public string? ChildName { get; init; }
    public string? ChildIin { get; init; }
    public int? QueueNumber { get; init; }
    public string? ApplicantName { get; init; }
    public DateOnly? CreatedFrom { get; init; }
    public DateOnly? CreatedTo { get; init; }
    public ApplicationStatus? Status { get; init; }
    public BenefitCategory? BenefitCategory { get; init; }
    public DateOnly? ChildBirthDate { get; init; }
    public string? Region { get; init; }
    public int? GroupYear { get; init; }
}

public sealed record JournalPage(IReadOnlyList<Application> Items, int TotalCount, bool HasNextPage, string? EndCursor);

/// <summary>
/// Журнал заявлений: what a viewer may see, filtered and paged newest first with an opaque cursor.
/// Applicants see their own and attached applications, operators their region's, administrators all.
/// </summary>
public sealed class ApplicationJournal(AccessPolicy access, QueuePositions positions)
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;

    public async Task<Result<JournalPage>> ReadAsync(Viewer viewer, JournalFilter filter, int? first, string? after,
        CancellationToken cancellationToken)
    {
        var size = first ?? DefaultPageSize;
        if (size is < 1 or > MaxPageSize)
            return Error.Of(ErrorCodes.InvalidInput, ("field", "first"));
        long? afterId = null;
        if (after is not null)
        {
            if (DecodeCursor(after) is not { } decoded)
                return Error.Of(ErrorCodes.InvalidCursor);
            afterId = decoded;
        }

        var query = access.VisibleApplications(viewer);
        var filtered = await ApplyAsync(query, filter, cancellationToken);
        if (!filtered.IsSuccess)
            return filtered.Error!;
        query = filtered.Value;

        var total = await query.CountAsync(cancellationToken);
        if (afterId is { } id)
            query = query.Where(a => a.Id < id);
        var items = await query.OrderByDescending(a => a.Id).Take(size + 1).ToListAsync(cancellationToken);
        var hasNext = items.Count > size;
        if (hasNext)
            items.RemoveAt(items.Count - 1);
        return new JournalPage(items, total, hasNext, items.Count > 0 ? EncodeCursor(items[^1].Id) : null);
    }

    private async Task<Result<IQueryable<Application>>> ApplyAsync(IQueryable<Application> query, JournalFilter filter,
        CancellationToken cancellationToken)
    {
        if (!string.IsNullOrWhiteSpace(filter.Number))
        {
            var number = filter.Number.Trim();
            query = query.Where(a => a.Number == number);
        }

        if (!string.IsNullOrWhiteSpace(filter.ChildIin))
        {
            var iin = Iin.Parse(filter.ChildIin);
            if (!iin.IsSuccess)
                return iin.Error!;
            var value = iin.Value.Value;
            query = query.Where(a => a.Child.Iin == value);
        }

        if (!string.IsNullOrWhiteSpace(filter.ChildName))
        {
            var key = PersonName.Normalize(filter.ChildName);
            query = query.Where(a => a.Child.NameKey.Contains(key));
        }

        if (!string.IsNullOrWhiteSpace(filter.ApplicantName))
        {
            var key = PersonName.Normalize(filter.ApplicantName);
            query = query.Where(a => a.Applicant.NameKey.Contains(key));
        }

        if (filter.CreatedFrom is { } from)
        {
            var fromUtc = KazakhstanTime.StartOfDayUtc(from);
            query = query.Where(a => a.CreatedAt >= fromUtc);
        }

        if (filter.CreatedTo is { } to)
        {
            var toUtc = KazakhstanTime.StartOfDayUtc(to.AddDays(1));
            query = query.Where(a => a.CreatedAt < toUtc);
        }

        if (filter.Status is { } status)
            query = query.Where(a => a.Status == status);
        if (filter.BenefitCategory is { } benefit)
            query = query.Where(a => a.Benefit == benefit);
        if (filter.ChildBirthDate is { } birthDate)
            query = query.Where(a => a.Child.BirthDate == birthDate);
        if (!string.IsNullOrWhiteSpace(filter.Region))
        {
            var region = filter.Region.Trim();
            query = query.Where(a => a.RegionCode == region);
        }

        if (filter.GroupYear is { } groupYear)
            query = query.Where(a => a.GroupYear == groupYear);

        if (filter.QueueNumber is { } queueNumber)
        {
            if (string.IsNullOrWhiteSpace(filter.Region) || filter.GroupYear is null)
                return Error.Of(ErrorCodes.SearchCriteriaRequired, ("fields", "region, groupYear"));
            var id = await positions.AtAsync(filter.Region.Trim(), filter.GroupYear.Value, queueNumber, cancellationToken);
            query = query.Where(a => a.Id == id);
        }

        return Result<IQueryable<Application>>.Success(query);
    }

    private static string EncodeCursor(long id) =>
        Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes("a:" + id.ToString(CultureInfo.InvariantCulture)));

    private static long? DecodeCursor(string cursor)
    {
        try
        {
            var text = System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(cursor));
            return text.StartsWith("a:", StringComparison.Ordinal)
                   && long.TryParse(text.AsSpan(2), NumberStyles.None, CultureInfo.InvariantCulture, out var id)
                ? id
                : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
