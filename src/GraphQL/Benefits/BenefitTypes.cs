using GraphQL;
using GraphQL.MicrosoftDI;
using GraphQL.Types;
using Kezek.Core.Applications;
using Kezek.GraphQL.Applications;
using Kezek.GraphQL.Scalars;
using Kezek.Rules.RuleSets;
using Kezek.Workflows.Queue;

namespace Kezek.GraphQL.Benefits;

public sealed class BenefitClaimGraphType : ObjectGraphType<Application>
{
    public BenefitClaimGraphType()
    {
        Name = "BenefitClaim";
        Description = "The benefit the applicant claimed at registration and the document it rests on; it counts once an operator confirms it.";
        Field<NonNullGraphType<BenefitCategoryGraphType>>("category").Resolve(c => c.Source.ClaimedBenefit);
        Field<StringGraphType>("documentType").Resolve(c => c.Source.BenefitDocumentType);
        Field<StringGraphType>("documentNumber").Resolve(c => c.Source.BenefitDocumentNumber);
    }
}

public sealed class ConfirmedBenefitGraphType : ObjectGraphType<Application>
{
    public ConfirmedBenefitGraphType()
    {
        Name = "ConfirmedBenefit";
        Description = "The benefit an operator of the region confirmed: it orders the queue.";
        Field<NonNullGraphType<BenefitCategoryGraphType>>("category").Resolve(c => c.Source.Benefit);
        Field<StringGraphType>("evidence").Description("What the operator confirmed it from.").Resolve(c => c.Source.BenefitEvidence);
        Field<CalendarDateGraphType>("validUntil").Description("The last day it counts (region time); null when it does not lapse.")
            .Resolve(c => c.Source.BenefitValidUntil);
        Field<DateTimeOffsetGraphType>("confirmedAt").Description("In the region's time zone.")
            .Resolve().WithService<RuleSetCatalog>()
            .Resolve((c, rules) => c.Source.BenefitConfirmedAt is { } at ? rules.For(c.Source.RegionCode).RuleSet.Policy.ToLocal(at) : null);
    }
}

public sealed class QueueAheadGraphType : ObjectGraphType<QueueAhead>
{
    public QueueAheadGraphType()
    {
        Name = "QueueAhead";
        Description = "How many applications stand ahead in the queue, by category: counts only.";
        Field<NonNullGraphType<IntGraphType>>("outOfTurn").Resolve(c => c.Source.OutOfTurn);
        Field<NonNullGraphType<IntGraphType>>("priority").Resolve(c => c.Source.Priority);
        Field<NonNullGraphType<IntGraphType>>("general").Resolve(c => c.Source.General);
        Field<NonNullGraphType<IntGraphType>>("total").Resolve(c => c.Source.Total);
    }
}

public sealed class PastQueueNumberGraphType : ObjectGraphType<PastQueueNumber>
{
    public PastQueueNumberGraphType()
    {
        Name = "PastQueueNumber";
        Description = "The queue number some days ago, as the history shows it (docs/decisions/0012); null when not in the queue then.";
        Field<NonNullGraphType<IntGraphType>>("daysAgo").Resolve(c => c.Source.DaysAgo);
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("at").Resolve(c => Kezek.Core.Regions.KazakhstanTime.ToLocal(c.Source.At));
        Field<IntGraphType>("queueNumber").Resolve(c => c.Source.QueueNumber);
    }
}
