using System.Collections.Immutable;

namespace Kezek.Rules.RuleSets;

/// <summary>A compiled rule set in force, with its version.</summary>
public sealed record ActiveRuleSet(string Name, int Version, CompiledRuleSet RuleSet);

/// <summary>
/// The rule sets in force, one per region (and "default" for regions without their own). A new version is
/// swapped in whole with one reference write: an evaluation that already holds the old one finishes on it.
/// </summary>
public sealed class RuleSetCatalog
{
    public const string Default = "default";

    private ImmutableDictionary<string, ActiveRuleSet> _active = ImmutableDictionary<string, ActiveRuleSet>.Empty;

    public IReadOnlyCollection<ActiveRuleSet> All => Volatile.Read(ref _active).Values.ToList();

    /// <summary>The rule set in force for a region: its own, or the default one.</summary>
    public ActiveRuleSet For(string regionCode)
    {
        var active = Volatile.Read(ref _active);
        return active.TryGetValue(regionCode, out var own) ? own
            : active.TryGetValue(Default, out var fallback) ? fallback
            : throw new InvalidOperationException($"No rule set is in force for {regionCode} and there is no default one.");
    }

    public bool Has(string name) => Volatile.Read(ref _active).ContainsKey(name);

    /// <summary>The version of this very rule set in force here; 0 when none is.</summary>
    public int VersionOf(string name) => Volatile.Read(ref _active).TryGetValue(name, out var active) ? active.Version : 0;

    /// <summary>Puts this version in force whatever is in force now (at start, what is stored is what holds).</summary>
    public void Replace(ActiveRuleSet ruleSet)
    {
        while (true)
        {
            var current = Volatile.Read(ref _active);
            if (Interlocked.CompareExchange(ref _active, current.SetItem(ruleSet.Name, ruleSet), current) == current)
                return;
        }
    }

    /// <summary>Puts a version in force unless a newer one already is (instances may learn of versions in any order).</summary>
    public bool Activate(ActiveRuleSet ruleSet)
    {
        while (true)
        {
            var current = Volatile.Read(ref _active);
            if (current.TryGetValue(ruleSet.Name, out var existing) && existing.Version >= ruleSet.Version)
                return false;
            if (Interlocked.CompareExchange(ref _active, current.SetItem(ruleSet.Name, ruleSet), current) == current)
                return true;
        }
    }
}
