using GraphQL;
using GraphQL.MicrosoftDI;
using GraphQL.Types;
using Kezek.Core.Identity;
using Kezek.Core.Results;
using Kezek.Core.Words;
using Kezek.GraphQL.Access;
using Kezek.GraphQL.Applications;
using Kezek.GraphQL.Errors;
using Kezek.Identity.Signatures;
using Kezek.Workflows.Actions;
using Kezek.Workflows.Choose;
using Kezek.Workflows.Extend;
using Kezek.Workflows.Lifecycle;
using Kezek.Workflows.Revoke;
using Kezek.Workflows.Voucher;
using Kezek.Workflows.Withdraw;

namespace Kezek.GraphQL.Lifecycle;

/// <summary>
/// What a direction's action answers. A family and the region's operators get the application; a kindergarten's staff get
/// only <see cref="Intake"/> (the application is null for them: they never see its history, signed XML or documents).
/// </summary>
public sealed record DirectionPayload(Kezek.Core.Applications.Application? Application, Kezek.Core.Applications.Direction? Direction,
    Kezek.Workflows.Intake.IntakeDirection? Intake)
{
    public static DirectionPayload Of(Transitioned done) => new(done.Application, done.Direction, null);
}

public sealed class DirectionPayloadGraphType : ObjectGraphType<DirectionPayload>
{
    public DirectionPayloadGraphType()
    {
        Name = "DirectionPayload";
        Field<DirectionGraphType>("direction").Description("Null when the chosen kindergarten had no free seat and the child was put on its waiting list (voucher regions).")
            .Resolve(c => c.Source.Direction);
        Field<ApplicationGraphType>("application")
            .Description("The application; null for a kindergarten's staff, who see only `intake`.")
            .Resolve(c => c.Source.Application);
        Field<Intake.IntakeDirectionGraphType>("intake")
            .Description("The direction as intake sees it (enrollChild, refuseEnrollment); null for a family's actions.")
            .Resolve(c => c.Source.Intake);
    }
}

public sealed class AvailableActionGraphType : ObjectGraphType<AvailableAction>
{
    public AvailableActionGraphType()
    {
        Name = "AvailableAction";
        Description = "An action the portal may offer: the mutation, whether the viewer may take it now, and if not, why.";
        Field<NonNullGraphType<StringGraphType>>("action").Description("The mutation's name, e.g. chooseKindergarten.").Resolve(c => c.Source.Action);
        Field<NonNullGraphType<BooleanGraphType>>("allowed").Resolve(c => c.Source.Allowed);
        Field<StringGraphType>("code").Description("Why not, as an error code; null when allowed.").Resolve(c => c.Source.Refusal?.Code);
        Field<StringGraphType>("message").Description("Why not, in the reader's language.")
            .Resolve().WithService<IWordCatalog>()
            .Resolve((c, words) => c.Source.Refusal is { } refusal ? words.Format(refusal.Code, c.Kezek().Language, refusal.Arguments) : null);
    }
}

public sealed class WorkflowStateGraphType : ObjectGraphType<StateDefinition>
{
    public WorkflowStateGraphType()
    {
        Name = "WorkflowState";
        Field<NonNullGraphType<StringGraphType>>("name").Resolve(c => c.Source.Name);
        Field<NonNullGraphType<ApplicationStatusGraphType>>("status").Resolve(c => c.Source.PublicStatus);
        Field<StringGraphType>("timerTrigger").Resolve(c => c.Source.Timer?.Trigger);
        Field<StringGraphType>("timerAt").Description("The deadline rule (or fact) that sets the timer.").Resolve(c => c.Source.Timer?.At);
    }
}

public sealed class WorkflowGraphType : ObjectGraphType<ActiveWorkflow>
{
    public WorkflowGraphType()
    {
        Name = "Workflow";
        Description = "A region's lifecycle as data (workflows/<name>.json), and its picture.";
        Field<NonNullGraphType<StringGraphType>>("name").Resolve(c => c.Source.Definition.Name);
        Field<NonNullGraphType<IntGraphType>>("version").Resolve(c => c.Source.Version);
        Field<NonNullGraphType<StringGraphType>>("description").Resolve(c => c.Source.Definition.Description);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<WorkflowStateGraphType>>>>("states").Resolve(c => c.Source.Definition.States);
        Field<NonNullGraphType<StringGraphType>>("mermaid").Description("A Mermaid state diagram; guards are written on the arrows.")
            .Resolve(c => WorkflowMachine.Mermaid(c.Source.Definition));
        Field<NonNullGraphType<StringGraphType>>("json").Resolve(c => c.Source.Definition.Json);
    }
}

