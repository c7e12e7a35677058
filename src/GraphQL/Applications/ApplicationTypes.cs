using GraphQL;
using GraphQL.MicrosoftDI;
using GraphQL.Types;
using Kezek.Core.Applications;
using Kezek.Core.Regions;
using Kezek.Core.Words;
using Kezek.GraphQL.Access;
using Kezek.GraphQL.Regions;
using Kezek.GraphQL.Scalars;
using Kezek.Rules.RuleSets;
using Kezek.GraphQL.Loaders;

namespace Kezek.GraphQL.Applications;

public sealed class BenefitCategoryGraphType : EnumerationGraphType<BenefitCategory>
{
    public BenefitCategoryGraphType()
    {
        Name = "BenefitCategory";
        Description = "Льгота: NONE — общая очередь, PRIORITY — первоочередная, OUT_OF_TURN — внеочередная.";
    }
}

public sealed class ApplicationStatusGraphType : EnumerationGraphType<ApplicationStatus>
{
    public ApplicationStatusGraphType() => Name = "ApplicationStatus";
}

public sealed class DirectionStatusGraphType : EnumerationGraphType<DirectionStatus>
{
    public DirectionStatusGraphType() => Name = "DirectionStatus";
}

public sealed class RelationGraphType : EnumerationGraphType<Kezek.Core.CivilRegistry.Relation>
{
    public RelationGraphType() => Name = "Relation";
}

public sealed class ChildGraphType : ObjectGraphType<Child>
{
    public ChildGraphType()
    {
        Name = "Child";
        Field<NonNullGraphType<StringGraphType>>("iin").Resolve(c => c.Source.Iin);
        Field<NonNullGraphType<StringGraphType>>("fullName").Resolve(c => c.Source.FullName);
        Field<NonNullGraphType<CalendarDateGraphType>>("birthDate").Resolve(c => c.Source.BirthDate);
    }
}

public sealed class ApplicantGraphType : ObjectGraphType<Applicant>
{
    public ApplicantGraphType()
    {
        Name = "Applicant";
        Field<NonNullGraphType<StringGraphType>>("iin").Resolve(c => c.Source.Iin);
        Field<NonNullGraphType<StringGraphType>>("fullName").Resolve(c => c.Source.FullName);
        Field<CalendarDateGraphType>("birthDate").Resolve(c => c.Source.BirthDate);
        Field<NonNullGraphType<StringGraphType>>("phone").Resolve(c => c.Source.Phone);
        Field<NonNullGraphType<StringGraphType>>("email").Resolve(c => c.Source.Email);
        Field<StringGraphType>("address").Description("The address the family gave (updateApplicantContacts).").Resolve(c => c.Source.Address);
        Field<StringGraphType>("additionalPhone").Resolve(c => c.Source.AdditionalPhone);
        Field<StringGraphType>("additionalEmail").Resolve(c => c.Source.AdditionalEmail);
    }
}

public sealed class ApplicationParentGraphType : ObjectGraphType<ApplicationParent>
{
    public ApplicationParentGraphType()
    {
        Name = "ApplicationParent";
        Description = "Another legal representative who attached the application to their IIN.";
        Field<NonNullGraphType<StringGraphType>>("iin").Resolve(c => c.Source.Iin);
        Field<NonNullGraphType<StringGraphType>>("fullName").Resolve(c => c.Source.FullName);
        Field<NonNullGraphType<RelationGraphType>>("relation").Resolve(c => c.Source.Relation);
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("attachedAt").InApplicationRegion(p => p.ApplicationId, p => p.AttachedAt);
    }
}

