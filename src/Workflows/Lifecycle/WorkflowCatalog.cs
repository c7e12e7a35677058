using System.Collections.Immutable;

namespace Kezek.Workflows.Lifecycle;

/// <summary>
/// The lifecycles in force, by name ("direction", "voucher"); a region's rule set names its own. Loaded from
/// <c>workflows/*.json</c> at start and checked whole: a broken definition stops the server rather than a parent.
/// </summary>
public sealed class WorkflowCatalog(ActivityLibrary activities)
{
    private ImmutableDictionary<string, WorkflowDefinition> _definitions = ImmutableDictionary<string, WorkflowDefinition>.Empty;

    public ActivityLibrary Activities => activities;

    public IReadOnlyCollection<WorkflowDefinition> All => Volatile.Read(ref _definitions).Values.ToList();

    public WorkflowDefinition For(string lifecycle) =>
        Volatile.Read(ref _definitions).TryGetValue(lifecycle, out var definition)
            ? definition
            : throw new InvalidOperationException($"No workflow \"{lifecycle}\" is loaded.");

    /// <summary>Loads every <c>*.json</c> of the folder; throws with every problem when one is invalid.</summary>
    public void LoadFolder(string folder)
    {
        var loaded = new Dictionary<string, WorkflowDefinition>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(folder, "*.json").Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileNameWithoutExtension(file);
            var (definition, problems) = WorkflowDefinition.Parse(File.ReadAllText(file), name, activities);
            if (definition is null)
                throw new InvalidOperationException($"Workflow {file} is invalid: {string.Join("; ", problems)}");
            loaded[name] = definition;
        }

        if (loaded.Count == 0)
            throw new InvalidOperationException($"No workflow definitions in {folder}.");
        Volatile.Write(ref _definitions, loaded.ToImmutableDictionary(StringComparer.Ordinal));
    }

    /// <summary>Puts one checked definition in force (a new version swaps in whole).</summary>
    public void Put(WorkflowDefinition definition)
    {
        while (true)
        {
            var current = Volatile.Read(ref _definitions);
            if (Interlocked.CompareExchange(ref _definitions, current.SetItem(definition.Name, definition), current) == current)
                return;
        }
    }
}
