using GraphQL.MicrosoftDI;
using GraphQL.Types;
using GraphQL;
using Kezek.Core.Identity;
using Kezek.Core.Regions;
using Kezek.GraphQL.Access;
using Kezek.GraphQL.Errors;
using Kezek.GraphQL.Regions;
using Kezek.Rules;
using Kezek.Rules.RuleSets;
using Kezek.Workflows.Regions;
using Kezek.Workflows.RuleSets;
using Microsoft.Extensions.DependencyInjection;

namespace Kezek.GraphQL.RuleSets;

public sealed class RuleSetProblemGraphType : ObjectGraphType<ArtefactProblem>
{
    public RuleSetProblemGraphType()
    {
        Name = "RuleSetProblem";
        Field<NonNullGraphType<StringGraphType>>("code").Resolve(c => c.Source.Code);
        Field<NonNullGraphType<StringGraphType>>("where").Description("E.g. GlobalParams.daysToChoose or Rules.AgeFitsGroup.").Resolve(c => c.Source.Where);
        Field<NonNullGraphType<StringGraphType>>("message").Resolve(c => c.Source.Message);
    }
}

public sealed class RuleSetCheckGraphType : ObjectGraphType<RuleSetCheck>
{
    public RuleSetCheckGraphType()
    {
        Name = "RuleSetValidation";
        Field<NonNullGraphType<BooleanGraphType>>("valid").Resolve(c => c.Source.IsValid);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<RuleSetProblemGraphType>>>>("problems").Resolve(c => c.Source.Problems);
    }
}

public sealed class RegionPolicyGraphType : ObjectGraphType<RegionPolicyView>
{
    public RegionPolicyGraphType()
    {
        Name = "RegionPolicy";
        Description = "The values of the rule set in force (its GlobalParams), under their rule names; public through regionPolicy.";
        Field<NonNullGraphType<StringGraphType>>("timeZone").Resolve(c => c.Source.Policy.TimeZoneId);
        Field<NonNullGraphType<StringGraphType>>("numberPrefix").Resolve(c => c.Source.Policy.NumberPrefix);
        Field<NonNullGraphType<StringGraphType>>("lifecycle").Resolve(c => c.Source.Policy.Lifecycle);
        Field<NonNullGraphType<IntGraphType>>("minAgeMonths").Resolve(c => c.Source.Policy.MinAgeMonths);
        Field<NonNullGraphType<IntGraphType>>("maxAgeMonths").Resolve(c => c.Source.Policy.MaxAgeMonths);
        Field<NonNullGraphType<IntGraphType>>("daysToChoose").Resolve(c => c.Source.Policy.DaysToChoose);
        Field<NonNullGraphType<IntGraphType>>("daysToAttend").Resolve(c => c.Source.Policy.DaysToAttend);
        Field<NonNullGraphType<IntGraphType>>("stopListDays").Resolve(c => c.Source.Policy.StopListDays);
        Field<NonNullGraphType<IntGraphType>>("expirationsBeforeRemoval").Resolve(c => c.Source.Policy.ExpirationsBeforeRemoval);
        Field<NonNullGraphType<IntGraphType>>("extensionsAllowed").Resolve(c => c.Source.Policy.ExtensionsAllowed);
        Field<NonNullGraphType<IntGraphType>>("extensionMaxDays").Resolve(c => c.Source.Policy.ExtensionMaxDays);
        Field<NonNullGraphType<IntGraphType>>("revokeWindowHours").Resolve(c => c.Source.Policy.RevokeWindowHours);
        Field<NonNullGraphType<IntGraphType>>("reminderHoursBeforeExpiry").Resolve(c => c.Source.Policy.ReminderHoursBeforeExpiry);
        Field<NonNullGraphType<IntGraphType>>("voucherConfirmDays").Resolve(c => c.Source.Policy.VoucherConfirmDays);
        Field<NonNullGraphType<IntGraphType>>("voucherRestoreDays").Resolve(c => c.Source.Policy.VoucherRestoreDays);
        Field<NonNullGraphType<IntGraphType>>("voucherContractDays").Resolve(c => c.Source.Policy.VoucherContractDays);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("notificationChannels").Resolve(c => c.Source.Policy.NotificationChannels.Select(channel => channel.Code));
        Field<NonNullGraphType<StringGraphType>>("queueOrder").Resolve(c => c.Source.Policy.QueueOrder.ToString());
        Field<NonNullGraphType<BooleanGraphType>>("keepQueuedAtOnMove")
            .Description("An application moved here from another region (with the family's consent) keeps its queued-at time; else it queues from the move.")
            .Resolve(c => c.Source.Policy.KeepQueuedAtOnMove);
        Field<NonNullGraphType<StringGraphType>>("allocation").Description("How queue seats find families: \"first-come\" or \"window\" (docs/allocation.md).")
            .Resolve(c => c.Source.Policy.Allocation);
        Field<NonNullGraphType<IntGraphType>>("windowMinutes").Description("How long a release window stays open (allocation \"window\").")
            .Resolve(c => c.Source.Policy.WindowMinutes);
        Field<NonNullGraphType<IntGraphType>>("maxRankedKindergartens").Description("How many kindergartens a family may rank.")
            .Resolve(c => c.Source.Policy.MaxRankedKindergartens);
        Field<Regions.SupportContactsGraphType>("support")
            .Description("The region's support contacts (regionPolicy); null under ruleSet, whose rule set may serve many regions.")
            .Resolve(c => c.Source.Support);
    }
}

