using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Kezek.Rules.Calendar;
using Kezek.Rules.Facts;
using RulesEngine.ExpressionBuilders;
using RulesEngine.Models;

namespace Kezek.Rules.RuleSets;

/// <summary>One thing wrong with a rule set, for the policy officer who wrote it.</summary>
public sealed record RuleSetProblem(string Code, string Where, string Message)
{
    public override string ToString() => $"{Code} at {Where}: {Message}";
}

/// <summary>A rule set's evaluation failed at run time: nothing is decided on a broken rule (fail closed).</summary>
public sealed class RuleEvaluationException(string message) : InvalidOperationException(message);

/// <summary>
/// A region's rule set (a RulesEngine workflow: <c>GlobalParams</c> for values, rules for guards and
/// deadlines), checked and compiled once. Immutable: a new version is a new instance, swapped in whole.
/// </summary>
public sealed partial class CompiledRuleSet
{
    private static readonly Type[] FactTypes =
        [typeof(ChildFacts), typeof(ApplicationFacts), typeof(DirectionFacts), typeof(PlaceFacts), typeof(CalendarFunctions)];

    private static readonly HashSet<string> Channels = ["email", "sms", "cabinet"];
    private static readonly HashSet<string> Lifecycles = ["direction", "voucher"];

    private readonly RulesEngine.RulesEngine _engine;
    private readonly CalendarFunctions _calendar;

    private CompiledRuleSet(string json, RegionPolicy policy, RulesEngine.RulesEngine engine, CalendarFunctions calendar)
    {
        Json = json;
        Policy = policy;
        _engine = engine;
        _calendar = calendar;
    }

    /// <summary>The rule set as written.</summary>
    public string Json { get; }

    public RegionPolicy Policy { get; }

    /// <summary>Checks and compiles; on any problem the rule set is refused whole with every problem listed.</summary>
    public static async Task<(CompiledRuleSet? RuleSet, IReadOnlyList<RuleSetProblem> Problems)> CompileAsync(string json, string region,
        WorkingDayCalendar calendar)
    {
        var problems = new List<RuleSetProblem>();
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

        var settings = Settings();
        var values = EvaluateValues(workflow, settings, problems);
        var policy = values is null ? null : ReadPolicy(region, values, problems);
        CheckRuleShapes(rules, problems);
        if (policy is null || problems.Count > 0)
            return (null, problems);

        var functions = new CalendarFunctions(calendar, policy.TimeZone);
        var engine = new RulesEngine.RulesEngine([workflow], settings);
        var compiled = new CompiledRuleSet(json, policy, engine, functions);
        problems.AddRange(await compiled.WarmAsync(rules));
        return problems.Count > 0 ? (null, problems) : (compiled, problems);
    }

    /// <summary>Evaluates a guard (a yes-or-no rule) on the facts.</summary>
    public async Task<bool> CheckAsync(string rule, RuleFacts facts)
    {
        var result = await _engine.ExecuteActionWorkflowAsync(Policy.Region, rule, Parameters(facts));
        var tree = result.Results?.FirstOrDefault() ?? throw new RuleEvaluationException($"{Policy.Region}: no rule {rule}.");
        if (!string.IsNullOrEmpty(tree.ExceptionMessage))
            throw new RuleEvaluationException($"{Policy.Region}.{rule}: {tree.ExceptionMessage}");
        return tree.IsSuccess;
    }

    /// <summary>Evaluates a deadline rule on the facts: the instant, in the region's time zone.</summary>
    public async Task<DateTimeOffset> DeadlineAsync(string rule, RuleFacts facts)
    {
        var result = await _engine.ExecuteActionWorkflowAsync(Policy.Region, rule, Parameters(facts));
        if (result.Exception is not null || result.Results?.FirstOrDefault() is { ExceptionMessage.Length: > 0 })
            throw new RuleEvaluationException($"{Policy.Region}.{rule}: {result.Exception?.Message ?? result.Results![0].ExceptionMessage}");
        return result.Output is DateTimeOffset deadline
            ? TimeZoneInfo.ConvertTime(deadline, Policy.TimeZone)
            : throw new RuleEvaluationException($"{Policy.Region}.{rule} gave no instant.");
    }

