using System.Text.Json;
using System.Text.Json.Serialization;
using Kezek.Core.Applications;
using Kezek.Rules;
using Kezek.Rules.RuleSets;

namespace Kezek.Workflows.Lifecycle;

/// <summary>A state's timer: when the state is still current at the instant <see cref="At"/> names, <see cref="Trigger"/> fires.</summary>
public sealed record TimerDefinition(
    [property: JsonPropertyName("trigger")] string Trigger,
    [property: JsonPropertyName("at")] string At)
{
    /// <summary>Instants read from the application rather than computed by a rule.</summary>
    public static readonly IReadOnlyList<string> Facts = [DirectionExpiresAt, StopListedUntil];

    public const string DirectionExpiresAt = "direction.ExpiresAt";
    public const string StopListedUntil = "application.StopListedUntil";
}

public sealed record StateDefinition(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("timer")] TimerDefinition? Timer)
{
    public ApplicationStatus PublicStatus => Enum.Parse<ApplicationStatus>(Status);
}

public sealed record ActivityStep(
    [property: JsonPropertyName("activity")] string Activity,
    [property: JsonPropertyName("argument")] string? Argument);

/// <summary>A transition: from a state, on a trigger, when every guard holds ("!Rule" is the rule's negation), to a state, doing the activities in order.</summary>
public sealed record TransitionDefinition(
    [property: JsonPropertyName("from")] string From,
    [property: JsonPropertyName("trigger")] string Trigger,
    [property: JsonPropertyName("to")] string To,
    [property: JsonPropertyName("guards")] IReadOnlyList<string>? Guards,
    [property: JsonPropertyName("activities")] IReadOnlyList<ActivityStep>? Activities)
{
    public IReadOnlyList<string> GuardList => Guards ?? [];

    public IReadOnlyList<ActivityStep> ActivityList => Activities ?? [];

    public static string RuleOf(string guard) => guard.TrimStart('!');

    public static bool IsNegated(string guard) => guard.StartsWith('!');
}

/// <summary>
/// A lifecycle as data (<c>workflows/&lt;name&gt;.json</c>): states with the public status each shows and an optional
/// timer, and guarded transitions with activities from the fixed library. Immutable once parsed and checked.
/// </summary>
public sealed class WorkflowDefinition
{
    public const int MaxBytes = 64 * 1024;

    private static readonly JsonSerializerOptions Strict = new() { UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow };

    /// <summary>The JSON schema the file names, for editors; not used by Kezek.</summary>
    [JsonPropertyName("$schema")]
    public string? Schema { get; init; }

    [JsonPropertyName("name")]
    public string Name { get; init; } = "";

    [JsonPropertyName("description")]
    public string Description { get; init; } = "";

    [JsonPropertyName("initial")]
    public string Initial { get; init; } = "";

    [JsonPropertyName("states")]
    public IReadOnlyList<StateDefinition> States { get; init; } = [];

    [JsonPropertyName("transitions")]
    public IReadOnlyList<TransitionDefinition> Transitions { get; init; } = [];

    [JsonIgnore]
    public string Json { get; private set; } = "";

    public StateDefinition State(string name) =>
        States.FirstOrDefault(s => s.Name == name) ?? throw new InvalidOperationException($"Workflow {Name} has no state {name}.");

    public IEnumerable<TransitionDefinition> From(string state) => Transitions.Where(t => t.From == state);

    /// <summary>States whose public status is one of these.</summary>
    public IReadOnlyList<string> StatesShowing(params ApplicationStatus[] statuses) =>
        [.. States.Where(s => statuses.Contains(s.PublicStatus)).Select(s => s.Name)];

    /// <summary>Parses and checks a definition; on any problem it is refused whole with every problem listed.</summary>
    public static (WorkflowDefinition? Definition, IReadOnlyList<ArtefactProblem> Problems) Parse(string json, string expectedName,
        ActivityLibrary activities)
    {
        if (System.Text.Encoding.UTF8.GetByteCount(json) > MaxBytes)
            return (null, [new("SIZE", "file", $"A workflow is at most {MaxBytes} bytes.")]);
        WorkflowDefinition? definition;
        try
        {
            definition = JsonSerializer.Deserialize<WorkflowDefinition>(json, Strict);
        }
        catch (JsonException exception)
        {
            return (null, [new("JSON", $"line {exception.LineNumber + 1}", exception.Message)]);
        }

        if (definition is null)
            return (null, [new("JSON", "file", "The workflow is empty.")]);
        definition.Json = json;
        var problems = definition.Check(expectedName, activities).ToList();
        return problems.Count > 0 ? (null, problems) : (definition, problems);
    }