public sealed class HistoryEntryGraphType : ObjectGraphType<HistoryEntry>
{
    public HistoryEntryGraphType()
    {
        Name = "HistoryEntry";
        Description = "One change of the application: when, who, what, from which status to which, why, and the signed XML.";
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("at").InApplicationRegion(h => h.ApplicationId, h => h.At);
        Field<NonNullGraphType<StringGraphType>>("actorIin").Resolve(c => c.Source.ActorIin);
        Field<NonNullGraphType<StringGraphType>>("actorName").Resolve(c => c.Source.ActorName);
        Field<NonNullGraphType<StringGraphType>>("actorRole").Resolve(c => c.Source.ActorRole.ToString());
        Field<NonNullGraphType<StringGraphType>>("action").Resolve(c => c.Source.Action);
        Field<NonNullGraphType<StringGraphType>>("actionName").Description("The action as the portals name it, in the reader's language (Accept-Language).")
            .Resolve().WithService<IWordCatalog>().Resolve((c, words) => words.ActionName(c.Source.Action, c.Kezek().Language));
        Field<ApplicationStatusGraphType>("fromStatus").Resolve(c => c.Source.FromStatus);
        Field<ApplicationStatusGraphType>("toStatus").Resolve(c => c.Source.ToStatus);
        Field<StringGraphType>("reason").Resolve(c => c.Source.Reason);
        Field<StringGraphType>("signedXml").Resolve(c => c.Source.SignedXml);
        Field<StringGraphType>("revocationEvidence")
            .Description("A signed entry: what showed the signer's certificate was not revoked when it signed — 'OCSP:' and the responder's answer (base64), or the CRL's issuer and number.")
            .Resolve(c => c.Source.RevocationEvidence);
        Field<IntGraphType>("queueNumberBefore").Description("A benefit's change: the queue number just before it (null when not in the queue).")
            .Resolve(c => c.Source.QueueNumberBefore);
        Field<IntGraphType>("queueNumberAfter").Description("A benefit's change: the queue number just after it (null when not in the queue).")
            .Resolve(c => c.Source.QueueNumberAfter);
        Field<BenefitCategoryGraphType>("benefitCategory").Description("A benefit's change: the benefit in force after it.")
            .Resolve(c => c.Source.Benefit);
        Field<StringGraphType>("evidence").Description("A benefit's confirmation: what the operator confirmed it from.").Resolve(c => c.Source.Evidence);
        Field<StringGraphType>("otherRegion").Description("A move between regions: the region consented to, moved to, or moved from.")
            .Resolve(c => c.Source.OtherRegionCode);
        Field<StringGraphType>("otherApplicationNumber").Description("A move between regions: the new application, or the one moved from.")
            .Resolve(c => c.Source.OtherApplicationNumber);
    }
}

public sealed class DirectionGraphType : ObjectGraphType<Direction>
{
    public DirectionGraphType()
    {
        Name = "Direction";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => c.Source.Id);
        Field<NonNullGraphType<DirectionStatusGraphType>>("status").Resolve(c => c.Source.Status);
        Field<NonNullGraphType<StringGraphType>>("statusName").Description("The status in the reader's language (Accept-Language).")
            .Resolve().WithService<IWordCatalog>().Resolve((c, words) => words.DirectionStatusName(c.Source.Status, c.Kezek().Language));
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("issuedAt").InApplicationRegion(d => d.ApplicationId, d => d.IssuedAt);
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("expiresAt").Description("The end of the last day to be enrolled.")
            .InApplicationRegion(d => d.ApplicationId, d => d.ExpiresAt);
        Field<NonNullGraphType<IntGraphType>>("extensions").Resolve(c => c.Source.Extensions);
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("revokableUntil")
            .Description("The end of the window to revoke the direction, as given at issue (a later rule change never shortens it).")
            .InApplicationRegion(d => d.ApplicationId, d => d.RevokeUntil);
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("extendableUntil")
            .Description("The latest expiry an extension may reach (the end of that day), as given at issue.")
            .InApplicationRegion(d => d.ApplicationId, d => d.ExtendableUntil);
        Field<DateTimeOffsetGraphType>("endedAt").Description("When it was enrolled, expired or revoked.")
            .InApplicationRegion(d => d.ApplicationId, d => d.EndedAt);
        Field<NonNullGraphType<KindergartenGraphType>>("kindergarten")
            .Resolve().WithService<KindergartenLoader>().ResolveAsync((c, kindergartens) => kindergartens.LoadAsync(c, c.Source.KindergartenId));
    }
}

/// <summary>
/// An application as its family, the region's operators and administrators see it. Objects of this type
/// come only from resolvers that read through <c>AccessPolicy.VisibleApplications</c> or act for the family.
/// </summary>
public sealed class ApplicationGraphType : ObjectGraphType<Application>
{
    private static readonly Task<object?> NotInQueue = Task.FromResult<object?>(null);