public sealed class RuleSetVersionGraphType : ObjectGraphType<RuleSetVersion>
{
    public RuleSetVersionGraphType()
    {
        Name = "RuleSetVersion";
        Field<NonNullGraphType<StringGraphType>>("name").Description("The region's code, or \"default\".").Resolve(c => c.Source.RegionCode);
        Field<NonNullGraphType<IntGraphType>>("version").Resolve(c => c.Source.Version);
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("activatedAt").Description("In the region's time zone.")
            .Resolve().WithService<RuleSetCatalog>().Resolve((c, rules) => RegionTime.Local(rules, c.Source.RegionCode, c.Source.ActivatedAt));
        Field<NonNullGraphType<StringGraphType>>("activatedBy").Description("The officer's IIN, or \"system\" for the seeded files.")
            .Resolve(c => c.Source.ActivatedByIin);
        Field<NonNullGraphType<StringGraphType>>("reason").Resolve(c => c.Source.Reason);
        Field<NonNullGraphType<StringGraphType>>("json").Resolve(c => c.Source.Json);
    }
}

public sealed class RuleSetGraphType : ObjectGraphType<ActiveRuleSet>
{
    public RuleSetGraphType()
    {
        Name = "RuleSet";
        Description = "The rule set in force for a region: its own, or the default one.";
        Field<NonNullGraphType<StringGraphType>>("name").Resolve(c => c.Source.Name);
        Field<NonNullGraphType<IntGraphType>>("version").Resolve(c => c.Source.Version);
        Field<NonNullGraphType<RegionPolicyGraphType>>("policy").Resolve(c => new RegionPolicyView(c.Source.RuleSet.Policy, null));
        Field<NonNullGraphType<StringGraphType>>("json").Resolve(c => c.Source.RuleSet.Json);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<RuleSetVersionGraphType>>>>("history").Description("Newest first, with who, when and why.")
            .Resolve().WithService<RuleSetVersions>().ResolveAsync(async (c, versions) => await versions.HistoryAsync(c.Source.Name, c.CancellationToken));
    }
}

public sealed class DryRunExampleGraphType : ObjectGraphType<DryRunExample>
{
    public DryRunExampleGraphType()
    {
        Name = "RuleSetDryRunExample";
        Field<NonNullGraphType<StringGraphType>>("applicationNumber").Resolve(c => c.Source.ApplicationNumber);
        Field<NonNullGraphType<StringGraphType>>("what").Resolve(c => c.Source.What);
        Field<NonNullGraphType<StringGraphType>>("before").Resolve(c => c.Source.Before);
        Field<NonNullGraphType<StringGraphType>>("after").Resolve(c => c.Source.After);
    }
}

public sealed class DryRunReportGraphType : ObjectGraphType<DryRunReport>
{
    public DryRunReportGraphType()
    {
        Name = "RuleSetDryRun";
        Description = "What the rule set would change for live applications if activated now. Deadlines already given to parents are never shortened.";
        Field<NonNullGraphType<RuleSetCheckGraphType>>("validation").Resolve(c => c.Source.Check);
        Field<NonNullGraphType<IntGraphType>>("liveApplications").Resolve(c => c.Source.LiveApplications);
        Field<NonNullGraphType<IntGraphType>>("queueNumbersChanged").Resolve(c => c.Source.QueueNumbersChanged);
        Field<NonNullGraphType<IntGraphType>>("eligibilityChanged").Resolve(c => c.Source.EligibilityChanged);
        Field<NonNullGraphType<IntGraphType>>("runningDeadlinesKept")
            .Description("Applications with a deadline already given (a choice, attendance or voucher step under way): it stays as given.")
            .Resolve(c => c.Source.RunningDeadlinesKept);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<DryRunExampleGraphType>>>>("examples").Resolve(c => c.Source.Examples);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<DeadlineChangeGraphType>>>>("deadlineChanges")
            .Description("The deadlines a family would be given from now on that move, for a step starting now, before and after.")
            .Resolve(c => c.Source.DeadlineChanges);
    }
}

