using GraphQL;
using GraphQL.MicrosoftDI;
using GraphQL.Types;
using Kezek.Core.Applications;
using Kezek.Core.Identity;
using Kezek.Core.Words;
using Kezek.GraphQL.Access;
using Kezek.GraphQL.Errors;
using Kezek.GraphQL.Scalars;
using Kezek.Identity.Signatures;
using Kezek.Workflows.Attach;
using Kezek.Workflows.Contacts;
using Kezek.Workflows.Journal;
using Kezek.Workflows.Queue;
using Kezek.Workflows.Register;

namespace Kezek.GraphQL.Applications;

public sealed class ApplicationConnectionGraphType : ObjectGraphType<JournalPage>
{
    public ApplicationConnectionGraphType()
    {
        Name = "ApplicationConnection";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ApplicationGraphType>>>>("nodes").Resolve(c => c.Source.Items);
        Field<NonNullGraphType<IntGraphType>>("totalCount").Resolve(c => c.Source.TotalCount);
        Field<NonNullGraphType<PageInfoGraphType>>("pageInfo").Resolve(c => c.Source);
    }
}

public sealed class PageInfoGraphType : ObjectGraphType<JournalPage>
{
    public PageInfoGraphType()
    {
        Name = "PageInfo";
        Field<NonNullGraphType<BooleanGraphType>>("hasNextPage").Resolve(c => c.Source.HasNextPage);
        Field<StringGraphType>("endCursor").Description("Pass as `after` for the next page.").Resolve(c => c.Source.EndCursor);
    }
}

public sealed class QueuePositionGraphType : ObjectGraphType<PublicQueueEntry>
{
    public QueuePositionGraphType()
    {
        Name = "QueuePosition";
        Description = "A public answer: numbers and a masked name, nothing personal.";
        Field<NonNullGraphType<StringGraphType>>("applicationNumber").Resolve(c => c.Source.ApplicationNumber);
        Field<NonNullGraphType<StringGraphType>>("childName").Description("Masked: first letters only.").Resolve(c => c.Source.MaskedChildName);
        Field<NonNullGraphType<IntGraphType>>("groupYear").Resolve(c => c.Source.GroupYear);
        Field<IntGraphType>("queueNumber").Description("Null when the application is not waiting in the queue now (a direction was issued, inactive).")
            .Resolve(c => c.Source.Position?.QueueNumber);
        Field<IntGraphType>("benefitQueueNumber").Resolve(c => c.Source.Position?.BenefitQueueNumber);
        Field<Benefits.QueueAheadGraphType>("ahead").Description("How many stand ahead by category: counts only; null when not waiting in the queue.")
            .Resolve(c => c.Source.Position?.Ahead);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<Benefits.PastQueueNumberGraphType>>>>("pastQueueNumbers")
            .Description("The queue number 30, 90 and 365 days ago, from the history (docs/decisions/0012).")
            .Resolve().WithService<Loaders.PastQueueNumbersLoader>().ResolveAsync((c, past) => past.LoadAsync(c, c.Source.Key));
    }
}

public sealed class ApplicationPayloadGraphType : ObjectGraphType<Application>
{
    public ApplicationPayloadGraphType()
    {
        Name = "ApplicationPayload";
        Field<NonNullGraphType<ApplicationGraphType>>("application").Resolve(c => c.Source);
    }
}

/// <summary>Attaching answers the application and, in the reader's language, that the kinship was confirmed (seed 002).</summary>
public sealed class AttachApplicationPayloadGraphType : ObjectGraphType<Application>
{
    public AttachApplicationPayloadGraphType()
    {
        Name = "AttachApplicationPayload";
        Field<NonNullGraphType<ApplicationGraphType>>("application").Resolve(c => c.Source);
        Field<NonNullGraphType<StringGraphType>>("message").Description("«Родство подтвердилось, данные успешно обновлены», in the reader's language (Accept-Language).")
            .Resolve().WithService<IWordCatalog>().Resolve((c, words) => words.SuccessMessage(SuccessMessages.Attached, c.Kezek().Language));
    }
}

/// <summary>The input of <c>updateApplicantContacts</c>.</summary>
public sealed class ApplicantContactsInput
{
    public string ApplicationNumber { get; set; } = "";
    public string? Address { get; set; }
    public string? AdditionalPhone { get; set; }
    public string? AdditionalEmail { get; set; }
}

public sealed class ApplicantContactsInputGraphType : InputObjectGraphType<ApplicantContactsInput>
{
    public ApplicantContactsInputGraphType()
    {
        Name = "ApplicantContactsInput";
        Field<NonNullGraphType<StringGraphType>>("applicationNumber");
        Field<StringGraphType>("address").Description("At most 500 characters.");
        Field<StringGraphType>("additionalPhone").Description("A Kazakhstan mobile number, as at registration.");
        Field<StringGraphType>("additionalEmail");
    }
}

