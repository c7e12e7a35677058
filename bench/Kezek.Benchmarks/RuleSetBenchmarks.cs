using BenchmarkDotNet.Attributes;
using Kezek.Rules.Calendar;
using Kezek.Rules.Facts;
using Kezek.Rules.RuleSets;

namespace Kezek.Benchmarks;

/// <summary>
/// One evaluation of a region's rule (a deadline, a guard) and one activation (compile and warm a rule set),
/// beside the same deadline computed in plain C# — what the rules-as-data indirection costs.
/// </summary>
[MemoryDiagnoser]
public class RuleSetBenchmarks
{
    private static readonly string RulesFolder = Path.Combine(AppContext.BaseDirectory, "rules");
    private static readonly TimeZoneInfo Almaty = TimeZoneInfo.FindSystemTimeZoneById("Asia/Almaty");

    private WorkingDayCalendar _calendar = null!;
    private CompiledRuleSet _ruleSet = null!;
    private string _json = "";
    private RuleFacts _facts = null!;

    [GlobalSetup]
    public async Task SetUp()
    {
        _calendar = WorkingDayCalendar.Load(Path.Combine(RulesFolder, "calendar"));
        _json = await File.ReadAllTextAsync(Path.Combine(RulesFolder, "almaty.json"));
        _ruleSet = (await CompiledRuleSet.CompileAsync(_json, "almaty", _calendar)).RuleSet!;
        var now = new DateTimeOffset(2025, 3, 20, 15, 0, 0, TimeSpan.FromHours(5));
        _facts = RuleFacts.At(now) with
        {
            Child = new ChildFacts(new DateOnly(2022, 3, 15), 2022),
            Application = new ApplicationFacts("Notified", "None", 0, null, false),
            Places = new PlaceFacts(1, 0, true),
        };
    }

    [Benchmark(Baseline = true, Description = "deadline in plain C# (calendar only)")]
    public DateTimeOffset PlainDeadline() => _calendar.DeadlineAfter(_facts.Now, 3, Almaty);

    [Benchmark(Description = "evaluate ChoiceDeadline rule")]
    public Task<DateTimeOffset> EvaluateDeadline() => _ruleSet.DeadlineAsync("ChoiceDeadline", _facts);

    [Benchmark(Description = "evaluate AgeFitsGroup guard")]
    public Task<bool> EvaluateGuard() => _ruleSet.CheckAsync("AgeFitsGroup", _facts);

    [Benchmark(Description = "activate: validate, compile and warm almaty.json")]
    public Task<(CompiledRuleSet? RuleSet, IReadOnlyList<Kezek.Rules.ArtefactProblem> Problems)> Activate() =>
        CompiledRuleSet.CompileAsync(_json, "almaty", _calendar);
}