public sealed class DeadlineChangeGraphType : ObjectGraphType<DeadlineChange>
{
    public DeadlineChangeGraphType()
    {
        Name = "DeadlineChange";
        Field<NonNullGraphType<StringGraphType>>("rule").Description("The deadline rule, e.g. ChoiceDeadline.").Resolve(c => c.Source.Rule);
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("before").Description("For a step starting now, under the rule set in force (region time).")
            .Resolve(c => c.Source.Before);
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("after").Description("The same under the new rule set.").Resolve(c => c.Source.After);
        Field<NonNullGraphType<FloatGraphType>>("shiftHours").Description("How far it moves, in hours (negative: earlier).")
            .Resolve(c => (c.Source.After - c.Source.Before).TotalHours);
        Field<NonNullGraphType<IntGraphType>>("nextFor").Description("Live applications standing where they will next be given this deadline.")
            .Resolve(c => c.Source.NextFor);
    }
}

internal static class RuleSetFields
{
    private static readonly AccessRequirement Officers = AccessRequirement.Roles(Role.PolicyOfficer, Role.Administrator);

    public static void AddQueries(ObjectGraphType query) =>
        query.Field<NonNullGraphType<RuleSetGraphType>>("ruleSet")
            .Description("Policy officers of the region and administrators: the rule set in force and its history.")
            .Argument<NonNullGraphType<StringGraphType>>("region")
            .Access(Officers)
            .Resolve().WithService<ReadRuleSetHandler>()
            .ResolveAsync(async (c, handler) => (await handler.HandleAsync(new ReadRuleSet(c.GetArgument<string>("region"), c.RequireViewer()),
                c.CancellationToken)).OrThrow(c));

    public static void AddMutations(ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<RuleSetCheckGraphType>>("validateRuleSet")
            .Description("Checks a rule set without changing anything: schema, values, every expression compiles, no reflection, size.")
            .Argument<NonNullGraphType<StringGraphType>>("region")
            .Argument<NonNullGraphType<StringGraphType>>("json")
            .Access(Officers)
            .Resolve().WithService<ValidateRuleSetHandler>()
            .ResolveAsync(async (c, handler) => (await handler.HandleAsync(
                new ValidateRuleSet(c.GetArgument<string>("region"), c.GetArgument<string>("json"), c.RequireViewer()), c.CancellationToken)).OrThrow(c));

        mutation.Field<NonNullGraphType<DryRunReportGraphType>>("dryRunRuleSet")
            .Description("Shows what a rule set would change for the region's live applications, changing nothing.")
            .Argument<NonNullGraphType<StringGraphType>>("region")
            .Argument<NonNullGraphType<StringGraphType>>("json")
            .Access(Officers)
            .Resolve().WithService<DryRunRuleSetHandler>()
            .ResolveAsync(async (c, handler) => (await handler.HandleAsync(
                new DryRunRuleSet(c.GetArgument<string>("region"), c.GetArgument<string>("json"), c.RequireViewer()), c.CancellationToken)).OrThrow(c));

        mutation.Field<NonNullGraphType<RuleSetVersionGraphType>>("activateRuleSet")
            .Description("Validates and puts in force a new version at once, here and within seconds on every instance; kept with who, when and why.")
            .Argument<NonNullGraphType<StringGraphType>>("region")
            .Argument<NonNullGraphType<StringGraphType>>("json")
            .Argument<NonNullGraphType<StringGraphType>>("reason")
            .Access(Officers)
            .Resolve().WithService<ActivateRuleSetHandler>()
            .ResolveAsync(async (c, handler) => (await handler.HandleAsync(new ActivateRuleSet(c.GetArgument<string>("region"),
                c.GetArgument<string>("json"), c.GetArgument<string>("reason"), c.RequireViewer()), c.CancellationToken)).OrThrow(c));
    }
}
