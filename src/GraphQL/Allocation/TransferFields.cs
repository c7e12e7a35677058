using GraphQL;
using GraphQL.MicrosoftDI;
using GraphQL.Types;
using Kezek.Core.Applications;
using Kezek.Core.Identity;
using Kezek.Core.Results;
using Kezek.GraphQL.Access;
using Kezek.GraphQL.Applications;
using Kezek.GraphQL.Errors;
using Kezek.GraphQL.Regions;
using Kezek.GraphQL.Signing;
using Kezek.Rules.RuleSets;
using Kezek.Workflows.Transfers;
using Kezek.Workflows.Windows;

namespace Kezek.GraphQL.Allocation;

public sealed class RequestTransferInputGraphType : InputObjectGraphType<RankKindergartensInput>
{
    public RequestTransferInputGraphType()
    {
        Name = "RequestTransferInput";
        Field(x => x.ApplicationNumber, type: typeof(NonNullGraphType<StringGraphType>));
        Field(x => x.KindergartenIds, type: typeof(NonNullGraphType<ListGraphType<NonNullGraphType<IdGraphType>>>))
            .Description("The kindergartens of the application's region to move to, first choice first, each with a group of the child's year, "
                + "never its own; at most the region's maxRankedKindergartens; an empty list withdraws the request.");
    }
}

public sealed class RunTransfersInput
{
    public string Region { get; set; } = "";
    public int GroupYear { get; set; }
}

public sealed class RunTransfersInputGraphType : InputObjectGraphType<RunTransfersInput>
{
    public RunTransfersInputGraphType()
    {
        Name = "RunTransfersInput";
        Field(x => x.Region, type: typeof(NonNullGraphType<StringGraphType>));
        Field(x => x.GroupYear, type: typeof(NonNullGraphType<IntGraphType>));
    }
}

public sealed class TransferRequestGraphType : ObjectGraphType<TransferRequestView>
{
    public TransferRequestGraphType()
    {
        Name = "TransferRequest";
        Description = "Заявка на перевод: the kindergartens an enrolled child's family asked to move to, first choice first.";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<KindergartenGraphType>>>>("kindergartens").Resolve(c => c.Source.Kindergartens);
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("requestedAt").Description("When the family signed it, in the region's time zone.")
            .Resolve().WithService<RuleSetCatalog>().Resolve((c, rules) => RegionTime.Local(rules, c.Source.RegionCode, c.Source.RequestedAt));
    }
}

public sealed class RunTransfersPayloadGraphType : ObjectGraphType<AllocationRunView>
{
    public RunTransfersPayloadGraphType()
    {
        Name = "RunTransfersPayload";
        Field<NonNullGraphType<AllocationRunGraphType>>("run").Description("The transfer run, with every family's outcome.").Resolve(c => c.Source);
    }
}

/// <summary>Transfers (перевод, docs/allocation.md): the family's signed request, and the run the region's operator starts.</summary>
internal static class TransferFields
{
    public static void AddMutations(ObjectGraphType mutation)
    {
        SignedFields.FamilyAction<RequestTransferInputGraphType, RankKindergartensInput, RequestTransferHandler>(mutation, "requestTransfer",
            "The family of an enrolled child asks to move it to kindergartens of its region, first choice first, signed with the SIGN key; the "
            + "request replaces the one before, an empty one withdraws it. Each transfer run moves the child to the best of them it can have "
            + "(exchanges between families and free seats), never anywhere worse than its seat. The signed document repeats <kindergartenIds> in "
            + "the order asked for.",
            (_, input) => input.ActionFields(),
            (handler, input, _, signature, token) => input.KindergartenGuids() is { } ids
                ? handler.HandleAsync(new RequestTransfer(input.ApplicationNumber, ids, signature), token)
                : Task.FromResult<Result<Application>>(Error.Of(ErrorCodes.InvalidInput, ("field", "kindergartenIds"))));

        mutation.Field<NonNullGraphType<RunTransfersPayloadGraphType>>("runTransfers")
            .Description("A transfer run for a region and group year, by the region's operators and administrators: exchanges between the "
                + "families that asked (top trading cycles) and the kindergartens' free seats, in queue order; all moves commit together. "
                + "Recorded as an allocation run (mode \"transfer\") with its public extract.")
            .Argument<NonNullGraphType<RunTransfersInputGraphType>>("input")
            .Access(AccessRequirement.Roles(Role.Operator, Role.Administrator))
            .Resolve().WithServices<RunTransfersHandler, AllocationReads>()
            .ResolveAsync(async (c, handler, reads) =>
            {
                var input = c.GetArgument<RunTransfersInput>("input");
                var viewer = c.RequireViewer();
                var runId = (await handler.HandleAsync(new RunTransfers(input.Region, input.GroupYear, viewer), c.CancellationToken)).OrThrow(c);
                return (await reads.RunAsync(runId, viewer, c.CancellationToken)).OrThrow(c);
            });
    }
}
