using System.Text.Json.Nodes;
using Kezek.IntegrationTests.Hosting;

namespace Kezek.IntegrationTests.Lifecycle;

/// <summary>
/// Policy changes without a deploy reach the lifecycle: a rule's number changes the next deadline of its region only;
/// a workflow version that would strand live applications is refused; who may change a shared workflow.
/// </summary>
public abstract class WorkflowChangeTests(KezekFactory kezek) : KezekTest(kezek)
{
    private const string Activate = "mutation($n: String!, $j: String!, $r: String!) { activateWorkflow(name: $n, json: $j, reason: $r) { name version activatedBy } }";
    private const string Validate = "mutation($n: String!, $j: String!) { validateWorkflow(name: $n, json: $j) { valid problems { code where message } } }";

    private static string Direction => File.ReadAllText(Path.Combine(Api.SchemaTests.RepositoryRoot(), "workflows", "direction.json"));

    [Fact]
    public async Task Changing_days_to_choose_for_almaty_changes_the_next_almaty_deadline_and_no_other_regions()
    {
        var queue = await new Queues(Kezek).WithChildrenAsync(2);
        var admin = await queue.Api.SignInAsync(People.Administrator);
        var rules = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(Api.SchemaTests.RepositoryRoot(), "rules", "almaty.json")))!;
        rules["GlobalParams"]!.AsArray().Single(p => p!["Name"]!.GetValue<string>() == "daysToChoose")!["Expression"] = "5";
        (await queue.Api.PostAsync("mutation($j: String!) { activateRuleSet(region: \"almaty\", json: $j, reason: \"Пять рабочих дней на выбор\") { version } }",
            new { j = rules.ToJsonString() }, admin)).Ok();

        await queue.PublishAsync(1);
        // Tuesday 1 September + 5 working days = the end of Tuesday 8 September (it was 3: the end of Friday 4 September).
        Assert.Equal("2026-09-09T00:00:00+05:00", (await queue.ApplicationAsync(queue.Numbers[0])).GetProperty("deadline").GetString());
        var defaultRules = (await queue.Api.PostAsync("{ ruleSet(region: \"default\") { policy { daysToChoose } } }", token: admin)).Ok();
        Assert.Equal(3, defaultRules.GetProperty("ruleSet").GetProperty("policy").GetProperty("daysToChoose").GetInt32());
    }

    [Fact]
    public async Task A_workflow_version_that_drops_a_state_with_live_applications_is_refused_and_a_valid_one_is_kept_with_who_and_why()
    {
        var queue = await new Queues(Kezek).WithChildrenAsync(1);
        await queue.PublishAsync(1);
        var admin = await queue.Api.SignInAsync(People.Administrator);

        // Without the Notified state (and its transitions) the notified application would be stranded.
        var workflow = JsonNode.Parse(Direction)!;
        var states = workflow["states"]!.AsArray();
        states.Remove(states.Single(s => s!["name"]!.GetValue<string>() == "Notified"));
        var transitions = workflow["transitions"]!.AsArray();
        foreach (var transition in transitions.Where(t => t!["from"]!.GetValue<string>() == "Notified" || t!["to"]!.GetValue<string>() == "Notified").ToList())
            transitions.Remove(transition);
        var validation = (await queue.Api.PostAsync(Validate, new { n = "direction", j = workflow.ToJsonString() }, admin)).Ok().GetProperty("validateWorkflow");
        Assert.False(validation.GetProperty("valid").GetBoolean());
        Assert.Equal("LIVE_STATE_DROPPED", validation.GetProperty("problems")[0].GetProperty("code").GetString());
        Assert.Equal("WORKFLOW_INVALID", (await queue.Api.PostAsync(Activate, new { n = "direction", j = workflow.ToJsonString(), r = "Без уведомлений" }, admin)).ErrorCode);

        // A policy officer of Almaty alone cannot change a lifecycle that other regions run too.
        (await queue.Api.PostAsync("mutation { grantRole(iin: \"850630441203\", role: POLICY_OFFICER, region: \"almaty\") { id } }", token: admin)).Ok();
        var officer = await queue.Api.SignInAsync(People.Operator);
        Assert.Equal("FORBIDDEN", (await queue.Api.PostAsync(Activate, new { n = "direction", j = Direction, r = "Проверка" }, officer)).ErrorCode);

        // A valid change is activated, kept with who and why, and shown as the region's workflow.
        var described = JsonNode.Parse(Direction)!;
        described["description"] = "Направление в ДДО, редакция 2";
        var version = (await queue.Api.PostAsync(Activate, new { n = "direction", j = described.ToJsonString(), r = "Уточнено описание" }, admin)).Ok()
            .GetProperty("activateWorkflow");
        Assert.Equal(2, version.GetProperty("version").GetInt32());
        Assert.Equal(TestPeople.AdministratorIin, version.GetProperty("activatedBy").GetString());
        var shown = (await queue.Api.PostAsync("{ workflow(region: \"almaty\") { version description } }")).Ok().GetProperty("workflow");
        Assert.Equal(2, shown.GetProperty("version").GetInt32());
        Assert.Equal("Направление в ДДО, редакция 2", shown.GetProperty("description").GetString());
    }

    [Fact]
    public async Task A_shorter_revoke_window_does_not_shorten_the_one_a_family_was_given()
    {
        var queue = await new Queues(Kezek).WithChildrenAsync(2);
        await queue.PublishAsync(2);
        var given = Queues.DirectionId(await queue.ChooseAsync(queue.Numbers[0], await queue.FreePlaceIdAsync()));
        var admin = await queue.Api.SignInAsync(People.Administrator);
        var rules = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(Api.SchemaTests.RepositoryRoot(), "rules", "almaty.json")))!;
        rules["GlobalParams"]!.AsArray().Single(p => p!["Name"]!.GetValue<string>() == "revokeWindowHours")!["Expression"] = "1";
        (await queue.Api.PostAsync("mutation($j: String!) { activateRuleSet(region: \"almaty\", json: $j, reason: \"Один час на отзыв\") { version } }",
            new { j = rules.ToJsonString() }, admin)).Ok();
        var later = Queues.DirectionId(await queue.ChooseAsync(queue.Numbers[1], await queue.FreePlaceIdAsync()));

        await queue.AdvanceClockAsync(TimeSpan.FromHours(3));
        (await queue.RevokeAsync(given)).Ok(); // given 24 hours at issue
        Assert.Equal("REVOKE_WINDOW_PASSED", (await queue.RevokeAsync(later)).ErrorCode); // given 1 hour
    }

    [Fact]
    public async Task A_workflow_version_that_changes_an_occupied_state_or_strands_its_timers_is_refused()
    {
        var queue = await new Queues(Kezek).WithChildrenAsync(1);
        await queue.PublishAsync(1);
        var admin = await queue.Api.SignInAsync(People.Administrator);
        var workflow = JsonNode.Parse(Direction)!;
        workflow["states"]!.AsArray().Single(s => s!["name"]!.GetValue<string>() == "Notified")!["status"] = "Inactive";
        var transitions = workflow["transitions"]!.AsArray();
        transitions.Remove(transitions.Single(t => t!["trigger"]!.GetValue<string>() == "ChoiceMissed"));
        workflow["states"]!.AsArray().Single(s => s!["name"]!.GetValue<string>() == "Notified")!.AsObject().Remove("timer");
        var problems = (await queue.Api.PostAsync(Validate, new { n = "direction", j = workflow.ToJsonString() }, admin)).Ok()
            .GetProperty("validateWorkflow").GetProperty("problems").EnumerateArray().Select(p => p.GetProperty("code").GetString()).ToList();
        Assert.Contains("LIVE_STATUS_CHANGED", problems);
        Assert.Contains("LIVE_TIMER_STRANDED", problems);
    }

    [Fact]
    public async Task A_region_cannot_switch_to_a_lifecycle_that_would_strand_its_live_applications()
    {
        var queue = await new Queues(Kezek).WithChildrenAsync(1);
        await queue.PublishAsync(1);
        var admin = await queue.Api.SignInAsync(People.Administrator);
        var rules = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(Api.SchemaTests.RepositoryRoot(), "rules", "almaty.json")))!;
        rules["GlobalParams"]!.AsArray().Single(p => p!["Name"]!.GetValue<string>() == "lifecycle")!["Expression"] = "\"voucher\"";
        var refused = await queue.Api.PostAsync("mutation($j: String!) { activateRuleSet(region: \"almaty\", json: $j, reason: \"Переход на ваучеры\") { version } }",
            new { j = rules.ToJsonString() }, admin);
        Assert.Equal("RULE_SET_INVALID", refused.ErrorCode);
        Assert.Contains("LIVE_STATE_DROPPED", refused.ErrorMessage, StringComparison.Ordinal);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class WorkflowChangeOnSqlite(SqliteKezek kezek) : WorkflowChangeTests(kezek);

[Collection(PostgresCollection.Name)]
public sealed class WorkflowChangeOnPostgres(PostgresKezek kezek) : WorkflowChangeTests(kezek);
