using GraphQL;
using GraphQL.MicrosoftDI;
using GraphQL.Types;
using Kezek.Core.Identity;
using Kezek.GraphQL.Access;
using Kezek.GraphQL.Applications;
using Kezek.GraphQL.Errors;
using Kezek.GraphQL.Signing;
using Kezek.Identity.Signatures;
using Kezek.Workflows.Actions;
using Kezek.Workflows.RegionMove;

namespace Kezek.GraphQL.Corrections;

/// <summary>A move to another region: the application, the region, and (for the operator's move) the reason; all signed.</summary>
public sealed class RegionMoveInput
{
    public string ApplicationNumber { get; set; } = "";
    public string TargetRegion { get; set; } = "";
    public string? Reason { get; set; }

    public IEnumerable<ActionField> ActionFields() => Reason is null
        ? [new("applicationNumber", ApplicationNumber), new("targetRegion", TargetRegion)]
        : [new("applicationNumber", ApplicationNumber), new("targetRegion", TargetRegion), new("reason", Reason)];
}

public sealed class ConsentToRegionMoveInputGraphType : InputObjectGraphType<RegionMoveInput>
{
    public ConsentToRegionMoveInputGraphType()
    {
        Name = "ConsentToRegionMoveInput";
        Field(x => x.ApplicationNumber, type: typeof(NonNullGraphType<StringGraphType>));
        Field(x => x.TargetRegion, type: typeof(NonNullGraphType<StringGraphType>)).Description("The code of the region the family moves to.");
    }
}

public sealed class MoveToRegionInputGraphType : InputObjectGraphType<RegionMoveInput>
{
    public MoveToRegionInputGraphType()
    {
        Name = "MoveToRegionInput";
        Field(x => x.ApplicationNumber, type: typeof(NonNullGraphType<StringGraphType>));
        Field(x => x.TargetRegion, type: typeof(NonNullGraphType<StringGraphType>)).Description("The region the family consented to.");
        Field(x => x.Reason, type: typeof(NonNullGraphType<StringGraphType>));
    }
}

/// <summary>
/// Перевод в другой регион: the family consents (signed with a parent's SIGN key), then the operator of the application's
/// region moves it (signed with the operator's SIGN key), answering the new application.
/// </summary>
internal static class RegionMoveFields
{
    public static void AddMutations(ObjectGraphType mutation)
    {
        SignedFields.FamilyAction<ConsentToRegionMoveInputGraphType, RegionMoveInput, ConsentToRegionMoveHandler>(mutation, "consentToRegionMove",
            "Согласие на перевод в другой регион, by the applicant or an attached parent, signed: the region's operator may then "
            + "move the queued application there within 30 days (moveToRegion). Nothing moves yet.",
            (_, input) => input.ActionFields(),
            (handler, input, _, signature, token) =>
                handler.HandleAsync(new ConsentToRegionMove(input.ApplicationNumber, input.TargetRegion, signature), token));

        SignedFields.OperatorAction<MoveToRegionInputGraphType, RegionMoveInput, MoveToRegionHandler>(mutation, "moveToRegion",
            "Перевод в другой регион by an operator of the application's region, with the family's consent to that region (consentToRegionMove) "
            + "and a reason. Signed. The application ends as Moved (status WITHDRAWN) and goes on there as a new application, with its "
            + "queued-at time where that region's rules keep it (keepQueuedAtOnMove); answers the new application.",
            (_, input) => input.ActionFields(),
            (handler, input, viewer, signature, token) =>
                handler.HandleAsync(new MoveToRegion(input.ApplicationNumber, input.TargetRegion, input.Reason ?? "", viewer, signature), token));
    }
}