    public ApplicationGraphType()
    {
        Name = "Application";
        Field<NonNullGraphType<StringGraphType>>("number").Resolve(c => c.Source.Number);
        Field<NonNullGraphType<ApplicationStatusGraphType>>("status").Resolve(c => c.Source.Status);
        Field<NonNullGraphType<StringGraphType>>("statusName").Description("The status as the portals' journal names it, in the reader's language (Accept-Language).")
            .Resolve().WithService<IWordCatalog>().Resolve((c, words) => words.StatusName(c.Source.Status, c.Kezek().Language));
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("createdAt").Description("Registration time, in the region's time zone.")
            .Resolve().WithService<RuleSetCatalog>().Resolve((c, rules) => RegionTime.Local(rules, c.Source.RegionCode, c.Source.CreatedAt));
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("lastChangedAt").Description("When anything of the application last changed, in the region's time zone.")
            .Resolve().WithService<RuleSetCatalog>().Resolve((c, rules) => RegionTime.Local(rules, c.Source.RegionCode, c.Source.LastChangedAt));
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("queuedAt").Description("The time the queue orders by, in the region's time zone.")
            .Resolve().WithService<RuleSetCatalog>().Resolve((c, rules) => RegionTime.Local(rules, c.Source.RegionCode, c.Source.QueuedAt));
        Field<NonNullGraphType<RegionGraphType>>("region")
            .Resolve().WithService<RegionLoader>().ResolveAsync((c, regions) => regions.LoadAsync(c, c.Source.RegionCode));
        Field<NonNullGraphType<IntGraphType>>("groupYear").Resolve(c => c.Source.GroupYear);
        Field<NonNullGraphType<BenefitCategoryGraphType>>("benefitCategory").Description("The confirmed benefit that orders the queue.")
            .Resolve(c => c.Source.Benefit);
        Field<NonNullGraphType<BenefitCategoryGraphType>>("claimedBenefitCategory")
            .Description("The benefit the applicant claimed; it counts once an operator confirms it.")
            .Resolve(c => c.Source.ClaimedBenefit);
        // queueNumber and benefitQueueNumber share one load per application; one not standing in the queue needs none.
        Field<IntGraphType>("queueNumber").Description("Position in the region's queue of the group year; null when not in the queue.")
            .Resolve().WithService<QueuePositionLoader>()
            .ResolveAsync((c, positions) => c.Source.InQueue ? positions.LoadAsync(c, c.Source, p => p?.QueueNumber) : NotInQueue);
        Field<IntGraphType>("benefitQueueNumber").Description("Position within the same benefit category.")
            .Resolve().WithService<QueuePositionLoader>()
            .ResolveAsync((c, positions) => c.Source.InQueue ? positions.LoadAsync(c, c.Source, p => p?.BenefitQueueNumber) : NotInQueue);
        Field<NonNullGraphType<StringGraphType>>("state").Description("The state in the region's workflow (see Query.workflow).")
            .Resolve(c => c.Source.State);
        Field<DateTimeOffsetGraphType>("deadline").Description("The deadline of the current step (to choose, to confirm…), in the region's time zone.")
            .Resolve().WithService<RuleSetCatalog>()
            .Resolve((c, rules) => c.Source.DeadlineAt is { } deadline ? RegionTime.Local(rules, c.Source.RegionCode, deadline) : null);
        Field<DateTimeOffsetGraphType>("stopListedUntil").Description("Стоп-лист: no direction before this instant.")
            .Resolve().WithService<RuleSetCatalog>()
            .Resolve((c, rules) => c.Source.StopListedUntil is { } until ? RegionTime.Local(rules, c.Source.RegionCode, until) : null);
        Field<NonNullGraphType<IntGraphType>>("expirations").Description("Directions of this application that expired unused.")
            .Resolve(c => c.Source.Expirations);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<Lifecycle.AvailableActionGraphType>>>>("availableActions")
            .Description("What the viewer may do now (the portal's buttons) and, for the rest, why not. An enrolled child also has requestTransfer, "
                + "refused with TRANSFER_NOT_IN_LIFECYCLE where the region's lifecycle in force has no transfers.")
            .Resolve().WithService<AvailableActionsLoader>().ResolveAsync((c, actions) =>
            {
                c.RequireViewer();
                return actions.LoadAsync(c, c.Source.Id);
            });
        Field<NonNullGraphType<ApplicantGraphType>>("applicant").Resolve(c => c.Source.Applicant);
        Field<NonNullGraphType<ChildGraphType>>("child").Resolve(c => c.Source.Child);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ApplicationParentGraphType>>>>("parents")
            .Resolve().WithServices<ParentsLoader, ApplicationRegionLoader>().ResolveAsync((c, parents, regions) => parents.LoadAsync(c, InRegion(c, regions)));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<KindergartenGraphType>>>>("rankedKindergartens")
            .Description("The kindergartens the family ranked (rankKindergartens), first choice first.")
            .Resolve().WithService<RankedKindergartensLoader>().ResolveAsync((c, ranked) => ranked.LoadAsync(c, c.Source.Id));
        Field<Allocation.TransferRequestGraphType>("transferRequest")
            .Description("The kindergartens the family of an enrolled child asked to move to (requestTransfer), with when; null when none.")
            .Resolve().WithService<TransferRequestLoader>().ResolveAsync((c, requests) => requests.LoadAsync(c, c.Source.Id));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<Allocation.AllocationOutcomeGraphType>>>>("allocationOutcomes")
            .Description("Where the application ended in each allocation run (a release window's close, a transfer run), newest first, with the reasons in words.")
            .Resolve().WithService<AllocationOutcomesLoader>().ResolveAsync((c, outcomes) => outcomes.LoadAsync(c, c.Source.Id));
        Field<Allocation.OpenReleaseWindowGraphType>("releaseWindow")
            .Description("The open release window of the application's region and group year while the child is in the queue: its close and the kindergartens with seats in it; null when none is open.")
            .Resolve().WithService<ReleaseWindowLoader>().ResolveAsync((c, windows) => windows.LoadAsync(c, c.Source));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<DirectionGraphType>>>>("directions")
            .Resolve().WithServices<DirectionsLoader, ApplicationRegionLoader>().ResolveAsync((c, directions, regions) => directions.LoadAsync(c, InRegion(c, regions)));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<Documents.IssuedDocumentGraphType>>>>("documents")
            .Description("Общие документы: issued to the applicant, oldest first.")
            .Resolve().WithServices<DocumentsLoader, ApplicationRegionLoader>().ResolveAsync((c, documents, regions) => documents.LoadAsync(c, InRegion(c, regions)));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<HistoryEntryGraphType>>>>("history")
            .Resolve().WithServices<HistoryLoader, ApplicationRegionLoader>().ResolveAsync((c, history, regions) => history.LoadAsync(c, InRegion(c, regions)));

        // Benefits and the explained position.
        Field<Benefits.BenefitClaimGraphType>("benefitClaim").Description("The claimed benefit and its document; null when none is claimed.")
            .Resolve(c => c.Source.ClaimedBenefit == BenefitCategory.None ? null : c.Source);
        Field<Benefits.ConfirmedBenefitGraphType>("benefit").Description("The confirmed benefit with its evidence and last day; null when none is in force.")
            .Resolve(c => c.Source.Benefit == BenefitCategory.None ? null : c.Source);
        Field<Benefits.QueueAheadGraphType>("queueAhead").Description("How many stand ahead by category (counts only); null when not in the queue.")
            .Resolve().WithService<QueuePositionLoader>()
            .ResolveAsync((c, positions) => c.Source.InQueue ? positions.LoadAsync(c, c.Source, p => p?.Ahead) : NotInQueue);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<Benefits.PastQueueNumberGraphType>>>>("pastQueueNumbers")
            .Description("The queue number 30, 90 and 365 days ago, from the history (docs/decisions/0012).")
            .Resolve().WithService<PastQueueNumbersLoader>()
            .ResolveAsync((c, past) => past.LoadAsync(c, Kezek.Workflows.Queue.QueueKey.Of(c.Source)));
        Field<Forecast.WaitingForecastGraphType>("waitingForecast")
            .Description("How long this child will likely still wait for a direction, with those before it in the queue ahead. "
                + Forecast.WaitingForecastGraphType.Interval + " Null when not in the queue or the queue has no turns in the past 36 months.")
            .Resolve().WithService<WaitingForecastLoader>()
            .ResolveAsync((c, forecasts) => c.Source.InQueue ? forecasts.LoadAsync(c, c.Source) : NotInQueue);
    }

    /// <summary>The application's id, with its region primed for the times of the records listed under it.</summary>
    private static long InRegion(IResolveFieldContext<Application> context, ApplicationRegionLoader regions)
    {
        regions.Prime(context, context.Source.Id, context.Source.RegionCode);
        return context.Source.Id;
    }
}