public sealed class WorkflowProblemGraphType : ObjectGraphType<Kezek.Rules.ArtefactProblem>
{
    public WorkflowProblemGraphType()
    {
        Name = "WorkflowProblem";
        Field<NonNullGraphType<StringGraphType>>("code").Resolve(c => c.Source.Code);
        Field<NonNullGraphType<StringGraphType>>("where").Description("E.g. transitions[3] or states.Notified.").Resolve(c => c.Source.Where);
        Field<NonNullGraphType<StringGraphType>>("message").Resolve(c => c.Source.Message);
    }
}

public sealed class WorkflowValidationGraphType : ObjectGraphType<IReadOnlyList<Kezek.Rules.ArtefactProblem>>
{
    public WorkflowValidationGraphType()
    {
        Name = "WorkflowValidation";
        Field<NonNullGraphType<BooleanGraphType>>("valid").Resolve(c => c.Source.Count == 0);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<WorkflowProblemGraphType>>>>("problems").Resolve(c => c.Source);
    }
}

public sealed class WorkflowVersionGraphType : ObjectGraphType<Kezek.Core.Lifecycle.WorkflowVersion>
{
    public WorkflowVersionGraphType()
    {
        Name = "WorkflowVersion";
        Field<NonNullGraphType<StringGraphType>>("name").Resolve(c => c.Source.Name);
        Field<NonNullGraphType<IntGraphType>>("version").Resolve(c => c.Source.Version);
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("activatedAt").Resolve(c => Kezek.Core.Regions.KazakhstanTime.ToLocal(c.Source.ActivatedAt));
        Field<NonNullGraphType<StringGraphType>>("activatedBy").Description("The IIN of who activated it, or \"system\" for the seeded files.")
            .Resolve(c => c.Source.ActivatedByIin);
        Field<NonNullGraphType<StringGraphType>>("reason").Resolve(c => c.Source.Reason);
    }
}

internal static class LifecycleFields
{
    private static readonly AccessRequirement WorkflowEditors = AccessRequirement.Roles(Role.PolicyOfficer, Role.Administrator);

    public static void AddQueries(ObjectGraphType query) =>
        query.Field<NonNullGraphType<WorkflowGraphType>>("workflow")
            .Description("The lifecycle a region runs (public: the rules of the game are no secret).")
            .Argument<NonNullGraphType<StringGraphType>>("region")
            .Access(AccessRequirement.Public)
            .Resolve().WithService<ReadRegionWorkflowHandler>()
            .ResolveAsync(async (c, handler) => (await handler.HandleAsync(new ReadRegionWorkflow(c.GetArgument<string>("region")),
                c.CancellationToken)).OrThrow(c));

