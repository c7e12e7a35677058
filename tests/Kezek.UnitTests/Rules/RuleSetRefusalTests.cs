using System.Text.Json.Nodes;
using Kezek.Rules.Calendar;
using Kezek.Rules.RuleSets;

namespace Kezek.UnitTests.Rules;

/// <summary>A broken or dangerous rule set is refused whole, with every problem named.</summary>
public sealed class RuleSetRefusalTests
{
    private static readonly WorkingDayCalendar Calendar = WorkingDayCalendar.Load(KazakhstanCalendarTests.Folder);

    private static async Task<IReadOnlyList<Kezek.Rules.ArtefactProblem>> ProblemsAsync(Action<JsonObject> change, string region = "almaty")
    {
        var json = JsonNode.Parse(RuleSetTests.Read(region))!.AsObject();
        change(json);
        var (ruleSet, problems) = await CompiledRuleSet.CompileAsync(json.ToJsonString(), region, Calendar);
        Assert.Null(ruleSet);
        Assert.NotEmpty(problems);
        return problems;
    }

    private static JsonObject Rule(JsonObject json, string name) =>
        json["Rules"]!.AsArray().Select(r => r!.AsObject()).Single(r => r["RuleName"]!.GetValue<string>() == name);

    private static JsonObject Value(JsonObject json, string name) =>
        json["GlobalParams"]!.AsArray().Select(p => p!.AsObject()).Single(p => p["Name"]!.GetValue<string>() == name);

    [Theory]
    [InlineData("child.GetType().Assembly.FullName != null")]
    [InlineData("child.BirthDate.GetType() != null")]
    [InlineData("System.IO.File.Exists(\"/etc/passwd\")")]
    [InlineData("typeof(string) != null")]
    [InlineData("Environment.Exit(1) == null")]
    [InlineData("\"a\".PadLeft(50000000) != \"\"")]
    [InlineData("Enumerable.Range(0, 100000000).Count() > 0")]
    [InlineData("new string('a', 50000000).Length > 0")]
    public async Task Reflection_system_access_and_unbounded_work_are_refused_before_anything_compiles(string expression)
    {
        var problems = await ProblemsAsync(json => Rule(json, "AgeFitsGroup")["Expression"] = expression);

        Assert.Contains(problems, p => p.Code == "FORBIDDEN" && p.Where == "Rules.AgeFitsGroup");
    }

    [Fact]
    public async Task A_forbidden_word_inside_a_string_is_only_text()
    {
        var json = JsonNode.Parse(RuleSetTests.Read("almaty"))!.AsObject();
        Rule(json, "TurnHasCome")["Expression"] = "application.Status == \"Notified\" || application.Status == \"GetType\"";

        var (ruleSet, problems) = await CompiledRuleSet.CompileAsync(json.ToJsonString(), "almaty", Calendar);

        Assert.True(ruleSet is not null, string.Join("\n", problems));
    }

