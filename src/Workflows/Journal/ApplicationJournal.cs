using System.Globalization;
using System.Linq.Expressions;
using System.Text;
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

/// <summary>The journal's filter: the columns of the portals' journal (seeds 000–004) and the operators' search.</summary>
public sealed record JournalFilter
{
    /// <summary>Any of: part of the number, the start of the child's or applicant's IIN, part of the child's or applicant's name.</summary>
    public string? Search { get; init; }

    /// <summary>The whole number (exact) or a part of it.</summary>
    public string? Number { get; init; }
    public string? ChildName { get; init; }

    /// <summary>The whole IIN (checked, exact) or its first digits.</summary>
    public string? ChildIin { get; init; }

    /// <summary>The whole IIN or its first digits.</summary>
    public string? ApplicantIin { get; init; }
    public int? QueueNumber { get; init; }
    public string? ApplicantName { get; init; }
    public DateOnly? CreatedFrom { get; init; }
    public DateOnly? CreatedTo { get; init; }
    public ApplicationStatus? Status { get; init; }

    /// <summary>The confirmed benefit.</summary>
    public BenefitCategory? BenefitCategory { get; init; }
    public BenefitCategory? ClaimedBenefitCategory { get; init; }
    public DateOnly? ChildBirthDate { get; init; }
    public string? Region { get; init; }
    public int? GroupYear { get; init; }

    /// <summary>The kindergarten of the application's current (issued) direction.</summary>
    public Guid? KindergartenId { get; init; }
}

public enum JournalSortField
{
    Number,
    CreatedAt,
    QueuedAt,
    ChildName,
    Status,
    GroupYear,
}

public enum SortDirection
{
    Asc,
    Desc,
}

/// <summary>The journal's order: a column and a direction; ties are broken by the application's id in the same direction.</summary>
public sealed record JournalOrder(JournalSortField? Field = null, SortDirection Direction = SortDirection.Desc);

public sealed record JournalPage(IReadOnlyList<Application> Items, int TotalCount, bool HasNextPage, string? EndCursor);

