using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using RulesEngine.ExpressionBuilders;
using RulesEngine.Models;

namespace Kezek.Rules.RuleSets;

/// <summary>A rule set whose shape, values and expressions passed the schema check: what the policy reader and the evaluator take.</summary>
public sealed record CheckedRuleSet(Workflow Workflow, IReadOnlyList<Rule> Rules, IReadOnlyDictionary<string, object> Values);

/// <summary>
/// The schema check of a region's rule set, before anything is compiled: the JSON's shape and size, every value with
/// its type and range, the rules the lifecycles name, and each expression's size and words (no reflection, no system
/// access). Every problem is listed; the rule set is refused whole on any.
/// </summary>
public static partial class RuleSetSchemaCheck
{
    public static (CheckedRuleSet? RuleSet, IReadOnlyList<ArtefactProblem> Problems) Check(string json, string region, ReSettings settings)
    {
        var problems = new List<ArtefactProblem>();
        if (Encoding.UTF8.GetByteCount(json) > RuleSetSchema.MaxBytes)
            return (null, [new("SIZE", "file", $"A rule set is at most {RuleSetSchema.MaxBytes} bytes.")]);

        Workflow? workflow;
        try
        {
            workflow = JsonSerializer.Deserialize<Workflow>(json);
        }
        catch (JsonException exception)
        {
            return (null, [new("JSON", $"line {exception.LineNumber + 1}", exception.Message)]);
        }

        if (workflow is null)
            return (null, [new("JSON", "file", "The rule set is empty.")]);
        if (workflow.WorkflowName != region)
            problems.Add(new("NAME", "WorkflowName", $"The rule set of {region} must be named \"{region}\"."));
        if (workflow.WorkflowsToInject?.Any() == true)
            problems.Add(new("INJECT", "WorkflowsToInject", "A region's rule set may not pull in other workflows."));

        var rules = Flatten(workflow.Rules ?? []).ToList();
        if (rules.Count > RuleSetSchema.MaxRules)
            problems.Add(new("SIZE", "Rules", $"At most {RuleSetSchema.MaxRules} rules."));
        foreach (var (where, expression) in Expressions(workflow, rules))
            problems.AddRange(CheckExpressionText(where, expression));
        if (problems.Count > 0)
            return (null, problems);

        var values = EvaluateValues(workflow, settings, problems);
        if (values is not null)
            CheckValues(values, problems);
        CheckRuleShapes(rules, problems);
        return values is null || problems.Count > 0 ? (null, problems) : (new CheckedRuleSet(workflow, rules, values), problems);
    }

    /// <summary>
    /// Refuses reflection and reaching outside the facts: RulesEngine's own guard lets
    /// <c>x.GetType().Assembly</c> through, so such names are refused before anything is compiled.
    /// </summary>
    public static IEnumerable<ArtefactProblem> CheckExpressionText(string where, string expression)
    {
        if (expression.Length > RuleSetSchema.MaxExpressionLength)
        {
            yield return new("SIZE", where, $"An expression is at most {RuleSetSchema.MaxExpressionLength} characters.");
            yield break;
        }

        var code = StringLiteral().Replace(expression, "\"\"");
        foreach (Match match in ForbiddenName().Matches(code))
            yield return new("FORBIDDEN", where, string.Create(CultureInfo.InvariantCulture, $"\"{match.Value}\" is not allowed in rules (no reflection, no system access, no building of large strings or sequences)."));
    }

