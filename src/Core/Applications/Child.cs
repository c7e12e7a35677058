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
    /// The widest age at which any region queues a child: born, and younger than school age. The region's
    /// own admission bands per group year narrow this further.
    /// </summary>
    public const int SchoolAgeYears = 7;

    /// <summary>Whether the child may stand in a kindergarten queue on this (local) day.</summary>
    public bool MayQueueOn(DateOnly today) => BirthDate <= today && BirthDate.AddYears(SchoolAgeYears) > today;

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