/// <summary>
/// Журнал заявлений: what a viewer may see, filtered, sorted by any column and paged by keyset: the cursor carries the
/// sort column's value and the id of the last row, so that a page never repeats or skips a row whatever the order.
/// Applicants see their own and attached applications, operators their region's, administrators all.
/// </summary>
public sealed class ApplicationJournal(AccessPolicy access, QueuePositions positions, Audit.StaffReads reads)
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;

    public async Task<Result<JournalPage>> ReadAsync(Viewer viewer, JournalFilter filter, int? first, string? after,
        CancellationToken cancellationToken, JournalOrder? order = null)
    {
        order ??= new JournalOrder();
        var size = first ?? DefaultPageSize;
        if (size is < 1 or > MaxPageSize)
            return Error.Of(ErrorCodes.InvalidInput, ("field", "first"));
        var query = await FilteredAsync(viewer, filter, cancellationToken);
        if (!query.IsSuccess)
            return query.Error!;

        var total = await query.Value.CountAsync(cancellationToken);
        var page = query.Value;
        if (after is not null)
        {
            var resumed = JournalKeyset.After(page, order, after);
            if (!resumed.IsSuccess)
                return resumed.Error!;
            page = resumed.Value;
        }

        var items = await JournalKeyset.Ordered(page, order).Take(size + 1).ToListAsync(cancellationToken);
        var hasNext = items.Count > size;
        if (hasNext)
            items.RemoveAt(items.Count - 1);
        await reads.RecordAsync(viewer, items, Audit.StaffReads.ReadJournal, cancellationToken);
        return new JournalPage(items, total, hasNext, items.Count > 0 ? JournalKeyset.Cursor(items[^1], order) : null);
    }

    /// <summary>The applications the viewer may see, filtered (not ordered).</summary>
    public async Task<Result<IQueryable<Application>>> FilteredAsync(Viewer viewer, JournalFilter filter, CancellationToken cancellationToken) =>
        await ApplyAsync(access.VisibleApplications(viewer), filter, cancellationToken);

    private async Task<Result<IQueryable<Application>>> ApplyAsync(IQueryable<Application> query, JournalFilter filter,
        CancellationToken cancellationToken)
    {
        if (!string.IsNullOrWhiteSpace(filter.Search))
        {
            var text = filter.Search.Trim();
            var key = PersonName.Normalize(text);
            var upper = text.ToUpperInvariant();
            query = IsDigits(text, 12)
                ? query.Where(a => a.Child.Iin.StartsWith(text) || a.Applicant.Iin.StartsWith(text) || a.Number.Contains(text))
                : query.Where(a => a.Number.Contains(upper) || a.Child.NameKey.Contains(key) || a.Applicant.NameKey.Contains(key));
        }

        if (!string.IsNullOrWhiteSpace(filter.Number))
        {
            var text = filter.Number.Trim();
            // A whole number is one index lookup; a part of one is a search.
            if (ApplicationNumber.Parse(text) is { IsSuccess: true } whole)
            {
                var number = whole.Value.ToString();
                query = query.Where(a => a.Number == number);
            }
            else
            {
                var part = text.ToUpperInvariant();
                query = query.Where(a => a.Number.Contains(part));
            }
        }

        if (!string.IsNullOrWhiteSpace(filter.ChildIin))
        {
            var text = filter.ChildIin.Trim();
            if (text.Length == 12)
            {
                var iin = Iin.Parse(text);
                if (!iin.IsSuccess)
                    return iin.Error!;
                var value = iin.Value.Value;
                query = query.Where(a => a.Child.Iin == value);
            }
            else if (IsDigits(text, 11))
            {
                query = query.Where(a => a.Child.Iin.StartsWith(text));
            }
            else
            {
                return Error.Of(ErrorCodes.InvalidIin);
            }
        }

        if (!string.IsNullOrWhiteSpace(filter.ApplicantIin))
        {
            var text = filter.ApplicantIin.Trim();
            if (!IsDigits(text, 12))
                return Error.Of(ErrorCodes.InvalidIin);
            query = text.Length == 12 ? query.Where(a => a.Applicant.Iin == text) : query.Where(a => a.Applicant.Iin.StartsWith(text));
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

        var (createdFrom, createdUntil) = KazakhstanTime.DaysUtc(filter.CreatedFrom, filter.CreatedTo);
        if (createdFrom is { } fromUtc)
            query = query.Where(a => a.CreatedAt >= fromUtc);
        if (createdUntil is { } toUtc)
            query = query.Where(a => a.CreatedAt < toUtc);

        if (filter.Status is { } status)
            query = query.Where(a => a.Status == status);
        if (filter.BenefitCategory is { } benefit)
            query = query.Where(a => a.Benefit == benefit);
        if (filter.ClaimedBenefitCategory is { } claimed)
            query = query.Where(a => a.ClaimedBenefit == claimed);
        if (filter.ChildBirthDate is { } birthDate)
            query = query.Where(a => a.Child.BirthDate == birthDate);
        if (!string.IsNullOrWhiteSpace(filter.Region))
        {
            var region = filter.Region.Trim();
            query = query.Where(a => a.RegionCode == region);
        }

        if (filter.GroupYear is { } groupYear)
            query = query.Where(a => a.GroupYear == groupYear);

        if (filter.KindergartenId is { } kindergartenId)
            query = query.Where(a => a.Directions.Any(d => d.KindergartenId == kindergartenId && d.Status == DirectionStatus.Issued));

        if (filter.QueueNumber is { } queueNumber)
        {
            if (string.IsNullOrWhiteSpace(filter.Region) || filter.GroupYear is null)
                return Error.Of(ErrorCodes.SearchCriteriaRequired, ("fields", "region, groupYear"));
            var id = await positions.AtAsync(filter.Region.Trim(), filter.GroupYear.Value, queueNumber, cancellationToken);
            query = query.Where(a => a.Id == id);
        }

        return Result<IQueryable<Application>>.Success(query);
    }

    private static bool IsDigits(string text, int maxLength) => text.Length is > 0 && text.Length <= maxLength && text.All(char.IsAsciiDigit);
}

