using Kezek.Core.Notifications;

namespace Kezek.Rules;

/// <summary>How a region orders its queue: strictly by category, or interleaving priority with general.</summary>
public sealed record QueueOrdering(int PriorityShare, int GeneralShare)
{
    /// <summary>Out-of-turn, then priority, then general, each by queued-at.</summary>
    public static readonly QueueOrdering Strict = new(0, 0);

    public bool Interleaves => PriorityShare > 0 && GeneralShare > 0;

    /// <summary>"strict", or "interleave P:G" (e.g. "interleave 1:3": one priority, then three general).</summary>
    public static QueueOrdering? Parse(string text)
    {
        var value = text.Trim();
        if (value == "strict")
            return Strict;
        const string prefix = "interleave ";
        if (!value.StartsWith(prefix, StringComparison.Ordinal))
            return null;
        var parts = value[prefix.Length..].Split(':');
        return parts.Length == 2
               && int.TryParse(parts[0], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var priority)
               && int.TryParse(parts[1], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var general)
               && priority is > 0 and <= 100 && general is > 0 and <= 100
            ? new QueueOrdering(priority, general)
            : null;
    }

    public override string ToString() => Interleaves ? $"interleave {PriorityShare}:{GeneralShare}" : "strict";

    /// <summary>
    /// The 1-based queue number of the application with the given 0-based index within its category, from
    /// the counts of each category in the queue: out-of-turn first; then priority and general either in turn
    /// (strict) or interleaved in blocks of <see cref="PriorityShare"/> and <see cref="GeneralShare"/>,
    /// starting with priority; when one category runs out the other continues.
    /// </summary>
    public int Position(int rank, int index, int outOfTurn, int priority, int general)
    {
        if (rank == 0)
            return index + 1;
        if (!Interleaves)
            return rank == 1 ? outOfTurn + index + 1 : outOfTurn + priority + index + 1;
        if (rank == 1)
            return outOfTurn + index + Math.Min(general, index / PriorityShare * GeneralShare) + 1;
        return outOfTurn + index + Math.Min(priority, ((index / GeneralShare) + 1) * PriorityShare) + 1;
    }

    /// <summary>
    /// How many of each category stand ahead of the application with the given 0-based index within its category: the
    /// terms of <see cref="Position"/> (which is one more than their sum), so that a family can see why its number is what
    /// it is, as counts only.
    /// </summary>
    public (int OutOfTurn, int Priority, int General) Ahead(int rank, int index, int outOfTurn, int priority, int general)
    {
        if (rank == 0)
            return (index, 0, 0);
        if (!Interleaves)
            return rank == 1 ? (outOfTurn, index, 0) : (outOfTurn, priority, index);
        if (rank == 1)
            return (outOfTurn, index, Math.Min(general, index / PriorityShare * GeneralShare));
        return (outOfTurn, Math.Min(priority, ((index / GeneralShare) + 1) * PriorityShare), index);
    }

    /// <summary>The category and index standing at a queue number; null beyond the end of the queue.</summary>
    public (int Rank, int Index)? At(int queueNumber, int outOfTurn, int priority, int general)
    {
        if (queueNumber < 1 || queueNumber > outOfTurn + priority + general)
            return null;
        if (queueNumber <= outOfTurn)
            return (0, queueNumber - 1);
        foreach (var (rank, count) in new[] { (1, priority), (2, general) })
        {
            // Positions grow with the index: search for the index at this number.
            int low = 0, high = count - 1;
            while (low <= high)
            {
                var middle = low + ((high - low) / 2);
                var position = Position(rank, middle, outOfTurn, priority, general);
                if (position == queueNumber)
                    return (rank, middle);
                if (position < queueNumber)
                    low = middle + 1;
                else
                    high = middle - 1;
            }
        }

        return null;
    }
}