    [Fact]
    public async Task An_unknown_name_in_an_expression_is_an_error()
    {
        var problems = await ProblemsAsync(json => Rule(json, "AgeFitsGroup")["Expression"] = "child.AgeInMonth(today) > 12");

        Assert.Contains(problems, p => p.Code == "EXPRESSION" && p.Where == "Rules.AgeFitsGroup" && p.Message.Contains("AgeInMonth", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_unknown_input_is_an_error()
    {
        var problems = await ProblemsAsync(json => Rule(json, "FreePlacesExist")["Expression"] = "input1.Free > 0");

        Assert.Contains(problems, p => p.Code == "EXPRESSION" && p.Where == "Rules.FreePlacesExist");
    }

    [Fact]
    public async Task A_deadline_that_is_not_an_instant_is_an_error()
    {
        var problems = await ProblemsAsync(json => Rule(json, "ChoiceDeadline")["Actions"]!["OnSuccess"]!["Context"]!["Expression"] = "daysToChoose");

        Assert.Contains(problems, p => p.Where == "Rules.ChoiceDeadline");
    }

    [Theory]
    [InlineData("daysToChoose", "\"three\"", "VALUE_TYPE")]
    [InlineData("daysToChoose", "0", "VALUE_RANGE")]
    [InlineData("daysToChoose", "3 +", "EXPRESSION")]
    [InlineData("queueOrder", "\"interleave 1\"", "VALUE_INVALID")]
    [InlineData("notificationChannels", "\"email,pigeon\"", "VALUE_INVALID")]
    [InlineData("timeZone", "\"Mars/Olympus\"", "VALUE_INVALID")]
    [InlineData("lifecycle", "\"lottery\"", "VALUE_INVALID")]
    [InlineData("keepQueuedAtOnMove", "1", "VALUE_TYPE")]
    [InlineData("keepQueuedAtOnMove", "\"yes\"", "VALUE_TYPE")]
    public async Task Values_must_have_their_type_and_range(string name, string expression, string code)
    {
        var problems = await ProblemsAsync(json => Value(json, name)["Expression"] = expression);

        Assert.Contains(problems, p => p.Code == code && p.Where == $"GlobalParams.{name}");
    }

    [Fact]
    public async Task A_rule_over_its_time_budget_is_refused_by_name()
    {
        var (ruleSet, problems) = await CompiledRuleSet.CompileAsync(RuleSetTests.Read("almaty"), "almaty", Calendar, evaluationBudget: TimeSpan.Zero);

        Assert.Null(ruleSet);
        Assert.Contains(problems, p => p.Code == "SLOW" && p.Where == "Rules.AgeFitsGroup");
        Assert.NotNull((await CompiledRuleSet.CompileAsync(RuleSetTests.Read("almaty"), "almaty", Calendar)).RuleSet);
    }

    [Fact]
    public async Task A_value_added_later_takes_its_default_where_a_rule_set_in_force_before_it_lacks_it()
    {
        var json = JsonNode.Parse(RuleSetTests.Read("almaty"))!.AsObject();
        Assert.True((await CompiledRuleSet.CompileAsync(json.ToJsonString(), "almaty", Calendar)).RuleSet!.Policy.KeepQueuedAtOnMove);
        var values = json["GlobalParams"]!.AsArray();
        values.Remove(values.Single(p => p!["Name"]!.GetValue<string>() == "keepQueuedAtOnMove"));

        var (ruleSet, problems) = await CompiledRuleSet.CompileAsync(json.ToJsonString(), "almaty", Calendar);

        Assert.Empty(problems);
        Assert.False(ruleSet!.Policy.KeepQueuedAtOnMove);
    }

    [Fact]
    public async Task Missing_values_unknown_values_and_missing_rules_are_named()
    {
        var problems = await ProblemsAsync(json =>
        {
            var values = json["GlobalParams"]!.AsArray();
            values.Remove(values.Single(p => p!["Name"]!.GetValue<string>() == "stopListDays"));
            values.Add(new JsonObject { ["Name"] = "bonusDays", ["Expression"] = "1" });
            var rules = json["Rules"]!.AsArray();
            rules.Remove(rules.Single(r => r!["RuleName"]!.GetValue<string>() == "RevokeAllowed"));
        });

        Assert.Contains(problems, p => p.Code == "VALUE_MISSING" && p.Where == "GlobalParams.stopListDays");
        Assert.Contains(problems, p => p.Code == "UNKNOWN_VALUE" && p.Where == "GlobalParams.bonusDays");
    }

    [Fact]
    public async Task A_missing_rule_is_named()
    {
        var problems = await ProblemsAsync(json =>
        {
            var rules = json["Rules"]!.AsArray();
            rules.Remove(rules.Single(r => r!["RuleName"]!.GetValue<string>() == "RevokeAllowed"));
        });

        Assert.Contains(problems, p => p.Code == "RULE_MISSING" && p.Where == "Rules.RevokeAllowed");
    }

    [Fact]
    public async Task Another_regions_name_actions_other_than_outputs_and_injected_workflows_are_refused()
    {
        Assert.Contains(await ProblemsAsync(json => json["WorkflowName"] = "astana"), p => p.Code == "NAME");
        Assert.Contains(await ProblemsAsync(json => Rule(json, "ChoiceDeadline")["Actions"]!["OnSuccess"]!["Name"] = "EvaluateRule"),
            p => p.Code == "ACTION");
        Assert.Contains(await ProblemsAsync(json => json["WorkflowsToInject"] = new JsonArray("astana")), p => p.Code == "INJECT");
    }

    [Fact]
    public async Task Oversized_rule_sets_and_expressions_are_refused()
    {
        Assert.Contains(await ProblemsAsync(json => Rule(json, "AgeFitsGroup")["Expression"] = "true && " + string.Join(" && ", Enumerable.Repeat("true", 500))),
            p => p.Code == "SIZE");
        Assert.Contains(await ProblemsAsync(json => json["padding"] = new string(' ', 70_000)), p => p.Code == "SIZE");
    }

    [Fact]
    public async Task Malformed_json_is_refused_with_its_line() =>
        Assert.Equal("JSON", (await CompiledRuleSet.CompileAsync("{ \"WorkflowName\": ", "almaty", Calendar)).Problems.Single().Code);
}
