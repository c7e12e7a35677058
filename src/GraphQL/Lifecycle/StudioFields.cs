using GraphQL;
using GraphQL.MicrosoftDI;
using GraphQL.Types;
using Kezek.Core.Identity;
using Kezek.Core.Words;
using Kezek.GraphQL.Access;
using Kezek.GraphQL.Applications;
using Kezek.GraphQL.Errors;
using Kezek.GraphQL.Http;
using Kezek.Workflows.Lifecycle;
using Kezek.Workflows.RuleSets;
using Kezek.Workflows.Schemas;

namespace Kezek.GraphQL.Lifecycle;

public sealed class RuleValueKindGraphType : EnumerationGraphType<RuleValueKind>
{
    public RuleValueKindGraphType() => Name = "RuleValueKind";
}

public sealed class RuleValueDefinitionGraphType : ObjectGraphType<RuleValueDefinition>
{
    public RuleValueDefinitionGraphType()
    {
        Name = "RuleValueDefinition";
        Description = "A value every region's rule set defines (its GlobalParams): what a policy officer edits in a form.";
        Field<NonNullGraphType<StringGraphType>>("name").Resolve(c => c.Source.Name);
        Field<NonNullGraphType<RuleValueKindGraphType>>("kind").Resolve(c => c.Source.Kind);
        Field<IntGraphType>("min").Description("The least a whole number may be.").Resolve(c => c.Source.Min);
        Field<IntGraphType>("max").Description("The most a whole number may be.").Resolve(c => c.Source.Max);
        Field<StringGraphType>("default").Description("What a rule set without the value reads (values added later have one).")
            .Resolve(c => c.Source.Default);
        Field<ListGraphType<NonNullGraphType<StringGraphType>>>("choices")
            .Description("The only values a text value may take, when they are few (a form offers them as a choice); null for free text.")
            .Resolve(c => c.Source.Choices);
        Field<NonNullGraphType<StringGraphType>>("description").Description("What the value means, in the reader's language.")
            .Resolve(c => c.Kezek().Words.Find(WordSection.RuleValues, c.Source.Name, c.Kezek().Language) ?? c.Source.Name);
    }
}

public sealed class TriggerSourceGraphType : EnumerationGraphType<TriggerSource>
{
    public TriggerSourceGraphType() => Name = "TriggerSource";
}

public sealed class WorkflowTriggerGraphType : ObjectGraphType<WorkflowTrigger>
{
    public WorkflowTriggerGraphType()
    {
        Name = "WorkflowTrigger";
        Field<NonNullGraphType<StringGraphType>>("name").Resolve(c => c.Source.Name);
        Field<NonNullGraphType<StringGraphType>>("title").Description("The trigger as the history names it, in the reader's language.")
            .Resolve(c => c.Kezek().Words.Find(WordSection.Actions, c.Source.Name, c.Kezek().Language) ?? c.Source.Name);
        Field<NonNullGraphType<TriggerSourceGraphType>>("firedBy").Resolve(c => c.Source.FiredBy);
    }
}

public sealed class WorkflowActivityGraphType : ObjectGraphType<WorkflowActivity>
{
    public WorkflowActivityGraphType()
    {
        Name = "WorkflowActivity";
        Field<NonNullGraphType<StringGraphType>>("name").Resolve(c => c.Source.Name);
        Field<StringGraphType>("argument").Description("What its argument must be; null when it takes none.").Resolve(c => c.Source.Argument);
    }
}

