using Kezek.Core.Applications;
using Kezek.Workflows.Lifecycle;

namespace Kezek.Server.Demo.Country;

/// <summary>Who did a step: resolved to a person (and an IIN) only when the application is written.</summary>
public enum StepActor
{
    Applicant,
    SecondParent,
    System,

    /// <summary>The staff of the direction's kindergarten.</summary>
    KindergartenStaff,
}

/// <summary>One entry of an application's history: a workflow trigger (or registration, attachment) and the public statuses around it.</summary>
public sealed record Step(DateTime At, string Action, StepActor Actor, ApplicationStatus? From, ApplicationStatus To, string? Reason = null,
    CountryKindergarten? Kindergarten = null);

/// <summary>A direction as it was issued: the seat it held and the windows the family was given.</summary>
public sealed record IssuedDirection(Guid Id, CountryKindergarten Kindergarten, Guid PlaceId, DateTime IssuedAt, DateTime ExpiresAt)
{
    public const int RevokeWindowHours = 24;
    public const int ExtensionMaxDays = 30;

    /// <summary>As <c>issueDirection</c> keeps them: revocable for the region's 24 hours, extendable to 30 days past expiry.</summary>
    public DateTime RevokeUntil => IssuedAt.AddHours(RevokeWindowHours);

    public DateTime ExtendableUntil => ExpiresAt.AddDays(ExtensionMaxDays);
}

/// <summary>A direction that ended (enrolled, expired or revoked) before now, so it holds no seat.</summary>
public sealed record PastDirection(IssuedDirection Issued, DirectionStatus Status, DateTime EndedAt, DateTime? RemindedAt, Guid Version);

/// <summary>Everything that happened to one application, in order, and where it stands now (and what became of it).</summary>
public sealed record ApplicationStory(ApplicationStatus Status, DateTime RegisteredAt, IReadOnlyList<Step> Steps,
    IReadOnlyList<PastDirection> Directions, int Expirations, DateTime? SecondParentAttachedAt, Guid Version, Outcome Outcome);

/// <summary>
/// What the queue gave an application (<see cref="QueueService"/>): the outcome it ends in and, when served, the day its turn
/// came. Null for a story drawn alone (the first pass of the layout, which only needs who registered when).
/// </summary>
public sealed record Served(Outcome Outcome, DateOnly? TurnDay);

/// <summary>
/// Draws an application's story along its region's workflow (<c>workflows/direction.json</c> or <c>voucher.json</c>),
/// with the region's numbers from <c>rules/</c>: 5 working days to attend, a 10-working-day stop-list after an expiry,
/// removal at the second expiry. Every story ends in a state without a timer (Queued, Enrolled, Removed, Withdrawn):
/// live turns and directions are left to the benchmarks.
/// </summary>
public static class ApplicationStories
{
    private const int DaysToAttend = 5;
    private const int StopListDays = 10;

    private static readonly string[] WithdrawReasons =
        ["Переезд в другой город", "Ребёнок пойдёт в частный детский сад", "Семейные обстоятельства", "Ребёнок останется дома с бабушкой"];

    private static readonly string[] RevokeReasons = ["Детский сад далеко от дома", "Выбрали другой детский сад", "Ребёнок заболел"];

    private static readonly string[] RefuseVoucherReasons = ["Отказ от ваучера: детский сад далеко от дома", "Отказ от ваучера: остаёмся дома"];

