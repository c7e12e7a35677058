using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;

namespace Kezek.Rules;

/// <summary>
/// The version in force of each artefact of one kind, by name. A new version is swapped in whole with one reference
/// write: work that already holds the old one finishes on it.
/// </summary>
public sealed class VersionsInForce<TActive>(Func<TActive, int> versionOf)
    where TActive : class
{
    private ImmutableDictionary<string, TActive> _active = ImmutableDictionary<string, TActive>.Empty;

    /// <summary>What is in force now, as one consistent snapshot.</summary>
    public IReadOnlyDictionary<string, TActive> Snapshot => Volatile.Read(ref _active);

    public bool TryGet(string name, [MaybeNullWhen(false)] out TActive active) => Volatile.Read(ref _active).TryGetValue(name, out active);

    /// <summary>The version of this artefact in force here; 0 when none is.</summary>
    public int VersionOf(string name) => TryGet(name, out var active) ? versionOf(active) : 0;

    /// <summary>Puts this version in force whatever is in force now (at start, what is stored is what holds).</summary>
    public void Replace(string name, TActive active)
    {
        while (true)
        {
            var current = Volatile.Read(ref _active);
            if (Interlocked.CompareExchange(ref _active, current.SetItem(name, active), current) == current)
                return;
        }
    }

    /// <summary>Puts a version in force unless a newer one already is (instances may learn of versions in any order).</summary>
    public bool Activate(string name, TActive active)
    {
        while (true)
        {
            var current = Volatile.Read(ref _active);
            if (current.TryGetValue(name, out var existing) && versionOf(existing) >= versionOf(active))
                return false;
            if (Interlocked.CompareExchange(ref _active, current.SetItem(name, active), current) == current)
                return true;
        }
    }
}
