using GraphQL;
using GraphQL.MicrosoftDI;
using GraphQL.Types;
using Kezek.GraphQL.Access;
using Kezek.GraphQL.Errors;
using Kezek.GraphQL.Scalars;
using Kezek.Workflows.Forecast;

namespace Kezek.GraphQL.Forecast;

public sealed class WaitingForecastGraphType : ObjectGraphType<WaitingForecastAnswer>
{
    public const string Interval = "A likely interval, never a promise: it says how the queue moved in the past months (seats published, "
        + "directions issued), not how it will; a benefit confirmed ahead, a new kindergarten or a changed rule moves it.";

    public WaitingForecastGraphType()
    {
        Name = "WaitingForecast";
        Description = Interval + " Drawn from the queue's monthly turns (directions issued) of up to 36 past months: the 10th, 50th and 90th "
            + "percentile of 1,000 futures that repeat past months of the same calendar month. Counts only, nothing personal.";
        Field<NonNullGraphType<IntGraphType>>("ahead").Description("How many turns come first: the children ahead (for a kindergarten, its share of them).")
            .Resolve(c => c.Source.Ahead);
        Field<NonNullGraphType<IntGraphType>>("earliestMonths").Description("Months from now to the earliest month of the interval (0: this month).")
            .Resolve(c => c.Source.Months.Earliest);
        Field<NonNullGraphType<IntGraphType>>("likelyMonths").Description("Months from now to the likely month (the median future).")
            .Resolve(c => c.Source.Months.Likely);
        Field<IntGraphType>("latestMonths").Description("Months from now to the latest month of the interval; null when even slow futures do not reach the turn within ten years.")
            .Resolve(c => c.Source.Months.Latest);
        Field<NonNullGraphType<CalendarDateGraphType>>("earliestFrom").Description("The first day of the earliest month, in the region's calendar.")
            .Resolve(c => c.Source.EarliestFrom);
        Field<NonNullGraphType<CalendarDateGraphType>>("likelyFrom").Description("The first day of the likely month, in the region's calendar.")
            .Resolve(c => c.Source.LikelyFrom);
        Field<CalendarDateGraphType>("latestUntil").Description("The last day of the latest month, in the region's calendar; null when open-ended.")
            .Resolve(c => c.Source.LatestUntil);
        Field<NonNullGraphType<IntGraphType>>("monthsOfHistory").Description("How many past months the interval is drawn from (at most 36).")
            .Resolve(c => c.Source.Months.MonthsOfHistory);
    }
}

internal static class ForecastFields
{
    public static void AddQueries(ObjectGraphType query) =>
        query.Field<WaitingForecastGraphType>("waitingForecast")
            .Description("How long a child joining the queue of a group year now would likely wait for a direction (for a kindergarten: a direction "
                + "there). " + WaitingForecastGraphType.Interval + " Null when the queue has no turns in the past 36 months. Public: counts only.")
            .Argument<NonNullGraphType<StringGraphType>>("region")
            .Argument<NonNullGraphType<IntGraphType>>("groupYear")
            .Argument<IdGraphType>("kindergartenId")
            .Access(AccessRequirement.Public)
            .OncePerRequest()
            .Resolve().WithService<ForecastWaiting>()
            .ResolveAsync(async (c, forecast) =>
            {
                Guid? kindergartenId = c.GetArgument<string?>("kindergartenId") is null ? null : c.GuidArgument("kindergartenId");
                return (await forecast.ForNewcomerAsync(c.GetArgument<string>("region"), c.GetArgument<int>("groupYear"), kindergartenId,
                    c.CancellationToken)).OrThrow(c);
            });
}
