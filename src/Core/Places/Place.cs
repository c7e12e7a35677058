using Kezek.Core.Words;

namespace Kezek.Core.Places;

/// <summary>How a seat was published: to the queue (the next applications are notified) or to free choice.</summary>
public enum PlaceMode
{
    /// <summary>The next eligible applications in queue order are notified, one per seat.</summary>
    Queue,

    /// <summary>Свободный выбор: any queued applicant of the group year may take it, first come.</summary>
    FreeChoice,

    /// <summary>
    /// Published to the queue in a <c>window</c> region: held by the open release window of its group year, given only by
    /// the window's run at the close; what nobody got becomes free choice.
    /// </summary>
    Window,
}

/// <summary>Свободное место: one seat in one kindergarten for one group year and language of instruction.</summary>
public sealed class Place
{
    public Place(Guid id, Guid kindergartenId, string regionCode, int groupYear, Language language, PlaceMode mode, DateTime publishedAt)
    {
        Id = id;
        KindergartenId = kindergartenId;
        RegionCode = regionCode;
        GroupYear = groupYear;
        Language = language;
        Mode = mode;
        PublishedAt = publishedAt;
    }

#pragma warning disable CS8618 // EF Core materialises through this constructor
    private Place()
    {
    }
#pragma warning restore CS8618

    public Guid Id { get; private set; }

    public Guid KindergartenId { get; private set; }

    public string RegionCode { get; private set; }

    public int GroupYear { get; private set; }

    /// <summary>The language of instruction.</summary>
    public Language Language { get; private set; }

    public PlaceMode Mode { get; private set; }

    public DateTime PublishedAt { get; private set; }

    /// <summary>The application holding this seat through a direction; null while the seat is free.</summary>
    public long? TakenByApplicationId { get; private set; }

    /// <summary>
    /// A release window's run gives this free window seat to the application (the lifecycle's <c>Allocate</c>, Kezek.Workflows):
    /// only the window's one close takes window seats, so the run claims a page of them at once and saves them in one batch.
    /// </summary>
    internal void TakeByAllocation(long applicationId)
    {
        if (Mode != PlaceMode.Window || TakenByApplicationId is not null)
            throw new InvalidOperationException("Only a free window seat is given by a window's run.");
        TakenByApplicationId = applicationId;
    }
}