    private IEnumerable<ArtefactProblem> Check(string expectedName, ActivityLibrary activities)
    {
        if (Name != expectedName)
            yield return new("NAME", "name", $"The workflow must be named \"{expectedName}\".");
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var state in States)
        {
            var where = $"states.{state.Name}";
            if (string.IsNullOrWhiteSpace(state.Name) || !names.Add(state.Name))
                yield return new("STATE_NAME", where, "Every state has a name of its own.");
            if (!Enum.TryParse<ApplicationStatus>(state.Status, ignoreCase: false, out _) || int.TryParse(state.Status, out _))
                yield return new("STATUS", where, $"Unknown status. Known: {string.Join(", ", Enum.GetNames<ApplicationStatus>())}.");
            if (state.Timer is { } timer)
            {
                if (!Triggers.TimerTriggers.Contains(timer.Trigger))
                    yield return new("TIMER_TRIGGER", where, $"A timer fires one of: {string.Join(", ", Triggers.TimerTriggers)}.");
                else if (!Transitions.Any(t => t.From == state.Name && t.Trigger == timer.Trigger))
                    yield return new("TIMER_TRIGGER", where, $"No transition leaves {state.Name} on {timer.Trigger}.");
                if (!RuleSetSchema.Deadlines.Contains(timer.At) && !TimerDefinition.Facts.Contains(timer.At))
                    yield return new("TIMER_AT", where, $"A deadline rule ({string.Join(", ", RuleSetSchema.Deadlines)}) or {string.Join(", ", TimerDefinition.Facts)}.");
            }
        }

        if (Initial != Application.InitialState || !names.Contains(Initial))
            yield return new("INITIAL", "initial", $"Every workflow starts in a state named \"{Application.InitialState}\" (a registered application stands in the queue).");

        var seen = new HashSet<(string, string, string)>();
        for (var index = 0; index < Transitions.Count; index++)
        {
            var transition = Transitions[index];
            var where = $"transitions[{index}]";
            if (!names.Contains(transition.From))
                yield return new("UNKNOWN_STATE", where, $"Unknown state \"{transition.From}\".");
            if (!names.Contains(transition.To))
                yield return new("UNKNOWN_STATE", where, $"Unknown state \"{transition.To}\".");
            if (!Triggers.All.Contains(transition.Trigger))
                yield return new("UNKNOWN_TRIGGER", where, $"Unknown trigger \"{transition.Trigger}\". Known: {string.Join(", ", Triggers.All)}.");
            if (!seen.Add((transition.From, transition.Trigger, transition.To)))
                yield return new("DUPLICATE", where, "The same transition is defined twice.");
            if (Triggers.TimerTriggers.Contains(transition.Trigger) && States.FirstOrDefault(s => s.Name == transition.From)?.Timer?.Trigger != transition.Trigger)
                yield return new("TIMER_TRIGGER", where, $"Only the timer of {transition.From} fires {transition.Trigger}.");
            foreach (var guard in transition.GuardList)
            {
                if (!RuleSetSchema.Guards.Contains(TransitionDefinition.RuleOf(guard)))
                    yield return new("UNKNOWN_RULE", where, $"Unknown guard \"{guard}\". Known: {string.Join(", ", RuleSetSchema.Guards)} (\"!\" negates).");
            }

            foreach (var step in transition.ActivityList)
            {
                if (!activities.Names.Contains(step.Activity))
                    yield return new("UNKNOWN_ACTIVITY", where, $"Unknown activity \"{step.Activity}\". Known: {string.Join(", ", activities.Names.Order())}.");
                else if (activities.Check(step) is { } wrong)
                    yield return new("ACTIVITY_ARGUMENT", where, $"{step.Activity}: {wrong}");
            }
        }

        // Transitions on the same trigger from the same state must exclude each other: one has a guard the other negates.
        static string Negation(string guard) => TransitionDefinition.IsNegated(guard) ? TransitionDefinition.RuleOf(guard) : "!" + guard;
        foreach (var group in Transitions.GroupBy(t => (t.From, t.Trigger)).Where(g => g.Count() > 1))
        {
            var pairs = group.SelectMany((a, i) => group.Skip(i + 1).Select(b => (a, b)));
            if (pairs.Any(p => !p.a.GuardList.Any(g => p.b.GuardList.Contains(Negation(g)))))
                yield return new("AMBIGUOUS", $"states.{group.Key.From}",
                    $"{group.Key.Trigger} leads to several states whose guards could hold together: give one a guard the other negates.");
        }

        foreach (var unreachable in names.Except(Reachable()).Order())
            yield return new("UNREACHABLE", $"states.{unreachable}", "No transition leads to this state from the initial one.");
    }

    private HashSet<string> Reachable()
    {
        var reached = new HashSet<string>(StringComparer.Ordinal) { Initial };
        var frontier = new Queue<string>([Initial]);
        while (frontier.TryDequeue(out var state))
        {
            foreach (var next in Transitions.Where(t => t.From == state).Select(t => t.To))
            {
                if (reached.Add(next))
                    frontier.Enqueue(next);
            }
        }

        return reached;
    }
}
