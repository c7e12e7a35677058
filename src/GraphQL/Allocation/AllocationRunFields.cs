using GraphQL;
using GraphQL.MicrosoftDI;
using GraphQL.Types;
using Kezek.Core.Allocation;
using Kezek.Core.Identity;
using Kezek.GraphQL.Access;
using Kezek.GraphQL.Errors;
using Kezek.GraphQL.Regions;
using Kezek.GraphQL.Scalars;
using Kezek.Rules.RuleSets;
using Kezek.Workflows.Windows;

namespace Kezek.GraphQL.Allocation;

public sealed class PriorityCountGraphType : ObjectGraphType<KeyValuePair<string, int>>
{
    public PriorityCountGraphType()
    {
        Name = "PriorityCount";
        Description = "How many of a kindergarten's holders stand before the family by one criterion of the region's intake priority.";
        Field<NonNullGraphType<StringGraphType>>("criterion")
            .Description("The first criterion on which the holder stands before the family: benefit, sibling, queuedAt; lottery when equal on all.")
            .Resolve(c => c.Source.Key);
        Field<NonNullGraphType<IntGraphType>>("count").Resolve(c => c.Source.Value);
    }
}

public sealed class MissedChoiceGraphType : ObjectGraphType<MissedChoice>
{
    public MissedChoiceGraphType()
    {
        Name = "MissedChoice";
        Description = "A kindergarten the family ranked above its outcome: its seats in the run and who holds them, by benefit category.";
        Field<NonNullGraphType<IntGraphType>>("choice").Description("0 for the first choice.").Resolve(c => c.Source.Choice);
        Field<NonNullGraphType<IdGraphType>>("kindergartenId").Resolve(c => c.Source.KindergartenId);
        Field<Regions.KindergartenGraphType>("kindergarten").Description("The kindergarten (its name in the reader's language); null when it was removed since.")
            .Resolve().WithService<Loaders.KindergartenLoader>().ResolveAsync((c, kindergartens) => kindergartens.LoadAsync(c, c.Source.KindergartenId));
        Field<NonNullGraphType<IntGraphType>>("seats").Resolve(c => c.Source.Seats);
        Field<NonNullGraphType<IntGraphType>>("takenOutOfTurn").Resolve(c => c.Source.TakenBy.GetValueOrDefault("OutOfTurn"));
        Field<NonNullGraphType<IntGraphType>>("takenPriority").Resolve(c => c.Source.TakenBy.GetValueOrDefault("Priority"));
        Field<NonNullGraphType<IntGraphType>>("takenGeneral").Description("Taken by families of the general queue, earlier in it.")
            .Resolve(c => c.Source.TakenBy.GetValueOrDefault("None"));
        Field<ListGraphType<NonNullGraphType<PriorityCountGraphType>>>("decidedBy")
            .Description("An intake run (deferred-acceptance): the holders counted by the criterion that put each before the family "
                         + "(everyone placed there stands before it, the run being stable); null for a window run.")
            .Resolve(c => c.Source.DecidedBy?.OrderBy(d => d.Key, StringComparer.Ordinal).ToList());
    }
}

