using GraphQL.Types;
using Kezek.Core.Results;
using Kezek.GraphQL.Signing;
using Kezek.Identity.Signatures;
using Kezek.Workflows.Corrections;

namespace Kezek.GraphQL.Corrections;

/// <summary>An operator's correction of one application: its number and the reason, both signed.</summary>
public sealed class CorrectionInput
{
    public string ApplicationNumber { get; set; } = "";
    public string Reason { get; set; } = "";

    public IEnumerable<ActionField> ActionFields() => [new("applicationNumber", ApplicationNumber), new("reason", Reason)];
}

public sealed class RestoreToQueueInputGraphType : InputObjectGraphType<CorrectionInput>
{
    public RestoreToQueueInputGraphType()
    {
        Name = "RestoreToQueueInput";
        Field(x => x.ApplicationNumber, type: typeof(NonNullGraphType<StringGraphType>));
        Field(x => x.Reason, type: typeof(NonNullGraphType<StringGraphType>));
    }
}

public sealed class CorrectChildFromRegistryInputGraphType : InputObjectGraphType<CorrectionInput>
{
    public CorrectChildFromRegistryInputGraphType()
    {
        Name = "CorrectChildFromRegistryInput";
        Field(x => x.ApplicationNumber, type: typeof(NonNullGraphType<StringGraphType>));
        Field(x => x.Reason, type: typeof(NonNullGraphType<StringGraphType>));
    }
}

/// <summary>
/// The region's operator corrects an application, signed with the operator's SIGN key exactly like a benefit's decision
/// (<c>confirmBenefit</c>): the signature, the signer, the fields and the nonce are checked, and the change and the nonce
/// commit together.
/// </summary>
internal static class CorrectionFields
{
    public static void AddMutations(ObjectGraphType mutation)
    {
        SignedFields.OperatorAction<RestoreToQueueInputGraphType, CorrectionInput, OperatorRestoreHandler>(mutation, "restoreToQueue",
            "Восстановление в очереди by an operator of the application's region: a wrongly removed or withdrawn application goes back to "
            + "the queue at its original place (its queued-at time), with a reason. Signed.",
            (_, input) => input.ActionFields(),
            async (handler, input, viewer, signature, token) =>
            {
                var restored = await handler.HandleAsync(new OperatorRestore(input.ApplicationNumber, input.Reason, viewer, signature), token);
                return restored.IsSuccess ? restored.Value.Application : restored.Error!;
            });
        SignedFields.OperatorAction<CorrectChildFromRegistryInputGraphType, CorrectionInput, CorrectChildFromRegistryHandler>(mutation,
            "correctChildFromRegistry",
            "Исправление данных ребёнка by an operator of the application's region: the child's name is taken again from the civil "
            + "registry (the IIN, the birth date and the place in the queue stay), with a reason. Signed.",
            (_, input) => input.ActionFields(),
            (handler, input, viewer, signature, token) =>
                handler.HandleAsync(new CorrectChildFromRegistry(input.ApplicationNumber, input.Reason, viewer, signature), token));
    }
}