internal static class ApplicationFields
{
    public static void AddQueries(ObjectGraphType query)
    {
        query.Field<NonNullGraphType<ApplicationConnectionGraphType>>("applications")
            .Description("Журнал заявлений: applicants see their own and attached applications, operators their region's. Sorted by any column (newest first by default), paged by keyset.")
            .Argument<ApplicationFilterGraphType>("filter")
            .Argument<ApplicationOrderGraphType>("orderBy")
            .Argument<IntGraphType>("first")
            .Argument<StringGraphType>("after")
            .Access(AccessRequirement.SignedInPerson)
            .Resolve().WithService<ApplicationJournal>()
            .ResolveAsync(async (c, journal) => (await journal.ReadAsync(c.RequireViewer(), c.GetArgument<JournalFilter?>("filter") ?? new JournalFilter(),
                c.GetArgument<int?>("first"), c.GetArgument<string?>("after"), c.CancellationToken,
                ApplicationOrderInput.Of(c.GetArgument<ApplicationOrderInput?>("orderBy")))).OrThrow(c));

        query.Field<NonNullGraphType<StringGraphType>>("applicationsCsv")
            .Description("The filtered journal as CSV for Excel (UTF-8 with BOM, ';' between columns, formulas neutralised), at most 50,000 rows; the region's operators and administrators; audited.")
            .Argument<ApplicationFilterGraphType>("filter")
            .Argument<ApplicationOrderGraphType>("orderBy")
            .Access(AccessRequirement.Roles(Role.Operator, Role.Administrator))
            .OncePerRequest()
            .Resolve().WithService<ExportJournalHandler>()
            .ResolveAsync(async (c, handler) => (await handler.HandleAsync(new ExportJournal(c.GetArgument<JournalFilter?>("filter") ?? new JournalFilter(),
                ApplicationOrderInput.Of(c.GetArgument<ApplicationOrderInput?>("orderBy")), c.Kezek().Language, c.RequireViewer()), c.CancellationToken)).OrThrow(c));

        query.Field<ApplicationGraphType>("application")
            .Argument<NonNullGraphType<StringGraphType>>("number")
            .Access(AccessRequirement.SignedInPerson)
            .Resolve().WithService<ReadApplicationHandler>()
            .ResolveAsync(async (c, handler) => (await handler.HandleAsync(new ReadApplication(c.GetArgument<string>("number"), c.RequireViewer()),
                c.CancellationToken)).OrThrow(c));

        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<QueuePositionGraphType>>>>("queuePosition")
            .Description("Public search of a queue number: by the child's IIN, or by full name and birth date.")
            .Argument<NonNullGraphType<StringGraphType>>("region")
            .Argument<StringGraphType>("childIin")
            .Argument<StringGraphType>("childFullName")
            .Argument<CalendarDateGraphType>("childBirthDate")
            .Access(AccessRequirement.Public)
            .OncePerRequest()
            .RateLimited(RatePolicy.PublicLookup)
            .Resolve().WithService<PublicQueueSearch>()
            .ResolveAsync(async (c, search) => (await search.FindAsync(c.GetArgument<string>("region"), c.GetArgument<string?>("childIin"),
                c.GetArgument<string?>("childFullName"), c.GetArgument<DateOnly?>("childBirthDate"), c.CancellationToken)).OrThrow(c));
    }

    public static void AddMutations(ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<ApplicationPayloadGraphType>>("registerApplication")
            .Description("Постановка на очередь, signed with the SIGN key (SPEC §4).")
            .Argument<NonNullGraphType<RegisterApplicationInputGraphType>>("input")
            .Argument<NonNullGraphType<StringGraphType>>("signedXml")
            .Access(AccessRequirement.Roles(Role.Applicant))
            .Resolve().WithServices<SignedActions, RegisterApplicationHandler>()
            .ResolveAsync(async (c, signedActions, handler) =>
            {
                var input = c.GetArgument<RegisterApplicationInput>("input");
                var signedXml = c.GetArgument<string>("signedXml");
                // The checks run once, and the nonce is spent in the registration's own transaction: a refusal leaves it unspent.
                return (await signedActions.PerformAsync(signedXml, "registerApplication", input.ActionFields(v => Signing.SignedFields.EnumName(c, v)),
                    c.RequireViewer(), (signed, spendNonce, token) => handler.HandleAsync(new RegisterApplication(input.Region, input.ChildIin,
                        input.BenefitCategory, input.Email, input.Phone, signed.Signer, signedXml, input.BenefitDocumentType, input.BenefitDocumentNumber,
                        signed.RevocationEvidence, spendNonce), token), c.CancellationToken)).OrThrow(c);
            });

        AddContactMutations(mutation);

        mutation.Field<NonNullGraphType<AttachApplicationPayloadGraphType>>("attachApplication")
            .Description("Привязка к ИИН родителя: the civil registry must confirm that the caller is the child's legal representative.")
            .Argument<NonNullGraphType<StringGraphType>>("childIin")
            .Access(AccessRequirement.Roles(Role.Applicant))
            .Resolve().WithService<AttachApplicationHandler>()
            .ResolveAsync(async (c, handler) => (await handler.HandleAsync(
                new AttachApplication(c.GetArgument<string>("childIin"), c.RequireViewer().AsApplicant()), c.CancellationToken)).OrThrow(c));
    }

    public static void AddContactMutations(ObjectGraphType mutation) =>
        mutation.Field<NonNullGraphType<ApplicationPayloadGraphType>>("updateApplicantContacts")
            .Description("The applicant's address and additional phone and e-mail (seed 000's card): by the applicant or an attached parent. An empty value clears one.")
            .Argument<NonNullGraphType<ApplicantContactsInputGraphType>>("input")
            .Access(AccessRequirement.Roles(Role.Applicant))
            .Resolve().WithService<UpdateApplicantContactsHandler>()
            .ResolveAsync(async (c, handler) =>
            {
                var input = c.GetArgument<ApplicantContactsInput>("input");
                return (await handler.HandleAsync(new UpdateApplicantContacts(input.ApplicationNumber, input.Address, input.AdditionalPhone,
                    input.AdditionalEmail, c.RequireViewer().AsApplicant()), c.CancellationToken)).OrThrow(c);
            });
}