    private RuleParameter[] Parameters(RuleFacts facts)
    {
        var now = TimeZoneInfo.ConvertTime(facts.Now, _calendar.Zone);
        return
        [
            new("now", now),
            new("today", DateOnly.FromDateTime(now.DateTime)),
            new("child", facts.Child),
            new("application", facts.Application),
            new("direction", facts.Direction),
            new("places", facts.Places),
            new("calendar", _calendar),
        ];
    }

    /// <summary>Runs every rule once on sample facts: compiles and caches them, and finds what only running shows.</summary>
    private async Task<List<RuleSetProblem>> WarmAsync(IReadOnlyList<Rule> rules)
    {
        var sample = SampleFacts(Policy.TimeZone);
        var problems = new List<RuleSetProblem>();
        foreach (var rule in rules)
        {
            try
            {
                if (RuleSetSchema.Deadlines.Contains(rule.RuleName))
                    await DeadlineAsync(rule.RuleName, sample);
                else
                    await CheckAsync(rule.RuleName, sample);
            }
            catch (Exception exception) when (exception is RuleEvaluationException or InvalidOperationException or ArgumentException)
            {
                problems.Add(new("EXPRESSION", $"Rules.{rule.RuleName}", exception.Message));
            }
        }

        return problems;
    }

    private static RuleFacts SampleFacts(TimeZoneInfo zone)
    {
        var now = TimeZoneInfo.ConvertTime(new DateTimeOffset(2025, 6, 2, 6, 0, 0, TimeSpan.Zero), zone);
        return new RuleFacts(now, new ChildFacts(new DateOnly(2022, 3, 15), 2022), new ApplicationFacts("Queued", "None", 0, null, false),
            new DirectionFacts(now, now.AddDays(7), 0), new PlaceFacts(1, 0, true));
    }

    private static ReSettings Settings() => new()
    {
        CustomTypes = FactTypes,
        EnableExceptionAsErrorMessage = true,
        IgnoreException = false,
        AutoRegisterInputType = false,
    };