public sealed class AllocationOutcomeGraphType : ObjectGraphType<OutcomeView>
{
    public AllocationOutcomeGraphType()
    {
        Name = "AllocationOutcome";
        Description = "Where one family ended in an allocation run, and why not higher.";
        Field<NonNullGraphType<IdGraphType>>("runId").Resolve(c => c.Source.RunId);
        Field<NonNullGraphType<StringGraphType>>("mode")
            .Description("Which kind of run it was, as AllocationRun.mode: \"window\" (a release window's close), \"deferred-acceptance\" (the annual intake) or \"transfer\" (a transfer run).")
            .Resolve(c => c.Source.Mode);
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("allocatedAt").Description("When the run ran, in the region's time zone.")
            .Resolve().WithService<RuleSetCatalog>().Resolve((c, rules) => RegionTime.Local(rules, c.Source.RegionCode, c.Source.AllocatedAt));
        Field<StringGraphType>("applicationNumber").Description("Shown in the operators' view of the whole run; null on the family's own card.")
            .Resolve(c => c.Source.ApplicationNumber);
        Field<NonNullGraphType<IntGraphType>>("position").Description("The family's turn in the run (0 first), its position in the public extract.")
            .Resolve(c => c.Source.Position);
        Field<IdGraphType>("kindergartenId").Description("The kindergarten given; null when not placed.").Resolve(c => c.Source.KindergartenId);
        Field<Regions.KindergartenGraphType>("kindergarten").Description("The kindergarten given (its name in the reader's language); null when not placed.")
            .Resolve().WithService<Loaders.KindergartenLoader>()
            .ResolveAsync((c, kindergartens) => c.Source.KindergartenId is { } id ? kindergartens.LoadAsync(c, id) : Task.FromResult<object?>(null));
        Field<IntGraphType>("choice").Description("Which choice that was (0 first); null when not placed.").Resolve(c => c.Source.Choice);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<MissedChoiceGraphType>>>>("missedChoices").Resolve(c => c.Source.Reasons);
        Field<NonNullGraphType<StringGraphType>>("explanation").Description("The outcome and its reasons in the reader's language (Accept-Language).")
            .Resolve(c => c.Source.ExplanationIn(c.Kezek().Language));
    }
}

public sealed class AllocationRunGraphType : ObjectGraphType<AllocationRunView>
{
    public AllocationRunGraphType()
    {
        Name = "AllocationRun";
        Description = "One allocation run (a release window's close; mode \"window\" or \"deferred-acceptance\" for the annual intake): "
            + "its inputs hash, rule-set version, lottery seed, and every outcome.";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => c.Source.Run.Id);
        Field<NonNullGraphType<StringGraphType>>("region").Resolve(c => c.Source.Run.RegionCode);
        Field<NonNullGraphType<IntGraphType>>("groupYear").Resolve(c => c.Source.Run.GroupYear);
        Field<NonNullGraphType<StringGraphType>>("mode").Resolve(c => c.Source.Run.Mode);
        Field<NonNullGraphType<StringGraphType>>("ruleSet").Resolve(c => c.Source.Run.RuleSetName);
        Field<NonNullGraphType<IntGraphType>>("ruleSetVersion").Resolve(c => c.Source.Run.RuleSetVersion);
        Field<NonNullGraphType<StringGraphType>>("seed").Description("The lottery seed, drawn at random and recorded.").Resolve(c => c.Source.Run.Seed);
        Field<NonNullGraphType<StringGraphType>>("inputsHash").Description("SHA-256 (hex) of the public extract's JSON.").Resolve(c => c.Source.Run.InputsHash);
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("startedAt")
            .Resolve().WithService<RuleSetCatalog>().Resolve((c, rules) => RegionTime.Local(rules, c.Source.Run.RegionCode, c.Source.Run.StartedAt));
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("finishedAt")
            .Resolve().WithService<RuleSetCatalog>().Resolve((c, rules) => RegionTime.Local(rules, c.Source.Run.RegionCode, c.Source.Run.FinishedAt));
        Field<NonNullGraphType<IntGraphType>>("families").Resolve(c => c.Source.Run.Families);
        Field<NonNullGraphType<IntGraphType>>("seats").Resolve(c => c.Source.Run.Seats);
        Field<NonNullGraphType<IntGraphType>>("placed").Resolve(c => c.Source.Run.Placed);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<AllocationOutcomeGraphType>>>>("outcomes").Description("In the run's order (queue order).")
            .Resolve(c => c.Source.Outcomes);
    }
}

