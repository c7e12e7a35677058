using Kezek.Core.Iins;
using Kezek.Core.People;
using Kezek.Core.Results;

namespace Kezek.Core.Applications;

/// <summary>The child of an application, as the civil registry knows it.</summary>
public sealed class Child
{
    private Child(string iin, string fullName, DateOnly birthDate)
    {
        Iin = iin;
        FullName = fullName;
        NameKey = PersonName.Normalize(fullName);
        BirthDate = birthDate;
    }

    public string Iin { get; private set; }

    public string FullName { get; private set; }

    /// <summary>The name as searched: <see cref="PersonName.Normalize"/> (databases disagree on Cyrillic case).</summary>
    public string NameKey { get; private set; }

    public DateOnly BirthDate { get; private set; }

    /// <summary>
    /// Whether the child may stand in a kindergarten queue on this (local) day: born, and younger than the region's
    /// oldest admission age (its rule <c>maxAgeMonths</c>). The region's bands per group year narrow this further.
    /// </summary>
    public bool MayQueueOn(DateOnly today, int maxAgeMonths) => BirthDate <= today && BirthDate.AddMonths(maxAgeMonths) > today;

    /// <summary>The oldest group year a region admits on a day: children born that year can still be younger than its oldest age.</summary>
    public static int OldestGroupYear(DateOnly today, int maxAgeMonths) => today.AddMonths(-maxAgeMonths).Year;

    /// <summary>The civil registry's name replaces the one kept (an operator's correction; the IIN, and so the birth date, stay).</summary>
    internal void Correct(Child fromRegistry)
    {
        if (fromRegistry.Iin != Iin)
            throw new ArgumentException("A correction keeps the child's IIN.", nameof(fromRegistry));
        FullName = fromRegistry.FullName;
        NameKey = fromRegistry.NameKey;
    }

    /// <summary>The same child, as a value of its own for another application (a move to another region).</summary>
    internal Child Copy() => new(Iin, FullName, BirthDate);

    /// <summary>The birth date must agree with the one encoded in the IIN.</summary>
    public static Result<Child> Create(Iin iin, string fullName, DateOnly birthDate)
    {
        if (iin.BirthDate != birthDate)
            return Error.Of(ErrorCodes.BirthDateMismatch);
        if (string.IsNullOrWhiteSpace(fullName))
            return Error.Of(ErrorCodes.InvalidInput, ("field", "childFullName"));
        return new Child(iin.Value, fullName.Trim(), birthDate);
    }
}
