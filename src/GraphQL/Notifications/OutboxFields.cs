using GraphQL;
using GraphQL.MicrosoftDI;
using GraphQL.Types;
using Kezek.Core.Identity;
using Kezek.Core.Lifecycle;
using Kezek.Core.Notifications;
using Kezek.GraphQL.Access;
using Kezek.GraphQL.Errors;
using Kezek.GraphQL.Regions;
using Kezek.Rules.RuleSets;
using Kezek.Workflows.Notifications;

namespace Kezek.GraphQL.Notifications;

public sealed class NotificationStatusGraphType : EnumerationGraphType<NotificationStatus>
{
    public NotificationStatusGraphType() => Name = "NotificationStatus";
}

public sealed class OutboxItemGraphType : ObjectGraphType<OutboxItem>
{
    public OutboxItemGraphType()
    {
        Name = "OutboxItem";
        Description = "One message of the outbox: what, on which channel, how it went (never the recipient's contacts).";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => c.Source.Id);
        Field<NonNullGraphType<StringGraphType>>("applicationNumber").Resolve(c => c.Source.ApplicationNumber);
        Field<NonNullGraphType<StringGraphType>>("region").Resolve(c => c.Source.Region);
        Field<NonNullGraphType<StringGraphType>>("event").Resolve(c => c.Source.Template);
        Field<NonNullGraphType<StringGraphType>>("channel").Description("email, sms or cabinet.").Resolve(c => c.Source.Channel.Code);
        Field<NonNullGraphType<NotificationStatusGraphType>>("status").Resolve(c => c.Source.Status);
        Field<NonNullGraphType<IntGraphType>>("attempts").Resolve(c => c.Source.Attempts);
        Field<NonNullGraphType<IntGraphType>>("possibleDuplicates").Description("Resends after a sender died between sending and marking.")
            .Resolve(c => c.Source.PossibleDuplicates);
        Field<StringGraphType>("lastError").Resolve(c => c.Source.LastError);
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("createdAt").Description("In the region's time zone.")
            .Resolve().WithService<RuleSetCatalog>().Resolve((c, rules) => RegionTime.Local(rules, c.Source.Region, c.Source.CreatedAt));
        Field<DateTimeOffsetGraphType>("sentAt")
            .Resolve().WithService<RuleSetCatalog>().Resolve((c, rules) => c.Source.SentAt is { } at ? RegionTime.Local(rules, c.Source.Region, at) : null);
        Field<DateTimeOffsetGraphType>("nextAttemptAt")
            .Resolve().WithService<RuleSetCatalog>().Resolve((c, rules) => c.Source.NextAttemptAt is { } at ? RegionTime.Local(rules, c.Source.Region, at) : null);
    }
}

public sealed class OutboxCountGraphType : ObjectGraphType<KeyValuePair<NotificationStatus, int>>
{
    public OutboxCountGraphType()
    {
        Name = "OutboxCount";
        Field<NonNullGraphType<NotificationStatusGraphType>>("status").Resolve(c => c.Source.Key);
        Field<NonNullGraphType<IntGraphType>>("count").Resolve(c => c.Source.Value);
    }
}

public sealed class OutboxPageGraphType : ObjectGraphType<OutboxPage>
{
    public OutboxPageGraphType()
    {
        Name = "OutboxPage";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<OutboxCountGraphType>>>>("counts").Description("Messages per status (of the regions asked for).")
            .Resolve(c => c.Source.Counts.OrderBy(p => p.Key));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<OutboxItemGraphType>>>>("items").Description("Newest first.").Resolve(c => c.Source.Items);
        Field<NonNullGraphType<BooleanGraphType>>("hasNextPage").Resolve(c => c.Source.HasNextPage);
    }
}

/// <summary>The outbox for operators (their regions) and administrators (all): list, retry a dead letter, discard; audited.</summary>
internal static class OutboxFields
{
    private static readonly AccessRequirement Operators = AccessRequirement.Roles(Role.Operator, Role.Administrator);

    public static void AddQueries(ObjectGraphType query) =>
        query.Field<NonNullGraphType<OutboxPageGraphType>>("outbox")
            .Description("Operators (their regions) and administrators: messages per status, and a page of them newest first (before: the last id seen).")
            .Argument<NotificationStatusGraphType>("status")
            .Argument<StringGraphType>("region")
            .Argument<IntGraphType>("first")
            .Argument<IdGraphType>("before")
            .Access(Operators)
            .Resolve().WithService<ManageOutbox>()
            .ResolveAsync(async (c, outbox) => (await outbox.ListAsync(c.RequireViewer(), c.GetArgument<NotificationStatus?>("status"),
                c.GetArgument<string?>("region"), c.GetArgument<int?>("first") ?? 50, c.OptionalNumberArgument("before"), c.CancellationToken)).OrThrow(c));

    public static void AddMutations(ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<OutboxItemGraphType>>("retryNotification")
            .Description("A dead letter is sent again, its attempts starting over; with a reason, audited.")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .Argument<NonNullGraphType<StringGraphType>>("reason")
            .Access(Operators)
            .Resolve().WithService<ManageOutbox>()
            .ResolveAsync(async (c, outbox) => (await outbox.RetryAsync(c.NumberArgument("id"), c.GetArgument<string>("reason"), c.RequireViewer(),
                c.CancellationToken)).OrThrow(c));

        mutation.Field<NonNullGraphType<OutboxItemGraphType>>("discardNotification")
            .Description("A waiting or dead message is not sent; with a reason, audited.")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .Argument<NonNullGraphType<StringGraphType>>("reason")
            .Access(Operators)
            .Resolve().WithService<ManageOutbox>()
            .ResolveAsync(async (c, outbox) => (await outbox.DiscardAsync(c.NumberArgument("id"), c.GetArgument<string>("reason"), c.RequireViewer(),
                c.CancellationToken)).OrThrow(c));
    }
}