public sealed class AllocationRunExtractGraphType : ObjectGraphType<AllocationRunExtractView>
{
    public AllocationRunExtractGraphType()
    {
        Name = "AllocationRunExtract";
        Description = "A run's public anonymised inputs: families as positions with category, lottery number and ranking; seats per kindergarten id; "
            + "its SHA-256 is the run's inputsHash. To recompute: kindergartens by their index in the list, families in position order. "
            + "A \"window\" run: serial dictatorship (each family in turn takes its highest-ranked kindergarten with a seat left). "
            + "A \"deferred-acceptance\" run (the intake): the extract also has `priority` (the region's criteria, first decides first) and per family "
            + "`queuedAt` (its queued-at rank, 0 earliest) and `siblings` (kindergarten ids where a sibling already is). A kindergarten ranks families "
            + "by those criteria (benefit: OutOfTurn, then Priority, then None; sibling: a sibling there first; queuedAt: lower first), then by lower "
            + "lottery number, then by lower position; families propose along their rankings and each kindergarten keeps the best its seats allow "
            + "(Gale–Shapley, families proposing). Kezek.Core.Allocation.DeferredAcceptance over AllocationExtract.Market() does exactly this.";
        Field<NonNullGraphType<IdGraphType>>("runId").Resolve(c => c.Source.RunId);
        Field<NonNullGraphType<StringGraphType>>("inputsHash").Resolve(c => c.Source.InputsHash);
        Field<NonNullGraphType<StringGraphType>>("json").Description("The canonical JSON, byte for byte as hashed.").Resolve(c => c.Source.Extract);
    }
}

public sealed class AllocationRunSummaryGraphType : ObjectGraphType<AllocationRunSummary>
{
    public AllocationRunSummaryGraphType()
    {
        Name = "AllocationRunSummary";
        Description = "One run of a region's history (allocationRuns): when, which group year, the mode and rule-set version, how many were placed.";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => c.Source.Id);
        Field<NonNullGraphType<StringGraphType>>("region").Resolve(c => c.Source.RegionCode);
        Field<NonNullGraphType<IntGraphType>>("groupYear").Resolve(c => c.Source.GroupYear);
        Field<NonNullGraphType<StringGraphType>>("mode").Resolve(c => c.Source.Mode);
        Field<NonNullGraphType<StringGraphType>>("ruleSet").Resolve(c => c.Source.RuleSetName);
        Field<NonNullGraphType<IntGraphType>>("ruleSetVersion").Resolve(c => c.Source.RuleSetVersion);
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("startedAt").Description("In the region's time zone.")
            .Resolve().WithService<RuleSetCatalog>().Resolve((c, rules) => RegionTime.Local(rules, c.Source.RegionCode, c.Source.StartedAt));
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("finishedAt").Description("In the region's time zone.")
            .Resolve().WithService<RuleSetCatalog>().Resolve((c, rules) => RegionTime.Local(rules, c.Source.RegionCode, c.Source.FinishedAt));
        Field<NonNullGraphType<IntGraphType>>("families").Description("The families in the run (those that ranked a kindergarten with seats in it).")
            .Resolve(c => c.Source.Families);
        Field<NonNullGraphType<IntGraphType>>("seats").Resolve(c => c.Source.Seats);
        Field<NonNullGraphType<IntGraphType>>("placed").Resolve(c => c.Source.Placed);
        Field<NonNullGraphType<IntGraphType>>("notPlaced").Description("Families of the run not placed (they keep their place in the queue).")
            .Resolve(c => c.Source.Families - c.Source.Placed);
    }
}

public sealed class AllocationRunPageGraphType : ObjectGraphType<AllocationRunPage>
{
    public AllocationRunPageGraphType()
    {
        Name = "AllocationRunPage";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<AllocationRunSummaryGraphType>>>>("nodes").Description("Newest first.")
            .Resolve(c => c.Source.Items);
        Field<NonNullGraphType<BooleanGraphType>>("hasNextPage").Resolve(c => c.Source.HasNextPage);
        Field<StringGraphType>("endCursor").Description("Pass as `after` for the next page.").Resolve(c => c.Source.EndCursor);
    }
}

