using System.Text.Json.Nodes;
using Kezek.UnitTests.Rules;
using Kezek.Workflows.Lifecycle;
using NJsonSchema;

namespace Kezek.UnitTests.Workflows;

/// <summary>The real lifecycles, workflows/*.json: schema, loading, the Stateless table, the picture, and every refusal.</summary>
public sealed class WorkflowDefinitionTests
{
    public static string Folder => Path.Combine(KazakhstanCalendarTests.RepositoryRoot(), "workflows");

    public static readonly TheoryData<string> Names = new() { "direction", "voucher" };

    private static readonly ActivityLibrary Library = ActivityLibrary.Standard();

    public static WorkflowDefinition Load(string name)
    {
        var (definition, problems) = WorkflowDefinition.Parse(File.ReadAllText(Path.Combine(Folder, name + ".json")), name, Library);
        Assert.True(definition is not null, string.Join("\n", problems));
        return definition;
    }

    [Theory]
    [MemberData(nameof(Names))]
    public async Task Every_workflow_follows_the_schema_and_loads(string name)
    {
        var schema = await JsonSchema.FromFileAsync(Path.Combine(Folder, "schema", "workflow.schema.json"));
        Assert.Empty(schema.Validate(File.ReadAllText(Path.Combine(Folder, name + ".json"))));
        var definition = Load(name);
        Assert.Equal("Queued", definition.Initial);
    }

    [Fact]
    public void Every_region_names_a_workflow_and_the_catalog_keeps_the_newest_version()
    {
        var catalog = new WorkflowCatalog(Library);
        foreach (var name in new[] { "direction", "voucher" })
            Assert.True(catalog.Activate(name, new ActiveWorkflow(2, Load(name))));
        Assert.False(catalog.Activate("direction", new ActiveWorkflow(1, Load("direction"))));
        Assert.Equal(2, catalog.VersionOf("direction"));
        foreach (var region in RuleSetTests.Regions)
        {
            var lifecycle = JsonNode.Parse(RuleSetTests.Read(region))!["GlobalParams"]!.AsArray()
                .Single(p => p!["Name"]!.GetValue<string>() == "lifecycle")!["Expression"]!.GetValue<string>().Trim('"');
            Assert.Equal(lifecycle, catalog.For(lifecycle).Name);
        }
    }

