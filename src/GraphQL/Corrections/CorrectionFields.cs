using GraphQL;
using GraphQL.MicrosoftDI;
using GraphQL.Types;
using Kezek.Core.Identity;
using Kezek.GraphQL.Access;
using Kezek.GraphQL.Applications;
using Kezek.GraphQL.Errors;
using Kezek.Identity.Signatures;
using Kezek.Workflows.Actions;
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
        mutation.Field<NonNullGraphType<ApplicationPayloadGraphType>>("restoreToQueue")
            .Description("Восстановление в очереди by an operator of the application's region: a wrongly removed or withdrawn application goes back to "
                         + "the queue at its original place (its queued-at time), with a reason. Signed.")
            .Argument<NonNullGraphType<RestoreToQueueInputGraphType>>("input")
            .Argument<NonNullGraphType<StringGraphType>>("signedXml")
            .Access(AccessRequirement.Roles(Role.Operator))
            .Resolve().WithServices<SignedActions, OperatorRestoreHandler>()
            .ResolveAsync(async (c, signedActions, handler) =>
            {
                var input = c.GetArgument<CorrectionInput>("input");
                var viewer = c.RequireViewer();
                return (await signedActions.PerformAsync(c.GetArgument<string>("signedXml"), "restoreToQueue", input.ActionFields(), viewer,
                    (signed, spendNonce, token) => handler.HandleAsync(new OperatorRestore(input.ApplicationNumber, input.Reason, viewer,
                        new ActionSignature(signed.Signer, signed.SignedXml, spendNonce)), token),
                    c.CancellationToken)).OrThrow(c).Application;
            });

        mutation.Field<NonNullGraphType<ApplicationPayloadGraphType>>("correctChildFromRegistry")
            .Description("Исправление данных ребёнка by an operator of the application's region: the child's name is taken again from the civil "
                         + "registry (the IIN, the birth date and the place in the queue stay), with a reason. Signed.")
            .Argument<NonNullGraphType<CorrectChildFromRegistryInputGraphType>>("input")
            .Argument<NonNullGraphType<StringGraphType>>("signedXml")
            .Access(AccessRequirement.Roles(Role.Operator))
            .Resolve().WithServices<SignedActions, CorrectChildFromRegistryHandler>()
            .ResolveAsync(async (c, signedActions, handler) =>
            {
                var input = c.GetArgument<CorrectionInput>("input");
                var viewer = c.RequireViewer();
                return (await signedActions.PerformAsync(c.GetArgument<string>("signedXml"), "correctChildFromRegistry", input.ActionFields(), viewer,
                    (signed, spendNonce, token) => handler.HandleAsync(new CorrectChildFromRegistry(input.ApplicationNumber, input.Reason, viewer,
                        new ActionSignature(signed.Signer, signed.SignedXml, spendNonce)), token),
                    c.CancellationToken)).OrThrow(c);
            });
    }
}
