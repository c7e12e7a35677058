using System.Globalization;
using GraphQL.Types;
using Kezek.Core.Applications;
using Kezek.GraphQL.Applications;
using Kezek.GraphQL.Scalars;
using Kezek.GraphQL.Signing;
using Kezek.Identity.Signatures;
using Kezek.Workflows.Benefits;

namespace Kezek.GraphQL.Benefits;

public sealed class ConfirmBenefitInput
{
    public string ApplicationNumber { get; set; } = "";
    public BenefitCategory Category { get; set; }
    public string Evidence { get; set; } = "";
    public DateOnly? ValidUntil { get; set; }
    public string Reason { get; set; } = "";

    /// <summary>The fields as the signed action document must carry them (GraphQL names and spellings).</summary>
    public IEnumerable<ActionField> ActionFields(Func<object, string> enumName)
    {
        yield return new("applicationNumber", ApplicationNumber);
        yield return new("category", enumName(Category));
        yield return new("evidence", Evidence);
        if (ValidUntil is { } until)
            yield return new("validUntil", until.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        yield return new("reason", Reason);
    }
}

public sealed class RejectBenefitInput
{
    public string ApplicationNumber { get; set; } = "";
    public string Reason { get; set; } = "";

    public IEnumerable<ActionField> ActionFields() => [new("applicationNumber", ApplicationNumber), new("reason", Reason)];
}

public sealed class ConfirmBenefitInputGraphType : InputObjectGraphType<ConfirmBenefitInput>
{
    public ConfirmBenefitInputGraphType()
    {
        Name = "ConfirmBenefitInput";
        Field(x => x.ApplicationNumber, type: typeof(NonNullGraphType<StringGraphType>));
        Field(x => x.Category, type: typeof(NonNullGraphType<BenefitCategoryGraphType>)).Description("PRIORITY or OUT_OF_TURN.");
        Field(x => x.Evidence, type: typeof(NonNullGraphType<StringGraphType>)).Description("The document seen: its type, number, issuer, date.");
        Field(x => x.ValidUntil, type: typeof(CalendarDateGraphType)).Description("The benefit's last day (region time); omit when it does not lapse.");
        Field(x => x.Reason, type: typeof(NonNullGraphType<StringGraphType>));
    }
}

public sealed class RejectBenefitInputGraphType : InputObjectGraphType<RejectBenefitInput>
{
    public RejectBenefitInputGraphType()
    {
        Name = "RejectBenefitInput";
        Field(x => x.ApplicationNumber, type: typeof(NonNullGraphType<StringGraphType>));
        Field(x => x.Reason, type: typeof(NonNullGraphType<StringGraphType>));
    }
}

/// <summary>
/// The region's operator resolves a benefit claim, signed with the operator's SIGN key exactly like a family's action:
/// the signature, the signer (the signed-in operator), the fields and the nonce are checked, and the change and the
/// nonce commit together.
/// </summary>
internal static class BenefitFields
{
    public static void AddMutations(ObjectGraphType mutation)
    {
        SignedFields.OperatorAction<ConfirmBenefitInputGraphType, ConfirmBenefitInput, ConfirmBenefitHandler>(mutation, "confirmBenefit",
            "Подтверждение льготы by an operator of the application's region, from the evidence seen, with a reason. Signed.",
            (c, input) => input.ActionFields(v => SignedFields.EnumName(c, v)),
            (handler, input, viewer, signature, token) => handler.HandleAsync(new ConfirmBenefit(input.ApplicationNumber, input.Category,
                input.Evidence, input.ValidUntil, input.Reason, viewer, signature), token));
        SignedFields.OperatorAction<RejectBenefitInputGraphType, RejectBenefitInput, RejectBenefitHandler>(mutation, "rejectBenefit",
            "Отказ в льготе by an operator of the application's region, with a reason: the claim is cleared. Signed.",
            (_, input) => input.ActionFields(),
            (handler, input, viewer, signature, token) => handler.HandleAsync(new RejectBenefit(input.ApplicationNumber, input.Reason, viewer, signature),
                token));
    }
}