/// <summary>
/// Keyset paging by any column: the order is (column, id) in one direction, and the cursor holds the column's value and
/// the id of the last row shown; the next page starts strictly after that pair. A cursor of another order is refused.
/// </summary>
internal static class JournalKeyset
{
    private const string LegacyPrefix = "a:";

    public static IQueryable<Application> Ordered(IQueryable<Application> query, JournalOrder order)
    {
        var descending = order.Direction == SortDirection.Desc;
        return order.Field switch
        {
            null => descending ? query.OrderByDescending(a => a.Id) : query.OrderBy(a => a.Id),
            JournalSortField.Number => Then(query, a => a.Number, descending),
            JournalSortField.CreatedAt => Then(query, a => a.CreatedAt, descending),
            JournalSortField.QueuedAt => Then(query, a => a.QueuedAt, descending),
            JournalSortField.ChildName => Then(query, a => a.Child.FullName, descending),
            JournalSortField.Status => Then(query, a => a.Status, descending),
            JournalSortField.GroupYear => Then(query, a => a.GroupYear, descending),
            _ => throw new ArgumentOutOfRangeException(nameof(order)),
        };
    }

    private static IOrderedQueryable<Application> Then<TKey>(IQueryable<Application> query, Expression<Func<Application, TKey>> key, bool descending) =>
        descending ? query.OrderByDescending(key).ThenByDescending(a => a.Id) : query.OrderBy(key).ThenBy(a => a.Id);

    public static string Cursor(Application last, JournalOrder order)
    {
        var value = order.Field switch
        {
            null => "",
            JournalSortField.Number => last.Number,
            JournalSortField.CreatedAt => last.CreatedAt.Ticks.ToString(CultureInfo.InvariantCulture),
            JournalSortField.QueuedAt => last.QueuedAt.Ticks.ToString(CultureInfo.InvariantCulture),
            JournalSortField.ChildName => last.Child.FullName,
            JournalSortField.Status => ((int)last.Status).ToString(CultureInfo.InvariantCulture),
            JournalSortField.GroupYear => last.GroupYear.ToString(CultureInfo.InvariantCulture),
            _ => throw new ArgumentOutOfRangeException(nameof(order)),
        };
        var text = order.Field is null && order.Direction == SortDirection.Desc
            ? LegacyPrefix + last.Id.ToString(CultureInfo.InvariantCulture)
            : string.Create(CultureInfo.InvariantCulture, $"k|{order.Field}|{order.Direction}|{last.Id}|{value}");
        return Convert.ToBase64String(Encoding.UTF8.GetBytes(text));
    }

