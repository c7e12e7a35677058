using GraphQL;
using GraphQL.MicrosoftDI;
using GraphQL.Types;
using Kezek.Core.Applications;
using Kezek.Core.Identity;
using Kezek.Core.Results;
using Kezek.GraphQL.Access;
using Kezek.GraphQL.Applications;
using Kezek.GraphQL.Errors;
using Kezek.Identity.Signatures;
using Kezek.Workflows.Actions;

namespace Kezek.GraphQL.Signing;

/// <summary>What the signed mutations share: the enum spellings the signed document carries, and the actions on one application.</summary>
internal static class SignedFields
{
    /// <summary>An enum value as GraphQL writes it (e.g. OUT_OF_TURN), from the schema itself.</summary>
    public static string EnumName(IResolveFieldContext context, object value)
    {
        var type = context.Schema.AllTypes.OfType<EnumerationGraphType>()
            .Single(t => t.Values.Any(v => v.Value?.GetType() == value.GetType()));
        return type.Values.Single(v => Equals(v.Value, value)).Name;
    }

    /// <summary>
    /// An action of the region's operator on one application, signed with the operator's SIGN key exactly like a family's:
    /// the signature, the signer (the signed-in operator), the fields and the nonce are checked, and the change and the nonce
    /// commit together. Answers the application.
    /// </summary>
    public static void OperatorAction<TInputGraph, TInput, THandler>(ObjectGraphType mutation, string name, string description,
        Func<IResolveFieldContext, TInput, IEnumerable<ActionField>> fields,
        Func<THandler, TInput, Viewer, ActionSignature, CancellationToken, Task<Result<Application>>> act)
        where TInputGraph : InputObjectGraphType<TInput>
        where THandler : notnull =>
        ApplicationAction<TInputGraph, TInput, THandler>(mutation, name, description, Role.Operator, fields, act);

    /// <summary>
    /// An action of the applicant or an attached parent on their application, signed with a parent's SIGN key: the same
    /// checks, the change and the nonce committing together. Answers the application.
    /// </summary>
    public static void FamilyAction<TInputGraph, TInput, THandler>(ObjectGraphType mutation, string name, string description,
        Func<IResolveFieldContext, TInput, IEnumerable<ActionField>> fields,
        Func<THandler, TInput, Viewer, ActionSignature, CancellationToken, Task<Result<Application>>> act)
        where TInputGraph : InputObjectGraphType<TInput>
        where THandler : notnull =>
        ApplicationAction<TInputGraph, TInput, THandler>(mutation, name, description, Role.Applicant, fields, act);

    private static void ApplicationAction<TInputGraph, TInput, THandler>(ObjectGraphType mutation, string name, string description, Role role,
        Func<IResolveFieldContext, TInput, IEnumerable<ActionField>> fields,
        Func<THandler, TInput, Viewer, ActionSignature, CancellationToken, Task<Result<Application>>> act)
        where TInputGraph : InputObjectGraphType<TInput>
        where THandler : notnull =>
        mutation.Field<NonNullGraphType<ApplicationPayloadGraphType>>(name)
            .Description(description)
            .Argument<NonNullGraphType<TInputGraph>>("input")
            .Argument<NonNullGraphType<StringGraphType>>("signedXml")
            .Access(AccessRequirement.Roles(role))
            .Resolve().WithServices<SignedActions, THandler>()
            .ResolveAsync(async (c, signedActions, handler) =>
            {
                var input = c.GetArgument<TInput>("input");
                var viewer = c.RequireViewer();
                return (await signedActions.PerformAsync(c.GetArgument<string>("signedXml"), name, fields(c, input), viewer,
                    (signed, spendNonce, token) => act(handler, input, viewer, new ActionSignature(signed.Signer, signed.SignedXml, spendNonce, signed.RevocationEvidence), token),
                    c.CancellationToken)).OrThrow(c);
            });
}