/// <summary>
/// A region's numbers, read from its rule set (the <c>GlobalParams</c> of <c>rules/&lt;region&gt;.json</c>).
/// The rest of Kezek reads these, never a number of its own.
/// </summary>
public sealed record RegionPolicy
{
    public required string Region { get; init; }
    public required string TimeZoneId { get; init; }
    public required string NumberPrefix { get; init; }

    /// <summary>The lifecycle the region runs: "direction" or "voucher" (workflows/&lt;name&gt;.json).</summary>
    public required string Lifecycle { get; init; }

    public required int MinAgeMonths { get; init; }
    public required int MaxAgeMonths { get; init; }
    public required int DaysToChoose { get; init; }
    public required int DaysToAttend { get; init; }
    public required int StopListDays { get; init; }
    public required int ExpirationsBeforeRemoval { get; init; }
    public required int ExtensionsAllowed { get; init; }
    public required int ExtensionMaxDays { get; init; }
    public required int RevokeWindowHours { get; init; }

    /// <summary>How long before a direction expires the family is reminded; 0: no reminder.</summary>
    public required int ReminderHoursBeforeExpiry { get; init; }
    public required int VoucherConfirmDays { get; init; }
    public required int VoucherRestoreDays { get; init; }
    public required int VoucherContractDays { get; init; }
    public required IReadOnlyList<Channel> NotificationChannels { get; init; }
    public required QueueOrdering QueueOrder { get; init; }

    /// <summary>
    /// Whether an application moved here from another region, with the family's consent, keeps its queued-at time (its
    /// place by seniority); otherwise it queues from the day of the move.
    /// </summary>
    public required bool KeepQueuedAtOnMove { get; init; }

    /// <summary>How many kindergartens a family may rank for an application (rankKindergartens).</summary>
    public required int MaxRankedKindergartens { get; init; }

    /// <summary>How queue seats find families: "first-come" (the turn), "window" (a release window) or "deferred-acceptance" (the intake; docs/allocation.md).</summary>
    public string Allocation { get; init; } = RuleSets.AllocationModes.FirstCome;

    /// <summary>How long a release window stays open, in minutes.</summary>
    public int WindowMinutes { get; init; } = 30;

    /// <summary>How kindergartens rank families in the annual intake (<c>intakePriority</c>): criteria, first decides first.</summary>
    public Kezek.Core.Allocation.IntakePriority IntakePriority { get; init; } = Kezek.Core.Allocation.IntakePriority.Default;

    /// <summary>Whether published queue seats gather in a window (both "window" and the intake, "deferred-acceptance").</summary>
    public bool AllocatesByWindow => Allocation is RuleSets.AllocationModes.Window or RuleSets.AllocationModes.DeferredAcceptance;

    /// <summary>Whether a window's close runs deferred acceptance (the annual intake) rather than serial dictatorship.</summary>
    public bool AllocatesByIntake => Allocation == RuleSets.AllocationModes.DeferredAcceptance;

    public TimeZoneInfo TimeZone => TimeZoneInfo.FindSystemTimeZoneById(TimeZoneId);

    /// <summary>The last local day a deadline covers: "through 04.09" ends at the midnight that opens the 5th.</summary>
    public DateOnly LastDayOf(DateTime utcEnd) => DateOnly.FromDateTime(ToLocal(utcEnd.AddTicks(-1)).DateTime);

    /// <summary>The region's calendar day at a UTC instant.</summary>
    public DateOnly Today(DateTime utcNow) => DateOnly.FromDateTime(ToLocal(utcNow).DateTime);

    /// <summary>The UTC instant a local day ends: the midnight that opens the next one (something valid "through" that day).</summary>
    public DateTime EndOfDayUtc(DateOnly day) => TimeZoneInfo.ConvertTimeToUtc(day.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeZone);

    /// <summary>A stored UTC instant as the region's local time.</summary>
    public DateTimeOffset ToLocal(DateTime utc) =>
        TimeZoneInfo.ConvertTime(new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)), TimeZone);
}