    /// <summary>Evaluates each value (GlobalParams) once, in order: a later value may read an earlier one.</summary>
    private static Dictionary<string, object>? EvaluateValues(Workflow workflow, ReSettings settings, List<ArtefactProblem> problems)
    {
        var parser = new RuleExpressionParser(settings);
        var values = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var parameter in workflow.GlobalParams ?? [])
        {
            var where = $"GlobalParams.{parameter.Name}";
            if (!RuleSetSchema.Values.TryGetValue(parameter.Name, out var type))
            {
                problems.Add(new("UNKNOWN_VALUE", where, $"Unknown value. Known: {string.Join(", ", RuleSetSchema.Values.Keys)}."));
                continue;
            }

            try
            {
                var previous = values.Select(v => new RuleParameter(v.Key, v.Value)).ToArray();
                var value = parser.Evaluate<object>(parameter.Expression, previous);
                if (value?.GetType() != type)
                    problems.Add(new("VALUE_TYPE", where, $"Must be {TypeWords(type)}."));
                else if (!values.TryAdd(parameter.Name, value))
                    problems.Add(new("DUPLICATE", where, "Defined twice."));
            }
            catch (Exception exception) when (exception is not OutOfMemoryException)
            {
                problems.Add(new("EXPRESSION", where, exception.Message));
            }
        }

        foreach (var (name, value) in RuleSetSchema.Defaults)
        {
            if (problems.All(p => p.Where != $"GlobalParams.{name}"))
                values.TryAdd(name, value);
        }

