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

    private readonly VersionsInForce<ActiveRuleSet> _active = new(ruleSet => ruleSet.Version);

    public IReadOnlyCollection<ActiveRuleSet> All => _active.Snapshot.Values.ToList();

    /// <summary>The rule set in force for a region: its own, or the default one.</summary>
    public ActiveRuleSet For(string regionCode)
    {
        var active = _active.Snapshot;
        return active.TryGetValue(regionCode, out var own) ? own
            : active.TryGetValue(Default, out var fallback) ? fallback
            : throw new InvalidOperationException($"No rule set is in force for {regionCode} and there is no default one.");
    }

    public bool Has(string name) => _active.TryGet(name, out _);

    /// <summary>The version of this very rule set in force here; 0 when none is.</summary>
    public int VersionOf(string name) => _active.VersionOf(name);

    /// <summary>Puts this version in force whatever is in force now (at start, what is stored is what holds).</summary>
    public void Replace(ActiveRuleSet ruleSet) => _active.Replace(ruleSet.Name, ruleSet);

    /// <summary>Puts a version in force unless a newer one already is (instances may learn of versions in any order).</summary>
    public bool Activate(ActiveRuleSet ruleSet) => _active.Activate(ruleSet.Name, ruleSet);
}
