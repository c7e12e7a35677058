using GraphQL.MicrosoftDI;
using GraphQL.Types;
using GraphQL;
using Kezek.Core.Regions;
using Kezek.Core.Words;
using Kezek.GraphQL.Access;
using Kezek.GraphQL.Errors;
using Kezek.GraphQL.Loaders;
using Kezek.Rules.RuleSets;
using Kezek.Workflows.Queue;
using Kezek.Workflows.Regions;
using Microsoft.Extensions.DependencyInjection;

namespace Kezek.GraphQL.Regions;

public sealed class SupportContactsGraphType : ObjectGraphType<SupportContacts>
{
    public SupportContactsGraphType()
    {
        Name = "SupportContacts";
        Description = "Where a region's families get help.";
        Field<StringGraphType>("phone").Description("E.g. Almaty's call-centre 1308.").Resolve(c => c.Source.Phone);
        Field<StringGraphType>("email").Resolve(c => c.Source.Email);
        Field<StringGraphType>("hours").Description("In the reader's language (Russian for English readers).")
            .Resolve(c => c.Source.Hours(c.Kezek().Language));
        Field<StringGraphType>("hoursRu").Resolve(c => c.Source.HoursRu);
        Field<StringGraphType>("hoursKk").Resolve(c => c.Source.HoursKk);
    }
}

public sealed class RegionGraphType : ObjectGraphType<Region>
{
    public RegionGraphType()
    {
        Name = "Region";
        Field<NonNullGraphType<StringGraphType>>("code").Description("As in rules/<code>.json.").Resolve(c => c.Source.Code);
        Field<NonNullGraphType<StringGraphType>>("name").Description("In the reader's language (Accept-Language).")
            .Resolve(c => c.Source.Name(c.Kezek().Language));
        Field<NonNullGraphType<StringGraphType>>("nameRu").Resolve(c => c.Source.NameRu);
        Field<NonNullGraphType<StringGraphType>>("nameKk").Resolve(c => c.Source.NameKk);
        Field<NonNullGraphType<StringGraphType>>("nameEn").Resolve(c => c.Source.NameEn);
        Field<NonNullGraphType<StringGraphType>>("timeZone").Description("From the region's rule set: the one source of its time zone.")
            .Resolve().WithService<RuleSetCatalog>().Resolve((c, rules) => rules.For(c.Source.Code).RuleSet.Policy.TimeZoneId);
        Field<NonNullGraphType<SupportContactsGraphType>>("support").Resolve(c => c.Source.Support);
    }
}

public sealed class KindergartenGroupGraphType : ObjectGraphType<KindergartenGroup>
{
    public KindergartenGroupGraphType()
    {
        Name = "KindergartenGroup";
        Description = "A kindergarten's capacity for one group year and language of instruction.";
        Field<NonNullGraphType<IntGraphType>>("groupYear").Resolve(c => c.Source.GroupYear);
        Field<NonNullGraphType<Places.LanguageGraphType>>("language").Resolve(c => Language.Parse(c.Source.Language));
        Field<NonNullGraphType<IntGraphType>>("capacity").Resolve(c => c.Source.Capacity);
    }
}

public sealed class KindergartenGraphType : ObjectGraphType<Kindergarten>
{
    public KindergartenGraphType()
    {
        Name = "Kindergarten";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => c.Source.Id);
        Field<NonNullGraphType<StringGraphType>>("bin").Resolve(c => c.Source.Bin);
        Field<NonNullGraphType<StringGraphType>>("name").Description("In the reader's language (Accept-Language).")
            .Resolve(c => c.Source.Name(c.Kezek().Language));
        Field<NonNullGraphType<StringGraphType>>("address").Description("In the reader's language (Kazakh or Russian).")
            .Resolve(c => c.Source.Address(c.Kezek().Language));
        Field<NonNullGraphType<StringGraphType>>("nameRu").Resolve(c => c.Source.NameRu);
        Field<NonNullGraphType<StringGraphType>>("nameKk").Resolve(c => c.Source.NameKk);
        Field<NonNullGraphType<StringGraphType>>("addressRu").Resolve(c => c.Source.AddressRu);
        Field<NonNullGraphType<StringGraphType>>("addressKk").Description("Empty where only the Russian address is known.")
            .Resolve(c => c.Source.AddressKk);
        Field<FloatGraphType>("latitude").Description("Degrees (WGS 84); null where not known yet.").Resolve(c => c.Source.Latitude);
        Field<FloatGraphType>("longitude").Resolve(c => c.Source.Longitude);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("languages")
            .Description("Languages of instruction: kk, ru.")
            .Resolve(c => c.Source.LanguageList);
        Field<NonNullGraphType<StringGraphType>>("ownership").Description("STATE or PRIVATE.").Resolve(c => c.Source.Ownership.ToString().ToUpperInvariant());
        Field<NonNullGraphType<StringGraphType>>("region").Resolve(c => c.Source.RegionCode);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<KindergartenGroupGraphType>>>>("groups")
            .Description("Capacity per group year and language, newest group year first.")
            .Resolve().WithService<KindergartenGroupsLoader>().ResolveAsync((c, loader) => loader.LoadAsync(c, c.Source.Id));
    }
}

