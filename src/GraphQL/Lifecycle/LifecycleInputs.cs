using GraphQL.Types;
using Kezek.Core.Results;
using Kezek.GraphQL.Scalars;
using Kezek.Identity.Signatures;
using Kezek.Workflows.Actions;
using Kezek.Workflows.Lifecycle;

namespace Kezek.GraphQL.Lifecycle;

/// <summary>
/// The input of a family's signed action: its fields as the action document must carry them, and the action it
/// asks for. Identifiers stay as the client wrote them, so that the signed text and the input compare exactly.
/// </summary>
public abstract class FamilyActionInput
{
    public string? ApplicationNumber { get; set; }
    public string? DirectionId { get; set; }
    public string? PlaceId { get; set; }
    public DateOnly? Until { get; set; }
    public string? Reason { get; set; }

    public abstract string Trigger { get; }

    public IEnumerable<ActionField> ActionFields()
    {
        if (ApplicationNumber is not null)
            yield return new("applicationNumber", ApplicationNumber);
        if (DirectionId is not null)
            yield return new("directionId", DirectionId);
        if (PlaceId is not null)
            yield return new("placeId", PlaceId);
        if (Until is { } until)
            yield return new("until", until.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        if (Reason is not null)
            yield return new("reason", Reason);
    }

    public Result<FamilyAction> ToAction(SignedAction action)
    {
        Guid? Id(string? text, string field, out Error? error)
        {
            error = null;
            if (text is null)
                return null;
            if (Guid.TryParse(text, out var id))
                return id;
            error = Error.Of(ErrorCodes.InvalidInput, ("field", field));
            return null;
        }

        var directionId = Id(DirectionId, "directionId", out var wrongDirection);
        var placeId = Id(PlaceId, "placeId", out var wrongPlace);
        if ((wrongDirection ?? wrongPlace) is { } wrong)
            return wrong;
        return new FamilyAction(Trigger, ApplicationNumber, directionId,
            new TransitionRequest(action.Signer, action.SignedXml, Reason, placeId, Until));
    }
}

public sealed class ChooseKindergartenInput : FamilyActionInput
{
    public override string Trigger => Triggers.Choose;
}

public sealed class ExtendDirectionInput : FamilyActionInput
{
    public override string Trigger => Triggers.Extend;
}

public sealed class RevokeDirectionInput : FamilyActionInput
{
    public override string Trigger => Triggers.Revoke;
}

public sealed class WithdrawApplicationInput : FamilyActionInput
{
    public override string Trigger => Triggers.Withdraw;
}

public sealed class ConfirmVoucherInput : FamilyActionInput
{
    public override string Trigger => Triggers.ConfirmVoucher;
}

public sealed class RefuseVoucherInput : FamilyActionInput
{
    public override string Trigger => Triggers.RefuseVoucher;
}

public sealed class RestoreApplicationInput : FamilyActionInput
{
    public override string Trigger => Triggers.Restore;
}

public sealed class ChooseKindergartenInputGraphType : InputObjectGraphType<ChooseKindergartenInput>
{
    public ChooseKindergartenInputGraphType()
    {
        Name = "ChooseKindergartenInput";
        Field(x => x.ApplicationNumber, type: typeof(NonNullGraphType<StringGraphType>));
        Field(x => x.PlaceId, type: typeof(NonNullGraphType<IdGraphType>)).Description("A placeId from freePlaces.");
    }
}

public sealed class ExtendDirectionInputGraphType : InputObjectGraphType<ExtendDirectionInput>
{
    public ExtendDirectionInputGraphType()
    {
        Name = "ExtendDirectionInput";
        Field(x => x.DirectionId, type: typeof(NonNullGraphType<IdGraphType>));
        Field(x => x.Until, type: typeof(NonNullGraphType<CalendarDateGraphType>)).Description("The last day the direction is valid (region time).");
        Field(x => x.Reason, type: typeof(NonNullGraphType<StringGraphType>));
    }
}

public sealed class RevokeDirectionInputGraphType : InputObjectGraphType<RevokeDirectionInput>
{
    public RevokeDirectionInputGraphType()
    {
        Name = "RevokeDirectionInput";
        Field(x => x.DirectionId, type: typeof(NonNullGraphType<IdGraphType>));
        Field(x => x.Reason, type: typeof(NonNullGraphType<StringGraphType>));
    }
}

public sealed class WithdrawApplicationInputGraphType : InputObjectGraphType<WithdrawApplicationInput>
{
    public WithdrawApplicationInputGraphType()
    {
        Name = "WithdrawApplicationInput";
        Field(x => x.ApplicationNumber, type: typeof(NonNullGraphType<StringGraphType>));
        Field(x => x.Reason, type: typeof(NonNullGraphType<StringGraphType>));
    }
}

public sealed class ConfirmVoucherInputGraphType : InputObjectGraphType<ConfirmVoucherInput>
{
    public ConfirmVoucherInputGraphType()
    {
        Name = "ConfirmVoucherInput";
        Field(x => x.ApplicationNumber, type: typeof(NonNullGraphType<StringGraphType>));
    }
}

public sealed class RefuseVoucherInputGraphType : InputObjectGraphType<RefuseVoucherInput>
{
    public RefuseVoucherInputGraphType()
    {
        Name = "RefuseVoucherInput";
        Field(x => x.ApplicationNumber, type: typeof(NonNullGraphType<StringGraphType>));
        Field(x => x.Reason, type: typeof(NonNullGraphType<StringGraphType>));
    }
}

public sealed class RestoreApplicationInputGraphType : InputObjectGraphType<RestoreApplicationInput>
{
    public RestoreApplicationInputGraphType()
    {
        Name = "RestoreApplicationInput";
        Field(x => x.ApplicationNumber, type: typeof(NonNullGraphType<StringGraphType>));
    }
}