    public static void AddMutations(ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<WorkflowValidationGraphType>>("validateWorkflow")
            .Description("Checks a new version of a lifecycle without changing anything: names, reachability, and live applications in states it drops.")
            .Argument<NonNullGraphType<StringGraphType>>("name")
            .Argument<NonNullGraphType<StringGraphType>>("json")
            .Access(WorkflowEditors)
            .Resolve().WithService<ValidateWorkflowHandler>()
            .ResolveAsync(async (c, handler) => (await handler.HandleAsync(
                new ValidateWorkflow(c.GetArgument<string>("name"), c.GetArgument<string>("json"), c.RequireViewer()), c.CancellationToken)).OrThrow(c));

        mutation.Field<NonNullGraphType<WorkflowVersionGraphType>>("activateWorkflow")
            .Description("Validates and puts in force a new version of a lifecycle, here at once and within seconds on every instance; kept with who, when and why.")
            .Argument<NonNullGraphType<StringGraphType>>("name")
            .Argument<NonNullGraphType<StringGraphType>>("json")
            .Argument<NonNullGraphType<StringGraphType>>("reason")
            .Access(WorkflowEditors)
            .Resolve().WithService<ActivateWorkflowHandler>()
            .ResolveAsync(async (c, handler) => (await handler.HandleAsync(new ActivateWorkflow(c.GetArgument<string>("name"),
                c.GetArgument<string>("json"), c.GetArgument<string>("reason"), c.RequireViewer()), c.CancellationToken)).OrThrow(c));

        Signed<ChooseKindergartenInputGraphType, ChooseKindergartenInput, ChooseKindergarten, ChooseKindergartenHandler, DirectionPayloadGraphType>(
            mutation, "chooseKindergarten",
            "Выбор детского сада: takes the chosen seat (or an equal one of the same kindergarten) and issues the direction. Signed.");
        Signed<ExtendDirectionInputGraphType, ExtendDirectionInput, ExtendDirection, ExtendDirectionHandler, DirectionPayloadGraphType>(
            mutation, "extendDirection",
            "Продление направления: once, to a day no later than the region allows, with a reason. Signed.");
        Signed<RevokeDirectionInputGraphType, RevokeDirectionInput, RevokeDirection, RevokeDirectionHandler, DirectionPayloadGraphType>(
            mutation, "revokeDirection",
            "Отзыв направления: within the region's window after issue, with a reason; back to the original place in the queue. Signed.");
        Signed<WithdrawApplicationInputGraphType, WithdrawApplicationInput, WithdrawApplication, WithdrawApplicationHandler, ApplicationPayloadGraphType>(
            mutation, "withdrawApplication",
            "Снятие с очереди at the applicant's request, with a reason. Signed.");
        Signed<ConfirmVoucherInputGraphType, ConfirmVoucherInput, ConfirmVoucher, ConfirmVoucherHandler, ApplicationPayloadGraphType>(
            mutation, "confirmVoucher",
            "Voucher regions: confirm the voucher offered when the turn came. Signed.");
        Signed<RefuseVoucherInputGraphType, RefuseVoucherInput, RefuseVoucher, RefuseVoucherHandler, ApplicationPayloadGraphType>(
            mutation, "refuseVoucher",
            "Voucher regions: refuse the voucher; the application leaves the queue. Signed.");
        Signed<RestoreApplicationInputGraphType, RestoreApplicationInput, RestoreApplication, RestoreApplicationHandler, ApplicationPayloadGraphType>(
            mutation, "restoreApplication",
            "Voucher regions: restore an inactive application (once, within the region's days). Signed.");
    }

    /// <summary>
    /// A family's signed mutation: the signature, signer, fields and nonce are checked, then the input becomes the use
    /// case's command, and the action and the nonce commit together.
    /// </summary>
    private static void Signed<TInputGraph, TInput, TCommand, THandler, TPayload>(ObjectGraphType mutation, string name, string description)
        where TInputGraph : InputObjectGraphType<TInput>
        where TInput : FamilyActionInput<TCommand>
        where THandler : IFamilyActionHandler<TCommand>
        where TPayload : IGraphType =>
        mutation.Field<NonNullGraphType<TPayload>>(name)
            .Description(description)
            .Argument<NonNullGraphType<TInputGraph>>("input")
            .Argument<NonNullGraphType<StringGraphType>>("signedXml")
            .Access(AccessRequirement.Roles(Role.Applicant))
            .Resolve().WithServices<SignedActions, THandler>()
            .ResolveAsync(async (c, signedActions, handler) =>
            {
                var input = c.GetArgument<TInput>("input");
                var done = (await signedActions.PerformAsync(c.GetArgument<string>("signedXml"), name, input.ActionFields(), c.RequireViewer(),
                    async (signed, spendNonce, token) =>
                    {
                        var command = input.ToCommand(new ActionSignature(signed.Signer, signed.SignedXml, spendNonce, signed.RevocationEvidence));
                        return command.IsSuccess ? await handler.HandleAsync(command.Value, token) : command.Error!;
                    }, c.CancellationToken)).OrThrow(c);
                return typeof(TPayload) == typeof(ApplicationPayloadGraphType) ? done.Application : DirectionPayload.Of(done);
            });
}