        foreach (var missing in RuleSetSchema.Values.Keys.Where(k => !values.ContainsKey(k) && problems.All(p => p.Where != $"GlobalParams.{k}")))
            problems.Add(new("VALUE_MISSING", $"GlobalParams.{missing}", "Every region defines this value."));
        return problems.Count > 0 ? null : values;
    }

    private static string TypeWords(Type type) =>
        type == typeof(int) ? "a whole number" : type == typeof(bool) ? "true or false" : "a string in quotes";

    /// <summary>Each typed value is one the policy reader can read: a known time zone, lifecycle and channels, numbers in range.</summary>
    private static void CheckValues(Dictionary<string, object> values, List<ArtefactProblem> problems)
    {
        string Text(string name) => (string)values[name];

        if (!TimeZoneInfo.TryFindSystemTimeZoneById(Text("timeZone"), out _))
            problems.Add(new("VALUE_INVALID", "GlobalParams.timeZone", "Unknown time zone (use an IANA name such as Asia/Almaty)."));
        if (!PrefixShape().IsMatch(Text("numberPrefix")))
            problems.Add(new("VALUE_INVALID", "GlobalParams.numberPrefix", "One to ten capital Latin letters."));
        if (!RuleSetSchema.Lifecycles.Contains(Text("lifecycle")))
            problems.Add(new("VALUE_INVALID", "GlobalParams.lifecycle", "\"direction\" or \"voucher\"."));
        if (!RuleSetSchema.Allocations.Contains(Text("allocation")))
            problems.Add(new("VALUE_INVALID", "GlobalParams.allocation", "\"first-come\", \"window\" or \"deferred-acceptance\"."));
        else if (Text("allocation") != AllocationModes.FirstCome && Text("lifecycle") == "voucher")
            problems.Add(new("VALUE_INVALID", "GlobalParams.allocation",
                "A release window or an intake run gives directions; a region with the voucher lifecycle gives vouchers, so it stays \"first-come\"."));
        if (Kezek.Core.Allocation.IntakePriority.Parse(Text("intakePriority")).Problem is { } intake)
            problems.Add(new("VALUE_INVALID", "GlobalParams.intakePriority", intake));
        var channels = RegionPolicyReader.Channels(Text("notificationChannels"));
        if (channels is not { Count: > 0 })
            problems.Add(new("VALUE_INVALID", "GlobalParams.notificationChannels", "A comma-separated list of email, sms, cabinet."));
        if (QueueOrdering.Parse(Text("queueOrder")) is null)
            problems.Add(new("VALUE_INVALID", "GlobalParams.queueOrder", "\"strict\" or \"interleave P:G\", e.g. \"interleave 1:3\"."));

        foreach (var (name, min, max) in RuleSetSchema.Ranges)
        {
            var value = (int)values[name];
            if (value < min || value > max)
                problems.Add(new("VALUE_RANGE", $"GlobalParams.{name}", $"Must be between {min} and {max}."));
        }

        if ((int)values["minAgeMonths"] >= (int)values["maxAgeMonths"])
            problems.Add(new("VALUE_RANGE", "GlobalParams.maxAgeMonths", "Must be greater than minAgeMonths."));
    }

    private static void CheckRuleShapes(IReadOnlyList<Rule> rules, List<ArtefactProblem> problems)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var rule in rules)
        {
            var where = $"Rules.{rule.RuleName}";
            if (string.IsNullOrWhiteSpace(rule.RuleName) || !names.Add(rule.RuleName))
                problems.Add(new("RULE_NAME", where, "Every rule has a name of its own."));
            // RulesEngine reports a false rule through ErrorMessage, which would read as a failed evaluation.
            if (!string.IsNullOrEmpty(rule.ErrorMessage))
                problems.Add(new("RULE_SHAPE", where, "Describe a rule in Properties.description; ErrorMessage is not used."));
            foreach (var action in new[] { rule.Actions?.OnSuccess, rule.Actions?.OnFailure })
            {
                if (action is not null && action.Name != "OutputExpression")
                    problems.Add(new("ACTION", where, "Only the OutputExpression action is allowed."));
            }

            var isDeadline = RuleSetSchema.Deadlines.Contains(rule.RuleName);
            if (isDeadline && rule.Actions?.OnSuccess?.Name != "OutputExpression")
                problems.Add(new("RULE_KIND", where, "A deadline rule gives its instant with an OnSuccess OutputExpression."));
        }

        foreach (var missing in RuleSetSchema.Guards.Concat(RuleSetSchema.Deadlines).Where(r => !names.Contains(r)))
            problems.Add(new("RULE_MISSING", $"Rules.{missing}", "The lifecycles name this rule; every region defines it."));
    }

    private static IEnumerable<Rule> Flatten(IEnumerable<Rule> rules) =>
        rules.SelectMany(rule => new[] { rule }.Concat(Flatten(rule.Rules ?? [])));

    private static IEnumerable<(string Where, string Expression)> Expressions(Workflow workflow, IEnumerable<Rule> rules)
    {
        foreach (var parameter in workflow.GlobalParams ?? [])
            yield return ($"GlobalParams.{parameter.Name}", parameter.Expression ?? "");
        foreach (var rule in rules)
        {
            yield return ($"Rules.{rule.RuleName}", rule.Expression ?? "");
            foreach (var local in rule.LocalParams ?? [])
                yield return ($"Rules.{rule.RuleName}.LocalParams.{local.Name}", local.Expression ?? "");
            foreach (var action in new[] { rule.Actions?.OnSuccess, rule.Actions?.OnFailure })
            {
                foreach (var (key, value) in action?.Context ?? new Dictionary<string, object>())
                    yield return ($"Rules.{rule.RuleName}.Actions.{key}", value?.ToString() ?? "");
            }
        }
    }

    [GeneratedRegex("^[A-Z]{1,10}$")]
    private static partial Regex PrefixShape();

    [GeneratedRegex("\"(?:[^\"\\\\]|\\\\.)*\"")]
    private static partial Regex StringLiteral();

    [GeneratedRegex(@"\b(GetType|Assembly|Assemblies|Type|Types|typeof|Reflection|Activator|AppDomain|AppContext|Process|Environment|File|Directory|Path|Stream|Invoke|DynamicInvoke|MethodInfo|PropertyInfo|FieldInfo|MemberInfo|Delegate|Marshal|Unsafe|GC|Thread|Task|Console|Emit|CreateInstance|Module|System|Microsoft|Runtime|PadLeft|PadRight|Repeat|Replicate|Join|Concat|Replace|Insert|Range|Aggregate|Select|SelectMany|Where|ToArray|ToList|StringBuilder|new)\b")]
    private static partial Regex ForbiddenName();
}