public sealed class WorkflowPartsGraphType : ObjectGraphType<WorkflowParts>
{
    public WorkflowPartsGraphType()
    {
        Name = "WorkflowParts";
        Description = "What a lifecycle is built from: the lists the validator checks a workflow against.";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<WorkflowTriggerGraphType>>>>("triggers").Resolve(c => c.Source.Triggers);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("guards")
            .Description("Rules of every region's rule set that answer yes or no; a transition may name one, or its negation with \"!\".")
            .Resolve(c => c.Source.Guards);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("timerDeadlines")
            .Description("What a state's timer may fire at: a deadline rule, or a fact of the application or its direction.")
            .Resolve(c => c.Source.TimerDeadlines);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<WorkflowActivityGraphType>>>>("activities").Resolve(c => c.Source.Activities);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("notificationEvents")
            .Description("Events with their templates in Russian and Kazakh: what notify may name.").Resolve(c => c.Source.NotificationEvents);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ApplicationStatusGraphType>>>>("statuses").Resolve(c => c.Source.Statuses);
    }
}

public sealed class StateCountGraphType : ObjectGraphType<StateCount>
{
    public StateCountGraphType()
    {
        Name = "StateCount";
        Field<NonNullGraphType<StringGraphType>>("region").Resolve(c => c.Source.Region);
        Field<NonNullGraphType<StringGraphType>>("state").Resolve(c => c.Source.State);
        Field<NonNullGraphType<ApplicationStatusGraphType>>("status").Resolve(c => c.Source.Status);
        Field<NonNullGraphType<IntGraphType>>("count").Resolve(c => c.Source.Count);
    }
}

/// <summary>What Kezek Studio reads besides the rule sets and workflows themselves: the palette, the values' meaning, the live counts.</summary>
internal static class StudioFields
{
    private static readonly AccessRequirement Staff = AccessRequirement.Roles(Role.PolicyOfficer, Role.Administrator, Role.Operator);

    public static void AddQueries(ObjectGraphType query)
    {
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<RuleValueDefinitionGraphType>>>>("ruleValues")
            .Description("Public: the values every region's rule set defines, with their kind, range and meaning.")
            .Access(AccessRequirement.Public)
            .Resolve(_ => ListRuleValues.All());

        query.Field<NonNullGraphType<WorkflowPartsGraphType>>("workflowParts")
            .Description("Public: the triggers, guards, timer deadlines, activities, events and statuses a lifecycle is built from.")
            .Access(AccessRequirement.Public)
            .Resolve().WithService<ReadWorkflowPartsHandler>()
            .Resolve((_, handler) => handler.Handle());

        query.Field<NonNullGraphType<StringGraphType>>("ruleSetJsonSchema")
            .Description("Public: the JSON Schema (draft-07) of a region's rule set, as JSON text, for an editor's completion and checks.")
            .Access(AccessRequirement.Public)
            .Resolve(_ => ReadJsonSchemas.RuleSet());

        query.Field<NonNullGraphType<StringGraphType>>("workflowJsonSchema")
            .Description("Public: the JSON Schema (draft-07) of a lifecycle, as JSON text, for an editor's completion and checks.")
            .Access(AccessRequirement.Public)
            .Resolve(_ => ReadJsonSchemas.Workflow());

        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<StateCountGraphType>>>>("applicationsByState")
            .Description("Policy officers, administrators and operators: how many applications stand in each state of a lifecycle, per region running it.")
            .Argument<NonNullGraphType<StringGraphType>>("workflow")
            .Access(Staff)
            .Resolve().WithService<CountApplicationsByStateHandler>()
            .ResolveAsync(async (c, handler) => (await handler.HandleAsync(new CountApplicationsByState(c.GetArgument<string>("workflow")),
                c.CancellationToken)).OrThrow(c));

        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<WorkflowVersionGraphType>>>>("workflowHistory")
            .Description("Policy officers and administrators: every version of a lifecycle, newest first, with who, when and why.")
            .Argument<NonNullGraphType<StringGraphType>>("name")
            .Access(AccessRequirement.Roles(Role.PolicyOfficer, Role.Administrator))
            .Resolve().WithService<WorkflowVersions>()
            .ResolveAsync(async (c, versions) => await versions.HistoryAsync(c.GetArgument<string>("name"), c.CancellationToken));
    }
}
