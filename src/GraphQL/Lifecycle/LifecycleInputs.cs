using GraphQL.Types;
using Kezek.Core.Results;
using Kezek.GraphQL.Scalars;
using Kezek.Identity.Signatures;
using Kezek.Workflows.Actions;
using Kezek.Workflows.Choose;
using Kezek.Workflows.Extend;
using Kezek.Workflows.Revoke;
using Kezek.Workflows.Voucher;
using Kezek.Workflows.Withdraw;

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

    /// <summary>The command made with an identifier as the client wrote it; one that is not a GUID is INVALID_INPUT naming the field.</summary>
    protected static Result<TCommand> WithId<TCommand>(string? text, string field, Func<Guid, TCommand> command) =>
        Guid.TryParse(text, out var id) ? command(id) : Error.Of(ErrorCodes.InvalidInput, ("field", field));
}

/// <summary>A family action's input that becomes its use case's command once the signature held.</summary>
public abstract class FamilyActionInput<TCommand> : FamilyActionInput
{
    public abstract Result<TCommand> ToCommand(ActionSignature signature);
}

public sealed class ChooseKindergartenInput : FamilyActionInput<ChooseKindergarten>
{
    public override Result<ChooseKindergarten> ToCommand(ActionSignature signature) =>
        WithId(PlaceId, "placeId", placeId => new ChooseKindergarten(ApplicationNumber ?? "", placeId, signature));
}

public sealed class ExtendDirectionInput : FamilyActionInput<ExtendDirection>
{
    public override Result<ExtendDirection> ToCommand(ActionSignature signature) =>
        WithId(DirectionId, "directionId", directionId => new ExtendDirection(directionId, Until.GetValueOrDefault(), Reason ?? "", signature));
}

public sealed class RevokeDirectionInput : FamilyActionInput<RevokeDirection>
{
    public override Result<RevokeDirection> ToCommand(ActionSignature signature) =>
        WithId(DirectionId, "directionId", directionId => new RevokeDirection(directionId, Reason ?? "", signature));
}

public sealed class WithdrawApplicationInput : FamilyActionInput<WithdrawApplication>
{
    public override Result<WithdrawApplication> ToCommand(ActionSignature signature) => new WithdrawApplication(ApplicationNumber ?? "", Reason ?? "", signature);
}

public sealed class RefuseVoucherInput : FamilyActionInput<RefuseVoucher>
{
    public override Result<RefuseVoucher> ToCommand(ActionSignature signature) => new RefuseVoucher(ApplicationNumber ?? "", Reason ?? "", signature);
}

public sealed class ConfirmVoucherInput : FamilyActionInput<ConfirmVoucher>
{
    public override Result<ConfirmVoucher> ToCommand(ActionSignature signature) => new ConfirmVoucher(ApplicationNumber ?? "", signature);
}

public sealed class RestoreApplicationInput : FamilyActionInput<RestoreApplication>
{
    public override Result<RestoreApplication> ToCommand(ActionSignature signature) => new RestoreApplication(ApplicationNumber ?? "", signature);
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