    public static Result<IQueryable<Application>> After(IQueryable<Application> query, JournalOrder order, string cursor)
    {
        string text;
        try
        {
            text = Encoding.UTF8.GetString(Convert.FromBase64String(cursor));
        }
        catch (FormatException)
        {
            return Error.Of(ErrorCodes.InvalidCursor);
        }

        long id;
        string value;
        if (text.StartsWith(LegacyPrefix, StringComparison.Ordinal))
        {
            if (order.Field is not null || order.Direction != SortDirection.Desc
                || !long.TryParse(text.AsSpan(LegacyPrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out id))
                return Error.Of(ErrorCodes.InvalidCursor);
            value = "";
        }
        else
        {
            var parts = text.Split('|', 5);
            if (parts.Length != 5 || parts[0] != "k" || parts[1] != (order.Field?.ToString() ?? "") || parts[2] != order.Direction.ToString()
                || !long.TryParse(parts[3], NumberStyles.None, CultureInfo.InvariantCulture, out id))
                return Error.Of(ErrorCodes.InvalidCursor);
            value = parts[4];
        }

        var descending = order.Direction == SortDirection.Desc;
        try
        {
            // string.Compare is translated to the database's comparison, the same one its ORDER BY uses (an ordinal one would not be).
#pragma warning disable CA1309
            IQueryable<Application> resumed = order.Field switch
            {
                null => descending ? query.Where(a => a.Id < id) : query.Where(a => a.Id > id),
                JournalSortField.Number => descending
                    ? query.Where(a => string.Compare(a.Number, value) < 0 || (a.Number == value && a.Id < id))
                    : query.Where(a => string.Compare(a.Number, value) > 0 || (a.Number == value && a.Id > id)),
                JournalSortField.ChildName => descending
                    ? query.Where(a => string.Compare(a.Child.FullName, value) < 0 || (a.Child.FullName == value && a.Id < id))
                    : query.Where(a => string.Compare(a.Child.FullName, value) > 0 || (a.Child.FullName == value && a.Id > id)),
                JournalSortField.CreatedAt => AfterTime(query, a => a.CreatedAt, value, id, descending),
                JournalSortField.QueuedAt => AfterTime(query, a => a.QueuedAt, value, id, descending),
                JournalSortField.Status => AfterStatus(query, value, id, descending),
                JournalSortField.GroupYear => AfterYear(query, value, id, descending),
                _ => throw new FormatException("Unknown column."),
            };
#pragma warning restore CA1309
            return Result<IQueryable<Application>>.Success(resumed);
        }
        catch (Exception exception) when (exception is FormatException or OverflowException or ArgumentOutOfRangeException)
        {
            return Error.Of(ErrorCodes.InvalidCursor);
        }
    }

    private static IQueryable<Application> AfterTime(IQueryable<Application> query, Expression<Func<Application, DateTime>> column, string value, long id,
        bool descending)
    {
        var at = new DateTime(long.Parse(value, NumberStyles.None, CultureInfo.InvariantCulture), DateTimeKind.Utc);
        // (column < at) or (column = at and id < last id), written once for both columns.
        var row = column.Parameters[0];
        var key = column.Body;
        var bound = Expression.Property(Expression.Constant(new Bound<DateTime>(at)), nameof(Bound<DateTime>.Value));
        var idBound = Expression.Property(Expression.Constant(new Bound<long>(id)), nameof(Bound<long>.Value));
        var rowId = Expression.Property(row, nameof(Application.Id));
        var body = descending
            ? Expression.OrElse(Expression.LessThan(key, bound), Expression.AndAlso(Expression.Equal(key, bound), Expression.LessThan(rowId, idBound)))
            : Expression.OrElse(Expression.GreaterThan(key, bound), Expression.AndAlso(Expression.Equal(key, bound), Expression.GreaterThan(rowId, idBound)));
        return query.Where(Expression.Lambda<Func<Application, bool>>(body, row));
    }

    private static IQueryable<Application> AfterStatus(IQueryable<Application> query, string value, long id, bool descending)
    {
        var status = (ApplicationStatus)int.Parse(value, NumberStyles.None, CultureInfo.InvariantCulture);
        if (!Enum.IsDefined(status))
            throw new FormatException("Unknown status.");
        return descending
            ? query.Where(a => a.Status < status || (a.Status == status && a.Id < id))
            : query.Where(a => a.Status > status || (a.Status == status && a.Id > id));
    }

    private static IQueryable<Application> AfterYear(IQueryable<Application> query, string value, long id, bool descending)
    {
        var year = int.Parse(value, NumberStyles.None, CultureInfo.InvariantCulture);
        return descending
            ? query.Where(a => a.GroupYear < year || (a.GroupYear == year && a.Id < id))
            : query.Where(a => a.GroupYear > year || (a.GroupYear == year && a.Id > id));
    }

    /// <summary>A value EF Core reads as a query parameter (a member of a closure object), not as an inlined constant.</summary>
    private sealed record Bound<T>(T Value);
}
