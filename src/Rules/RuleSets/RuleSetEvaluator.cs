using Kezek.Rules.Facts;
using RulesEngine.Models;

namespace Kezek.Rules.RuleSets;

/// <summary>A rule set's evaluation failed at run time: nothing is decided on a broken rule (fail closed).</summary>
public sealed class RuleEvaluationException(string message) : InvalidOperationException(message);

/// <summary>
/// Runs a region's guards and deadline expressions through RulesEngine, with the facts under their real names
/// (<c>child</c>, <c>application</c>, <c>calendar</c>…) and times in the region's zone.
/// </summary>
public sealed class RuleSetEvaluator
{
    private static readonly Type[] FactTypes =
        [typeof(ChildFacts), typeof(ApplicationFacts), typeof(DirectionFacts), typeof(PlaceFacts), typeof(CalendarFunctions)];

    private readonly string _region;
    private readonly RulesEngine.RulesEngine _engine;
    private readonly CalendarFunctions _calendar;

    public RuleSetEvaluator(string region, Workflow workflow, ReSettings settings, CalendarFunctions calendar)
    {
        _region = region;
        _engine = new RulesEngine.RulesEngine([workflow], settings);
        _calendar = calendar;
    }

    /// <summary>What expressions may name and how failures surface: the same for the values' check and the rules.</summary>
    public static ReSettings Settings() => new()
    {
        CustomTypes = FactTypes,
        EnableExceptionAsErrorMessage = true,
        IgnoreException = false,
        AutoRegisterInputType = false,
    };

    /// <summary>Evaluates a guard (a yes-or-no rule) on the facts.</summary>
    public async Task<bool> CheckAsync(string rule, RuleFacts facts)
    {
        var result = await _engine.ExecuteActionWorkflowAsync(_region, rule, Parameters(facts));
        var tree = result.Results?.FirstOrDefault() ?? throw new RuleEvaluationException($"{_region}: no rule {rule}.");
        if (!string.IsNullOrEmpty(tree.ExceptionMessage))
            throw new RuleEvaluationException($"{_region}.{rule}: {tree.ExceptionMessage}");
        Kezek.Core.Observability.KezekMetrics.RuleEvaluated(_region, rule, tree.IsSuccess ? "true" : "false");
        return tree.IsSuccess;
    }

    /// <summary>Evaluates a deadline rule on the facts: the instant, in the region's time zone.</summary>
    public async Task<DateTimeOffset> DeadlineAsync(string rule, RuleFacts facts)
    {
        var result = await _engine.ExecuteActionWorkflowAsync(_region, rule, Parameters(facts));
        if (result.Exception is not null || result.Results?.FirstOrDefault() is { ExceptionMessage.Length: > 0 })
            throw new RuleEvaluationException($"{_region}.{rule}: {result.Exception?.Message ?? result.Results![0].ExceptionMessage}");
        Kezek.Core.Observability.KezekMetrics.RuleEvaluated(_region, rule, "deadline");
        return result.Output is DateTimeOffset deadline
            ? TimeZoneInfo.ConvertTime(deadline, _calendar.Zone)
            : throw new RuleEvaluationException($"{_region}.{rule} gave no instant.");
    }

    /// <summary>Runs every rule once on sample facts: compiles and caches them, and finds what only running shows.</summary>
    public async Task<List<ArtefactProblem>> WarmAsync(IReadOnlyList<Rule> rules, TimeSpan budget)
    {
        var sample = SampleFacts(_calendar.Zone);
        var problems = new List<ArtefactProblem>();
        foreach (var rule in rules)
        {
            try
            {
                // Once to compile, once more timed: a rule evaluated on every action must stay inside its time budget. The budget is
                // far above what a rule takes (well under a millisecond), so that a loaded machine never refuses a sound rule.
                await EvaluateAsync(rule.RuleName, sample);
                var started = System.Diagnostics.Stopwatch.GetTimestamp();
                await EvaluateAsync(rule.RuleName, sample);
                var took = System.Diagnostics.Stopwatch.GetElapsedTime(started);
                if (took > budget)
                    problems.Add(new("SLOW", $"Rules.{rule.RuleName}", string.Create(System.Globalization.CultureInfo.InvariantCulture,
                        $"One evaluation took {took.TotalMilliseconds:F0} ms; a rule may take at most {budget.TotalMilliseconds:F0} ms.")));
            }
            catch (Exception exception) when (exception is RuleEvaluationException or InvalidOperationException or ArgumentException)
            {
                problems.Add(new("EXPRESSION", $"Rules.{rule.RuleName}", exception.Message));
            }
        }

        return problems;
    }

    private Task EvaluateAsync(string rule, RuleFacts facts) =>
        RuleSetSchema.Deadlines.Contains(rule) ? DeadlineAsync(rule, facts) : CheckAsync(rule, facts);

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

    private static RuleFacts SampleFacts(TimeZoneInfo zone)
    {
        var now = TimeZoneInfo.ConvertTime(new DateTimeOffset(2025, 6, 2, 6, 0, 0, TimeSpan.Zero), zone);
        return new RuleFacts(now, new ChildFacts(new DateOnly(2022, 3, 15), 2022), new ApplicationFacts("Queued", "None", 0, null, false),
            new DirectionFacts(now, now.AddDays(7), 0), new PlaceFacts(1, 0, true));
    }
}