public sealed class WindowSeatsGraphType : ObjectGraphType<WindowSeats>
{
    public WindowSeatsGraphType()
    {
        Name = "WindowSeats";
        Description = "A kindergarten's seats in an open release window.";
        Field<NonNullGraphType<Regions.KindergartenGraphType>>("kindergarten").Resolve(c => c.Source.Kindergarten);
        Field<NonNullGraphType<IntGraphType>>("seats").Resolve(c => c.Source.Seats);
    }
}

public sealed class OpenReleaseWindowGraphType : ObjectGraphType<OpenWindowView>
{
    public OpenReleaseWindowGraphType()
    {
        Name = "ReleaseWindow";
        Description = "An open release window of the application's region and group year: nothing is taken before the close, "
            + "when one run serves the families that ranked, in queue order.";
        Field<NonNullGraphType<IntGraphType>>("groupYear").Resolve(c => c.Source.GroupYear);
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("opensAt").Description("In the region's time zone.")
            .Resolve().WithService<RuleSetCatalog>().Resolve((c, rules) => RegionTime.Local(rules, c.Source.RegionCode, c.Source.OpensAt));
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("closesAt").Description("When the run allocates the seats, in the region's time zone.")
            .Resolve().WithService<RuleSetCatalog>().Resolve((c, rules) => RegionTime.Local(rules, c.Source.RegionCode, c.Source.ClosesAt));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<WindowSeatsGraphType>>>>("kindergartens")
            .Description("The kindergartens with seats in the window, most seats first.").Resolve(c => c.Source.Seats);
    }
}

/// <summary>Allocation runs: the whole run for the region's operators and administrators, the public extract for anyone.</summary>
internal static class AllocationRunFields
{
    public static void AddQueries(ObjectGraphType query)
    {
        query.Field<NonNullGraphType<AllocationRunGraphType>>("allocationRun")
            .Description("A whole allocation run with application numbers, for the operators of its region and administrators.")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .Access(AccessRequirement.Roles(Role.Operator, Role.Administrator))
            .Resolve().WithService<AllocationReads>()
            .ResolveAsync(async (c, reads) => (await reads.RunAsync(RunId(c), c.RequireViewer(), c.CancellationToken)).OrThrow(c));
        query.Field<NonNullGraphType<AllocationRunExtractGraphType>>("allocationRunExtract")
            .Description("A run's public anonymised extract: anyone may recompute the run from it.")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .Access(AccessRequirement.Public)
            .Resolve().WithService<AllocationReads>()
            .ResolveAsync(async (c, reads) => (await reads.ExtractAsync(RunId(c), c.CancellationToken)).OrThrow(c));
        query.Field<NonNullGraphType<AllocationRunPageGraphType>>("allocationRuns")
            .Description("A region's allocation runs, newest first (of one group year when given), for its operators and administrators; first: at most 100 (20 by default).")
            .Argument<NonNullGraphType<StringGraphType>>("region")
            .Argument<IntGraphType>("groupYear")
            .Argument<IntGraphType>("first")
            .Argument<StringGraphType>("after")
            .Access(AccessRequirement.Roles(Role.Operator, Role.Administrator))
            .Resolve().WithService<WindowReads>()
            .ResolveAsync(async (c, reads) => (await reads.RunsAsync(c.RequireViewer(), c.GetArgument<string>("region"), c.GetArgument<int?>("groupYear"),
                c.GetArgument<int?>("first"), c.GetArgument<string?>("after"), c.CancellationToken)).OrThrow(c));
    }

    /// <summary>An id that is no run's id (not even a well-formed one) is answered like a missing run.</summary>
    private static Guid RunId(IResolveFieldContext c) => Guid.TryParse(c.GetArgument<string>("id"), out var id) ? id : Guid.Empty;
}
