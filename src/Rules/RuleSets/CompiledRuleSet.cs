using Kezek.Rules.Calendar;
using Kezek.Rules.Facts;

namespace Kezek.Rules.RuleSets;

/// <summary>
/// A region's rule set (a RulesEngine workflow: <c>GlobalParams</c> for values, rules for guards and deadlines),
/// checked and compiled once: the schema check, then the policy reader for its values and the evaluator for its
/// rules. Immutable: a new version is a new instance, swapped in whole.
/// </summary>
public sealed class CompiledRuleSet
{
    private CompiledRuleSet(string json, RegionPolicy policy, RuleSetEvaluator evaluator)
    {
        Json = json;
        Policy = policy;
        Evaluator = evaluator;
    }

    /// <summary>The rule set as written.</summary>
    public string Json { get; }

    public RegionPolicy Policy { get; }

    public RuleSetEvaluator Evaluator { get; }

    /// <summary>Checks and compiles; on any problem the rule set is refused whole with every problem listed.</summary>
    public static async Task<(CompiledRuleSet? RuleSet, IReadOnlyList<ArtefactProblem> Problems)> CompileAsync(string json, string region,
        WorkingDayCalendar calendar, TimeSpan? evaluationBudget = null)
    {
        var settings = RuleSetEvaluator.Settings();
        var (checkedRuleSet, problems) = RuleSetSchemaCheck.Check(json, region, settings);
        if (checkedRuleSet is null)
            return (null, problems);

        var policy = RegionPolicyReader.Read(region, checkedRuleSet.Values);
        var evaluator = new RuleSetEvaluator(region, checkedRuleSet.Workflow, settings, new CalendarFunctions(calendar, policy.TimeZone));
        var warmed = await evaluator.WarmAsync(checkedRuleSet.Rules, evaluationBudget ?? RuleSetSchema.EvaluationBudget);
        return warmed.Count > 0 ? (null, warmed) : (new CompiledRuleSet(json, policy, evaluator), warmed);
    }

    /// <summary>Evaluates a guard (a yes-or-no rule) on the facts.</summary>
    public Task<bool> CheckAsync(string rule, RuleFacts facts) => Evaluator.CheckAsync(rule, facts);

    /// <summary>Evaluates a deadline rule on the facts: the instant, in the region's time zone.</summary>
    public Task<DateTimeOffset> DeadlineAsync(string rule, RuleFacts facts) => Evaluator.DeadlineAsync(rule, facts);
}