    public static ApplicationStory Draw(Dice dice, DateOnly birth, bool voucher, IReadOnlyList<CountryKindergarten> kindergartens, bool secondParent,
        Served? served = null)
    {
        // The outcome drawn alone decides when the family registered; the queue (served) then decides who is served, and when.
        var outcome = CountryPlan.OutcomeFor(dice, birth);
        var registeredAt = CountryPlan.RegistrationOf(dice, birth, outcome);
        if (served is not null)
            outcome = served.Outcome;
        var story = new StoryBuilder(dice, voucher, kindergartens);
        story.Steps.Add(new Step(registeredAt, HistoryActions.Registered, StepActor.Applicant, null, ApplicationStatus.Queued));

        if (outcome == Outcome.Withdrawn)
        {
            var latest = registeredAt.AddYears(3) < CountryPlan.Now ? registeredAt.AddYears(3) : CountryPlan.Now.AddHours(-1);
            story.Steps.Add(new Step(dice.Between(registeredAt.AddDays(1), latest), Triggers.Withdraw, StepActor.Applicant,
                ApplicationStatus.Queued, ApplicationStatus.Withdrawn, dice.Pick(WithdrawReasons)));
        }
        else if (outcome != Outcome.Waiting)
        {
            var start = served?.TurnDay is { } day ? CountryDay.DuringOfficeHours(dice, day) : FirstTurn(dice, birth, registeredAt, outcome);
            switch (outcome)
            {
                case Outcome.Enrolled:
                    story.Enroll(story.IssueDirection(start));
                    break;
                case Outcome.BackAfterRevoke:
                    story.Revoke(story.IssueDirection(start));
                    break;
                case Outcome.BackAfterExpiry:
                    story.SitOutStopList(story.Expire(story.IssueDirection(start), ApplicationStatus.Queued));
                    break;
                case Outcome.Removed when voucher:
                    story.RefuseVoucher(start);
                    break;
                case Outcome.Removed:
                    var stopListEnded = story.SitOutStopList(story.Expire(story.IssueDirection(start), ApplicationStatus.Queued));
                    story.Expire(story.IssueDirection(dice.Between(stopListEnded.AddDays(1), stopListEnded.AddDays(45))), ApplicationStatus.Removed);
                    break;
            }
        }

        var attachedAt = secondParent ? story.AttachSecondParent(registeredAt) : (DateTime?)null;
        var final = story.Steps[^1].To;
        return new ApplicationStory(final, registeredAt, story.Steps, story.Directions, story.Expirations, attachedAt, dice.NextGuid(), outcome);
    }