public sealed class QueueStatisticsGraphType : ObjectGraphType<QueueCounts>
{
    public QueueStatisticsGraphType()
    {
        Name = "QueueStatistics";
        Description = "Applications standing in the queue, by confirmed benefit category.";
        Field<NonNullGraphType<IntGraphType>>("total").Resolve(c => c.Source.Total);
        Field<NonNullGraphType<IntGraphType>>("outOfTurn").Resolve(c => c.Source.OutOfTurn);
        Field<NonNullGraphType<IntGraphType>>("priority").Resolve(c => c.Source.Priority);
        Field<NonNullGraphType<IntGraphType>>("general").Resolve(c => c.Source.General);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<GroupYearStatisticsGraphType>>>>("byGroupYear")
            .Description("The same counts per group year, oldest first; only the group year asked for when one is.")
            .Resolve(c => c.Source.ByGroupYear);
        Field<NonNullGraphType<QueueActivityGraphType>>("activity")
            .Description("Notified now, directions issued, children enrolled and directions expired in a period (days in Kazakhstan time, both included; open when omitted), free seats per kindergarten.")
            .Argument<Scalars.CalendarDateGraphType>("from")
            .Argument<Scalars.CalendarDateGraphType>("to")
            .Resolve().WithService<Kezek.Workflows.Statistics.ReadQueueActivityHandler>()
            .ResolveAsync(async (c, handler) => await handler.HandleAsync(new Kezek.Workflows.Statistics.ReadQueueActivity(c.Source.RegionCode,
                c.Source.GroupYear, c.GetArgument<DateOnly?>("from"), c.GetArgument<DateOnly?>("to")), c.CancellationToken));
    }
}

public sealed class GroupYearStatisticsGraphType : ObjectGraphType<GroupYearCounts>
{
    public GroupYearStatisticsGraphType()
    {
        Name = "GroupYearStatistics";
        Description = "The queue of one group year, by confirmed benefit category.";
        Field<NonNullGraphType<IntGraphType>>("groupYear").Resolve(c => c.Source.GroupYear);
        Field<NonNullGraphType<IntGraphType>>("total").Resolve(c => c.Source.Total);
        Field<NonNullGraphType<IntGraphType>>("outOfTurn").Resolve(c => c.Source.OutOfTurn);
        Field<NonNullGraphType<IntGraphType>>("priority").Resolve(c => c.Source.Priority);
        Field<NonNullGraphType<IntGraphType>>("general").Resolve(c => c.Source.General);
    }
}

public sealed class KindergartenSeatsGraphType : ObjectGraphType<Kezek.Workflows.Statistics.KindergartenSeats>
{
    public KindergartenSeatsGraphType()
    {
        Name = "KindergartenSeats";
        Field<NonNullGraphType<KindergartenGraphType>>("kindergarten").Resolve(c => c.Source.Kindergarten);
        Field<NonNullGraphType<IntGraphType>>("freeSeats").Resolve(c => c.Source.FreeSeats);
    }
}

public sealed class QueueActivityGraphType : ObjectGraphType<Kezek.Workflows.Statistics.QueueActivity>
{
    public QueueActivityGraphType()
    {
        Name = "QueueActivity";
        Description = "Counts only, nothing personal.";
        Field<NonNullGraphType<IntGraphType>>("notified").Description("Applications whose turn came and who are choosing now.").Resolve(c => c.Source.Notified);
        Field<NonNullGraphType<IntGraphType>>("directionsIssued").Resolve(c => c.Source.DirectionsIssued);
        Field<NonNullGraphType<IntGraphType>>("enrolled").Resolve(c => c.Source.Enrolled);
        Field<NonNullGraphType<IntGraphType>>("expired").Description("Directions that expired unused (the child was not enrolled in time).").Resolve(c => c.Source.Expired);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<KindergartenSeatsGraphType>>>>("freeSeats").Resolve(c => c.Source.FreeSeats);
    }
}

internal static class RegionQueries
{
    public static void AddTo(ObjectGraphType query)
    {
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<RegionGraphType>>>>("regions")
            .Access(AccessRequirement.Public)
            .Resolve().WithService<ListRegionsHandler>()
            .ResolveAsync(async (c, handler) => await handler.HandleAsync(c.CancellationToken));

        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<KindergartenGraphType>>>>("kindergartens")
            .Argument<NonNullGraphType<StringGraphType>>("region")
            .Access(AccessRequirement.Public)
            .Resolve().WithService<ListKindergartensHandler>()
            .ResolveAsync(async (c, handler) => (await handler.HandleAsync(new ListKindergartens(c.GetArgument<string>("region")),
                c.CancellationToken)).OrThrow(c));

        query.Field<NonNullGraphType<RuleSets.RegionPolicyGraphType>>("regionPolicy")
            .Description("Public: the region's rule values in force that a parent is told, and where to get help.")
            .Argument<NonNullGraphType<StringGraphType>>("region")
            .Access(AccessRequirement.Public)
            .Resolve().WithService<ReadRegionPolicyHandler>()
            .ResolveAsync(async (c, handler) => (await handler.HandleAsync(new ReadRegionPolicy(c.GetArgument<string>("region")),
                c.CancellationToken)).OrThrow(c));

        query.Field<NonNullGraphType<QueueStatisticsGraphType>>("statistics")
            .Argument<NonNullGraphType<StringGraphType>>("region")
            .Argument<IntGraphType>("groupYear")
            .Access(AccessRequirement.Public)
            .Resolve().WithService<PublicQueueSearch>()
            .ResolveAsync(async (c, search) => (await search.CountAsync(c.GetArgument<string>("region"), c.GetArgument<int?>("groupYear"),
                c.CancellationToken)).OrThrow(c));
    }
}
