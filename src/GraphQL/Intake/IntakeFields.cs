using GraphQL.MicrosoftDI;
using GraphQL.Types;
using GraphQL;
using Kezek.Core.Applications;
using Kezek.Core.Identity;
using Kezek.Core.Regions;
using Kezek.Core.Results;
using Kezek.Core.Words;
using Kezek.GraphQL.Access;
using Kezek.GraphQL.Applications;
using Kezek.GraphQL.Errors;
using Kezek.GraphQL.Lifecycle;
using Kezek.GraphQL.Places;
using Kezek.GraphQL.Regions;
using Kezek.GraphQL.Scalars;
using Kezek.Rules.RuleSets;
using Kezek.Workflows.Enroll;
using Kezek.Workflows.Intake;

namespace Kezek.GraphQL.Intake;

public sealed class IntakeChildGraphType : ObjectGraphType<IntakeDirection>
{
    public IntakeChildGraphType()
    {
        Name = "IntakeChild";
        Description = "The child as intake needs it: name, birth date and group year.";
        Field<NonNullGraphType<StringGraphType>>("fullName").Resolve(c => c.Source.ChildFullName);
        Field<NonNullGraphType<CalendarDateGraphType>>("birthDate").Resolve(c => c.Source.ChildBirthDate);
        Field<NonNullGraphType<IntGraphType>>("groupYear").Resolve(c => c.Source.GroupYear);
    }
}

public sealed class IntakeContactGraphType : ObjectGraphType<IntakeDirection>
{
    public IntakeContactGraphType()
    {
        Name = "IntakeContact";
        Description = "How the kindergarten reaches the family: the applicant's name, phone and e-mail.";
        Field<NonNullGraphType<StringGraphType>>("fullName").Resolve(c => c.Source.ApplicantFullName);
        Field<NonNullGraphType<StringGraphType>>("phone").Resolve(c => c.Source.ApplicantPhone);
        Field<NonNullGraphType<StringGraphType>>("email").Resolve(c => c.Source.ApplicantEmail);
    }
}

/// <summary>
/// A direction as the kindergarten's staff see it: only what intake needs. Never the application, its history, its
/// signed XML, its documents or its place in the queue.
/// </summary>
public sealed class IntakeDirectionGraphType : ObjectGraphType<IntakeDirection>
{
    public IntakeDirectionGraphType()
    {
        Name = "IntakeDirection";
        Description = "A direction to a kindergarten as its staff see it at intake: the child, the direction and the applicant's contact.";
        Field<NonNullGraphType<IdGraphType>>("id").Description("The direction's id (for enrollChild and refuseEnrollment).").Resolve(c => c.Source.DirectionId);
        Field<NonNullGraphType<DirectionStatusGraphType>>("status").Resolve(c => c.Source.Status);
        Field<NonNullGraphType<StringGraphType>>("statusName").Description("The status in the reader's language (Accept-Language).")
            .Resolve().WithService<IWordCatalog>().Resolve((c, words) => words.DirectionStatusName(c.Source.Status, c.Kezek().Language));
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("issuedAt")
            .Resolve().WithService<RuleSetCatalog>().Resolve((c, rules) => RegionTime.Local(rules, c.Source.RegionCode, c.Source.IssuedAt));
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("expiresAt").Description("The end of the last day to be enrolled.")
            .Resolve().WithService<RuleSetCatalog>().Resolve((c, rules) => RegionTime.Local(rules, c.Source.RegionCode, c.Source.ExpiresAt));
        Field<NonNullGraphType<CalendarDateGraphType>>("lastDayToEnrol").Description("The last day the child may be enrolled, in the region's time zone.")
            .Resolve().WithService<RuleSetCatalog>()
            .Resolve((c, rules) => DateOnly.FromDateTime(RegionTime.Local(rules, c.Source.RegionCode, c.Source.ExpiresAt).AddTicks(-1).DateTime));
        Field<DateTimeOffsetGraphType>("endedAt").Description("When it was enrolled, expired, revoked or refused.")
            .Resolve().WithService<RuleSetCatalog>()
            .Resolve((c, rules) => c.Source.EndedAt is { } ended ? RegionTime.Local(rules, c.Source.RegionCode, ended) : (DateTimeOffset?)null);
        Field<NonNullGraphType<LanguageGraphType>>("language").Description("The language of instruction of the seat.").Resolve(c => c.Source.Language);
        Field<NonNullGraphType<IntakeChildGraphType>>("child").Resolve(c => c.Source);
        Field<NonNullGraphType<IntakeContactGraphType>>("applicant").Resolve(c => c.Source);
    }
}

internal static class IntakeFields
{
    private static readonly AccessRequirement IntakeStaff = AccessRequirement.Roles(Role.KindergartenStaff, Role.Operator, Role.Administrator);

    public static void AddQueries(ObjectGraphType query) =>
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<IntakeDirectionGraphType>>>>("kindergartenDirections")
            .Description("Приём детей: the directions to a kindergarten (of one status, or all), the last day to enrol first; for its staff and the region's operators.")
            .Argument<NonNullGraphType<IdGraphType>>("kindergartenId")
            .Argument<DirectionStatusGraphType>("status")
            .Access(IntakeStaff)
            .Resolve().WithService<ListKindergartenDirectionsHandler>()
            .ResolveAsync(async (c, handler) => (await handler.HandleAsync(new ListKindergartenDirections(
                c.GuidArgument("kindergartenId"), c.GetArgument<DirectionStatus?>("status"), c.RequireViewer()), c.CancellationToken)).OrThrow(c));

    public static void AddMutations(ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<DirectionPayloadGraphType>>("enrollChild")
            .Description("Зачисление: staff of the direction's kindergarten (or an operator of its region) enrol the child. Staff get `intake`, not the application.")
            .Argument<NonNullGraphType<IdGraphType>>("directionId")
            .Access(IntakeStaff)
            .Resolve().WithService<EnrollChildHandler>()
            .ResolveAsync(async (c, handler) => Payload((await handler.HandleAsync(
                new EnrollChild(c.GuidArgument("directionId"), c.RequireViewer()), c.CancellationToken)).OrThrow(c)));

        mutation.Field<NonNullGraphType<DirectionPayloadGraphType>>("refuseEnrollment")
            .Description("Отказ в зачислении: the child did not come or brought no documents. The direction ends as an expiry does (stop-list, or removal at the second); the family is told the reason.")
            .Argument<NonNullGraphType<IdGraphType>>("directionId")
            .Argument<NonNullGraphType<StringGraphType>>("reason")
            .Access(IntakeStaff)
            .Resolve().WithService<RefuseEnrollmentHandler>()
            .ResolveAsync(async (c, handler) => Payload((await handler.HandleAsync(
                new RefuseEnrollment(c.GuidArgument("directionId"), c.GetArgument<string>("reason"), c.RequireViewer()), c.CancellationToken)).OrThrow(c)));
    }

    private static DirectionPayload Payload(IntakeOutcome outcome) =>
        new(outcome.MayReadApplication ? outcome.Done.Application : null, outcome.Done.Direction, outcome.Intake);
}