    /// <summary>
    /// When the turn came: after the child turned one, early enough before school age and before now for the rest of
    /// the story (at most about 100 days) to have happened.
    /// </summary>
    private static DateTime FirstTurn(Dice dice, DateOnly birth, DateTime registeredAt, Outcome outcome)
    {
        var rest = outcome == Outcome.Removed ? 100 : 40;
        var oneYearOld = birth.AddYears(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var earliest = registeredAt.AddDays(14) > oneYearOld ? registeredAt.AddDays(14) : oneYearOld;
        var schoolAge = birth.AddMonths(CountryPlan.SchoolAgeMonths).AddDays(-rest).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var latest = schoolAge < CountryPlan.Now.AddDays(-rest) ? schoolAge : CountryPlan.Now.AddDays(-rest);
        return CountryDay.DuringOfficeHours(dice, DateOnly.FromDateTime(dice.Between(earliest, latest)));
    }

    /// <summary>The steps and directions of one story as they are drawn, in time order.</summary>
    private sealed class StoryBuilder(Dice dice, bool voucher, IReadOnlyList<CountryKindergarten> kindergartens)
    {
        public List<Step> Steps { get; } = [];

        public List<PastDirection> Directions { get; } = [];

        public int Expirations { get; private set; }

        /// <summary>
        /// The turn, then the family's choice: with vouchers the voucher is offered and confirmed first; otherwise most
        /// choices follow a turn and some take a free-choice seat straight from the queue.
        /// </summary>
        public IssuedDirection IssueDirection(DateTime at)
        {
            var from = ApplicationStatus.Queued;
            if (voucher || dice.Chance(0.7))
            {
                Steps.Add(new Step(at, Triggers.TurnCame, StepActor.System, ApplicationStatus.Queued, ApplicationStatus.Notified));
                from = ApplicationStatus.Notified;
                at = Later(at, TimeSpan.FromHours(2));
                if (voucher)
                {
                    Steps.Add(new Step(at, Triggers.ConfirmVoucher, StepActor.Applicant, from, from));
                    at = Later(at, TimeSpan.FromDays(2));
                }
            }

            var kindergarten = dice.Pick(kindergartens);
            Steps.Add(new Step(at, Triggers.Choose, StepActor.Applicant, from, ApplicationStatus.DirectionIssued, Kindergarten: kindergarten));
            return new IssuedDirection(dice.NextGuid(), kindergarten, dice.NextGuid(), at, CountryDay.DeadlineAfter(at, DaysToAttend));
        }

        public void Enroll(IssuedDirection direction)
        {
            var at = dice.Between(direction.IssuedAt.AddHours(1), direction.ExpiresAt.AddHours(-1));
            Steps.Add(new Step(at, Triggers.Enroll, StepActor.KindergartenStaff, ApplicationStatus.DirectionIssued, ApplicationStatus.Enrolled,
                Kindergarten: direction.Kindergarten));
            End(direction, DirectionStatus.Enrolled, at);
        }

        public void Revoke(IssuedDirection direction)
        {
            var at = dice.Between(direction.IssuedAt.AddMinutes(10), direction.RevokeUntil.AddMinutes(-10));
            Steps.Add(new Step(at, Triggers.Revoke, StepActor.Applicant, ApplicationStatus.DirectionIssued, ApplicationStatus.Queued,
                dice.Pick(RevokeReasons)));
            End(direction, DirectionStatus.Revoked, at);
        }

        /// <summary>The timer sweep expires the direction a little after its deadline; returns when.</summary>
        public DateTime Expire(IssuedDirection direction, ApplicationStatus to)
        {
            var at = Later(direction.ExpiresAt, TimeSpan.FromMinutes(5));
            Steps.Add(new Step(at, Triggers.Expire, StepActor.System, ApplicationStatus.DirectionIssued, to));
            End(direction, DirectionStatus.Expired, at);
            Expirations++;
            return at;
        }

        /// <summary>Stop-listed (state StopListed, public status Queued) until the sweep ends it; returns when.</summary>
        public DateTime SitOutStopList(DateTime expiredAt)
        {
            var at = Later(CountryDay.DeadlineAfter(expiredAt, StopListDays), TimeSpan.FromMinutes(5));
            Steps.Add(new Step(at, Triggers.StopListEnded, StepActor.System, ApplicationStatus.Queued, ApplicationStatus.Queued));
            return at;
        }

        public void RefuseVoucher(DateTime at)
        {
            Steps.Add(new Step(at, Triggers.TurnCame, StepActor.System, ApplicationStatus.Queued, ApplicationStatus.Notified));
            Steps.Add(new Step(Later(at, TimeSpan.FromDays(2)), Triggers.RefuseVoucher, StepActor.Applicant, ApplicationStatus.Notified,
                ApplicationStatus.Removed, dice.Pick(RefuseVoucherReasons)));
        }

        /// <summary>The other parent attaches the application within a month of its registration, while it is still queued.</summary>
        public DateTime AttachSecondParent(DateTime registeredAt)
        {
            var next = Steps.Count > 1 ? Steps[1].At : CountryPlan.Now;
            var latest = registeredAt.AddDays(30) < next ? registeredAt.AddDays(30) : next;
            var at = dice.Between(registeredAt.AddTicks((latest - registeredAt).Ticks / 100), latest);
            Steps.Insert(1, new Step(at, HistoryActions.Attached, StepActor.SecondParent, ApplicationStatus.Queued, ApplicationStatus.Queued));
            return at;
        }

        private DateTime Later(DateTime at, TimeSpan within) => dice.Between(at.AddMinutes(1), at.Add(within));

        /// <summary>The reminder sweep wrote to the family a day before expiry if the direction was still issued then.</summary>
        private void End(IssuedDirection direction, DirectionStatus status, DateTime at)
        {
            var remindAt = direction.ExpiresAt.AddHours(-24);
            Directions.Add(new PastDirection(direction, status, at, at > remindAt ? remindAt : null, dice.NextGuid()));
        }
    }
}
