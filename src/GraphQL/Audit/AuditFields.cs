using GraphQL;
using GraphQL.MicrosoftDI;
using GraphQL.Types;
using Kezek.Core.Applications;
using Kezek.Core.Identity;
using Kezek.GraphQL.Access;
using Kezek.GraphQL.Errors;
using Kezek.GraphQL.Scalars;
using Kezek.Workflows.Audit;

namespace Kezek.GraphQL.Audit;

public sealed class HistoryProblemGraphType : EnumerationGraphType<HistoryProblem>
{
    public HistoryProblemGraphType()
    {
        Name = "HistoryProblem";
        Description = "Why a history does not hold: an entry's content was changed, entries were removed or inserted, an unsealed entry "
            + "follows sealed ones, or the application's last hash does not match its last entry.";
    }
}

public sealed class HistoryVerificationGraphType : ObjectGraphType<HistoryVerification>
{
    public HistoryVerificationGraphType()
    {
        Name = "HistoryVerification";
        Field<NonNullGraphType<StringGraphType>>("applicationNumber").Resolve(c => c.Source.ApplicationNumber);
        Field<NonNullGraphType<BooleanGraphType>>("intact").Description("Every entry matches its hash and its link, and the last one the application's.")
            .Resolve(c => c.Source.Check.Intact);
        Field<NonNullGraphType<IntGraphType>>("entries").Resolve(c => c.Source.Check.Entries);
        Field<NonNullGraphType<IntGraphType>>("legacyEntries").Description("Entries written before history was sealed (first, unhashed).")
            .Resolve(c => c.Source.Check.LegacyEntries);
        Field<IntGraphType>("brokenEntryIndex").Description("The first entry that does not hold, 0-based in the order of Application.history.")
            .Resolve(c => c.Source.Check.BrokenAt);
        Field<HistoryProblemGraphType>("problem").Resolve(c => c.Source.Check.Problem);
    }
}

public sealed class HistoryAnchorVerificationGraphType : ObjectGraphType<HistoryAnchorVerification>
{
    public HistoryAnchorVerificationGraphType()
    {
        Name = "HistoryAnchorVerification";
        Field<NonNullGraphType<StringGraphType>>("region").Resolve(c => c.Source.Region);
        Field<NonNullGraphType<CalendarDateGraphType>>("day").Resolve(c => c.Source.Day);
        Field<StringGraphType>("anchoredHash").Description("The anchor written after the day ended; null when none was.").Resolve(c => c.Source.AnchoredHash);
        Field<NonNullGraphType<StringGraphType>>("recomputedHash").Description("The same hash computed from the history as it stands now.")
            .Resolve(c => c.Source.RecomputedHash);
        Field<NonNullGraphType<BooleanGraphType>>("matches").Resolve(c => c.Source.Matches);
        Field<NonNullGraphType<IntGraphType>>("applications").Resolve(c => c.Source.Applications);
    }
}

/// <summary>The tamper-evident history, for the region's operators and administrators (auditors).</summary>
internal static class AuditFields
{
    private static readonly AccessRequirement Auditors = AccessRequirement.Roles(Role.Operator, Role.Administrator);

    public static void AddQueries(ObjectGraphType query)
    {
        query.Field<NonNullGraphType<HistoryVerificationGraphType>>("verifyHistory")
            .Description("Checks that an application's history is as it was written (each entry's hash and link); audited.")
            .Argument<NonNullGraphType<StringGraphType>>("number")
            .Access(Auditors)
            .Resolve().WithService<VerifyHistoryHandler>()
            .ResolveAsync(async (c, handler) => (await handler.HandleAsync(new VerifyHistory(c.GetArgument<string>("number"), c.RequireViewer()),
                c.CancellationToken)).OrThrow(c));

        query.Field<NonNullGraphType<HistoryAnchorVerificationGraphType>>("verifyHistoryAnchor")
            .Description("Recomputes a region's daily anchor of its history from the history as it stands now, beside the one written that day.")
            .Argument<NonNullGraphType<StringGraphType>>("region")
            .Argument<NonNullGraphType<CalendarDateGraphType>>("day")
            .Access(Auditors)
            .Resolve().WithService<HistoryAnchors>()
            .ResolveAsync(async (c, anchors) => (await anchors.VerifyAsync(c.GetArgument<string>("region"), c.GetArgument<DateOnly>("day"),
                c.RequireViewer(), c.CancellationToken)).OrThrow(c));
    }
}
