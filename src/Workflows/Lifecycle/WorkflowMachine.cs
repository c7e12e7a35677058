using Stateless;
using Stateless.Graph;

namespace Kezek.Workflows.Lifecycle;

/// <summary>
/// A definition as a Stateless machine over one application's state: the whole lifecycle in one table of
/// <c>Configure(state).PermitIf(trigger, to, guards)</c>. Guards read answers the region's rules already gave.
/// </summary>
public sealed class WorkflowMachine
{
    private readonly StateMachine<string, string> _machine;
    private StateMachine<string, string>.Transition? _last;

    private WorkflowMachine(WorkflowDefinition definition, string state, Func<string, bool> holds)
    {
        var current = state;
        _machine = new StateMachine<string, string>(() => current, next => current = next);
        foreach (var from in definition.States)
        {
            var configuration = _machine.Configure(from.Name);
            foreach (var transition in definition.From(from.Name))
            {
                var guards = transition.GuardList
                    .Select(guard => new Tuple<Func<bool>, string>(() => Holds(holds, guard), guard))
                    .ToArray();
                if (transition.To == transition.From)
                    configuration.PermitReentryIf(transition.Trigger, guards);
                else
                    configuration.PermitIf(transition.Trigger, transition.To, guards);
            }
        }

        _machine.OnTransitioned(t => _last = t);
    }

    /// <summary>A machine standing in <paramref name="state"/>, whose guards ask <paramref name="holds"/> for a rule's answer.</summary>
    public static WorkflowMachine For(WorkflowDefinition definition, string state, Func<string, bool> holds) => new(definition, state, holds);

    /// <summary>Null when the trigger may fire now; else the guards that do not hold (empty: the state has no such transition).</summary>
    public IReadOnlyCollection<string>? Refusal(string trigger) =>
        _machine.CanFire(trigger, out var unmet) ? null : (IReadOnlyCollection<string>?)unmet?.ToList() ?? [];

    /// <summary>Fires a permitted trigger; returns the state it led to.</summary>
    public string Fire(string trigger)
    {
        _machine.Fire(trigger);
        return _last?.Destination ?? throw new InvalidOperationException($"{trigger} did not transition.");
    }

    /// <summary>The lifecycle as a Mermaid state diagram, guards written on the arrows.</summary>
    public static string Mermaid(WorkflowDefinition definition) =>
        MermaidGraph.Format(new WorkflowMachine(definition, definition.Initial, _ => true)._machine.GetInfo());

    private static bool Holds(Func<string, bool> holds, string guard) =>
        TransitionDefinition.IsNegated(guard) ? !holds(TransitionDefinition.RuleOf(guard)) : holds(guard);
}