    private static Dictionary<string, object>? EvaluateValues(Workflow workflow, ReSettings settings, List<RuleSetProblem> problems)
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
                    problems.Add(new("VALUE_TYPE", where, $"Must be {(type == typeof(int) ? "a whole number" : "a string in quotes")}."));
                else if (!values.TryAdd(parameter.Name, value))
                    problems.Add(new("DUPLICATE", where, "Defined twice."));
            }
            catch (Exception exception) when (exception is not OutOfMemoryException)
            {
                problems.Add(new("EXPRESSION", where, exception.Message));
            }
        }

        foreach (var missing in RuleSetSchema.Values.Keys.Where(k => !values.ContainsKey(k) && problems.All(p => p.Where != $"GlobalParams.{k}")))
            problems.Add(new("VALUE_MISSING", $"GlobalParams.{missing}", "Every region defines this value."));
        return problems.Count > 0 ? null : values;
    }

    private static RegionPolicy? ReadPolicy(string region, Dictionary<string, object> values, List<RuleSetProblem> problems)
    {
        string Text(string name) => (string)values[name];
        int Number(string name, int min, int max)
        {
            var value = (int)values[name];
            if (value < min || value > max)
                problems.Add(new("VALUE_RANGE", $"GlobalParams.{name}", $"Must be between {min} and {max}."));
            return value;
        }

        if (!TimeZoneInfo.TryFindSystemTimeZoneById(Text("timeZone"), out _))
            problems.Add(new("VALUE_INVALID", "GlobalParams.timeZone", "Unknown time zone (use an IANA name such as Asia/Almaty)."));
        if (!PrefixShape().IsMatch(Text("numberPrefix")))
            problems.Add(new("VALUE_INVALID", "GlobalParams.numberPrefix", "One to ten capital Latin letters."));
        if (!Lifecycles.Contains(Text("lifecycle")))
            problems.Add(new("VALUE_INVALID", "GlobalParams.lifecycle", "\"direction\" or \"voucher\"."));
        var channels = Text("notificationChannels").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (channels.Length == 0 || channels.Any(c => !Channels.Contains(c)))
            problems.Add(new("VALUE_INVALID", "GlobalParams.notificationChannels", "A comma-separated list of email, sms, cabinet."));
        var order = QueueOrdering.Parse(Text("queueOrder"));
        if (order is null)
            problems.Add(new("VALUE_INVALID", "GlobalParams.queueOrder", "\"strict\" or \"interleave P:G\", e.g. \"interleave 1:3\"."));

        var policy = new RegionPolicy
        {
            Region = region,
            TimeZoneId = Text("timeZone"),
            NumberPrefix = Text("numberPrefix"),
            Lifecycle = Text("lifecycle"),
            MinAgeMonths = Number("minAgeMonths", 0, 120),
            MaxAgeMonths = Number("maxAgeMonths", 1, 120),
            DaysToChoose = Number("daysToChoose", 1, 60),
            DaysToAttend = Number("daysToAttend", 1, 60),
            StopListDays = Number("stopListDays", 0, 250),
            ExpirationsBeforeRemoval = Number("expirationsBeforeRemoval", 1, 10),
            ExtensionsAllowed = Number("extensionsAllowed", 0, 10),
            ExtensionMaxDays = Number("extensionMaxDays", 0, 365),
            RevokeWindowHours = Number("revokeWindowHours", 0, 720),
            ReminderHoursBeforeExpiry = Number("reminderHoursBeforeExpiry", 0, 240),
            VoucherConfirmDays = Number("voucherConfirmDays", 1, 60),
            VoucherRestoreDays = Number("voucherRestoreDays", 0, 365),
            VoucherContractDays = Number("voucherContractDays", 1, 60),
            NotificationChannels = channels,
            QueueOrder = order ?? QueueOrdering.Strict,
        };
        if (policy.MinAgeMonths >= policy.MaxAgeMonths)
            problems.Add(new("VALUE_RANGE", "GlobalParams.maxAgeMonths", "Must be greater than minAgeMonths."));
        return problems.Count > 0 ? null : policy;
    }

    private static void CheckRuleShapes(IReadOnlyList<Rule> rules, List<RuleSetProblem> problems)
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

    /// <summary>
    /// Refuses reflection and reaching outside the facts: RulesEngine's own guard lets
    /// <c>x.GetType().Assembly</c> through, so such names are refused before anything is compiled.
    /// </summary>
    public static IEnumerable<RuleSetProblem> CheckExpressionText(string where, string expression)
    {
        if (expression.Length > RuleSetSchema.MaxExpressionLength)
        {
            yield return new("SIZE", where, $"An expression is at most {RuleSetSchema.MaxExpressionLength} characters.");
            yield break;
        }

        var code = StringLiteral().Replace(expression, "\"\"");
        foreach (Match match in ForbiddenName().Matches(code))
            yield return new("FORBIDDEN", where, string.Create(CultureInfo.InvariantCulture, $"\"{match.Value}\" is not allowed in rules (no reflection, no system access)."));
    }

    [GeneratedRegex("^[A-Z]{1,10}$")]
    private static partial Regex PrefixShape();

    [GeneratedRegex("\"(?:[^\"\\\\]|\\\\.)*\"")]
    private static partial Regex StringLiteral();

    [GeneratedRegex(@"\b(GetType|Assembly|Assemblies|Type|Types|typeof|Reflection|Activator|AppDomain|AppContext|Process|Environment|File|Directory|Path|Stream|Invoke|DynamicInvoke|MethodInfo|PropertyInfo|FieldInfo|MemberInfo|Delegate|Marshal|Unsafe|GC|Thread|Task|Console|Emit|CreateInstance|Module|System|Microsoft|Runtime)\b")]
    private static partial Regex ForbiddenName();
}