    [Fact]
    public void The_machine_follows_the_guards_and_says_which_one_failed()
    {
        var direction = Load("direction");
        var answers = new Dictionary<string, bool> { ["AgeFitsGroup"] = true, ["FreePlacesExist"] = false, ["RemoveOnExpiry"] = false };

        var notified = WorkflowMachine.For(direction, "Notified", rule => answers[rule]);
        Assert.Equal(["FreePlacesExist"], notified.Refusal("Choose"));
        Assert.Empty(notified.Refusal("Enroll")!);
        answers["FreePlacesExist"] = true;
        Assert.Null(notified.Refusal("Choose"));
        Assert.Equal("DirectionIssued", notified.Fire("Choose"));

        Assert.Equal("StopListed", WorkflowMachine.For(direction, "DirectionIssued", rule => answers[rule]).Fire("Expire"));
        answers["RemoveOnExpiry"] = true;
        Assert.Equal("Removed", WorkflowMachine.For(direction, "DirectionIssued", rule => answers[rule]).Fire("Expire"));
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Only_the_operator_brings_a_removed_or_withdrawn_application_back_to_the_queue(string name)
    {
        var workflow = Load(name);
        foreach (var ended in new[] { "Removed", "Withdrawn" })
        {
            var machine = WorkflowMachine.For(workflow, ended, _ => true);
            Assert.Equal("Queued", machine.Fire("OperatorRestore"));
            Assert.Equal(["OperatorRestore"], workflow.From(ended).Select(t => t.Trigger).Distinct());
        }

        Assert.DoesNotContain("OperatorRestore", Kezek.Workflows.Lifecycle.Triggers.FamilyActions);
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void The_diagram_shows_every_state_and_transition_with_its_guards(string name)
    {
        var definition = Load(name);
        var mermaid = WorkflowMachine.Mermaid(definition);
        Assert.StartsWith("stateDiagram-v2", mermaid, StringComparison.Ordinal);
        foreach (var state in definition.States)
            Assert.Contains(state.Name, mermaid, StringComparison.Ordinal);
        foreach (var transition in definition.Transitions.Where(t => t.From != t.To))
            Assert.Contains($"{transition.From} --> {transition.To} : {transition.Trigger}", mermaid, StringComparison.Ordinal);
        Assert.Contains("!RemoveOnExpiry", WorkflowMachine.Mermaid(Load("direction")), StringComparison.Ordinal);
    }

    public static readonly TheoryData<string, string, string> Breakages = new()
    {
        { "UNKNOWN_STATE", "\"to\": \"Enrolled\"", "\"to\": \"Graduated\"" },
        { "UNKNOWN_TRIGGER", "\"trigger\": \"Enroll\"", "\"trigger\": \"Teleport\"" },
        { "UNKNOWN_RULE", "\"guards\": [\"RevokeAllowed\"]", "\"guards\": [\"GetType\"]" },
        { "UNKNOWN_ACTIVITY", "{ \"activity\": \"countExpiry\" }", "{ \"activity\": \"deleteEverything\" }" },
        { "ACTIVITY_ARGUMENT", "{ \"activity\": \"endDirection\", \"argument\": \"Enrolled\" }", "{ \"activity\": \"endDirection\", \"argument\": \"Lost\" }" },
        { "ACTIVITY_ARGUMENT", "\"argument\": \"turn-came\"", "\"argument\": \"../../etc/passwd\"" },
        { "STATUS", "{ \"name\": \"Enrolled\", \"status\": \"Enrolled\" }", "{ \"name\": \"Enrolled\", \"status\": \"Happy\" }" },
        { "TIMER_AT", "\"at\": \"ChoiceDeadline\"", "\"at\": \"now.AddDays(3)\"" },
        { "TIMER_TRIGGER", "\"timer\": { \"trigger\": \"ChoiceMissed\"", "\"timer\": { \"trigger\": \"RestoreExpired\"" },
        { "INITIAL", "\"initial\": \"Queued\"", "\"initial\": \"Notified\"" },
        { "UNREACHABLE", "{ \"from\": \"DirectionIssued\", \"trigger\": \"Enroll\", \"to\": \"Enrolled\",", "{ \"from\": \"Enrolled\", \"trigger\": \"Enroll\", \"to\": \"Enrolled\"," },
        { "STATE_NAME", "{ \"name\": \"Removed\", \"status\": \"Removed\" }", "{ \"name\": \"Enrolled\", \"status\": \"Removed\" }" },
        { "AMBIGUOUS", "\"to\": \"StopListed\", \"guards\": [\"!RemoveOnExpiry\"],", "\"to\": \"StopListed\"," },
        { "AMBIGUOUS", "\"to\": \"StopListed\", \"guards\": [\"!RemoveOnExpiry\"],", "\"to\": \"StopListed\", \"guards\": [\"NotInStopList\"]," },
        { "NAME", "\"name\": \"direction\"", "\"name\": \"voucher\"" },
        { "JSON", "\"description\":", "\"descripton\":" },
    };

    [Theory]
    [MemberData(nameof(Breakages))]
    public void A_broken_definition_is_refused_with_the_reason(string code, string find, string replace)
    {
        var json = File.ReadAllText(Path.Combine(Folder, "direction.json"));
        Assert.Contains(find, json, StringComparison.Ordinal);
        var (definition, problems) = WorkflowDefinition.Parse(json.Replace(find, replace, StringComparison.Ordinal), "direction", Library);
        Assert.Null(definition);
        Assert.Contains(problems, p => p.Code == code);
    }

    [Fact]
    public void An_oversized_definition_is_refused_before_it_is_read() =>
        Assert.Equal("SIZE", WorkflowDefinition.Parse(new string(' ', WorkflowDefinition.MaxBytes + 1), "direction", Library).Problems.Single().Code);
}
