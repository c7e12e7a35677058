using Kezek.Core.Audit;
using Kezek.Core.Identity;
using Kezek.Core.Regions;
using Kezek.Core.Results;
using Kezek.Rules.RuleSets;
using Kezek.Workflows.Access;
using Kezek.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Kezek.Workflows.Regions;

/// <summary>Whether a save makes a new record, changes an existing one, or either (an import's line).</summary>
public enum SaveMode
{
    Create,
    Update,
    Upsert,
}

/// <summary>
/// Applies checked regions and kindergartens to the unit of work, with a staff-action row for each change; the caller
/// saves once (an import: the whole file, or nothing). Knows the records it has already touched, so that a file may name a
/// kindergarten's BIN once only and the lookups are done in chunks.
/// </summary>
public sealed class ReferenceEditor(IKezekDb db, RuleSetCatalog rules)
{
    private readonly Dictionary<string, Kindergarten> _kindergartens = new(StringComparer.Ordinal);
    private readonly Dictionary<Guid, List<KindergartenGroup>> _groups = [];
    private HashSet<string>? _regionCodes;

    /// <summary>Records made since this editor was created.</summary>
    public int Created { get; private set; }

    /// <summary>Records changed since this editor was created (a save that changes nothing is not counted).</summary>
    public int Updated { get; private set; }

    /// <summary>Forgets what was read and counted: each command starts afresh (a request may run several).</summary>
    public void Reset()
    {
        _kindergartens.Clear();
        _groups.Clear();
        _regionCodes = null;
        Created = 0;
        Updated = 0;
    }

    public async Task<Result<Region>> SaveRegionAsync(RegionDraft draft, Actor actor, SaveMode mode, DateTime now, string via,
        CancellationToken cancellationToken)
    {
        var description = ReferenceDrafts.Check(draft, rules);
        if (!description.IsSuccess)
            return description.Error!;
        var region = await db.Regions.SingleOrDefaultAsync(r => r.Code == draft.Code, cancellationToken);
        if (region is null && mode == SaveMode.Update)
            return Error.Of(ErrorCodes.UnknownRegion, ("field", "code"), ("region", draft.Code));
        if (region is not null && mode == SaveMode.Create)
            return Error.Of(ErrorCodes.DuplicateRegion, ("field", "code"), ("region", draft.Code));
        if (region is null)
        {
            region = new Region(draft.Code, description.Value);
            db.Regions.Add(region);
            _regionCodes?.Add(region.Code);
            Audit(now, actor, "CreateRegion", $"region={region.Code}", via);
            return region;
        }

        var changed = region.Describe(description.Value);
        if (changed.Count > 0)
            Audit(now, actor, "UpdateRegion", $"region={region.Code}; changed={string.Join(',', changed)}", via);
        return region;
    }

    /// <summary>Reads at once the kindergartens of these BINs (an import's), rather than one statement a line.</summary>
    public async Task PrepareAsync(IEnumerable<string> bins, CancellationToken cancellationToken)
    {
        foreach (var chunk in bins.Distinct().Where(b => !_kindergartens.ContainsKey(b)).Chunk(500))
        {
            var found = await db.Kindergartens.Where(k => chunk.Contains(k.Bin)).ToListAsync(cancellationToken);
            var ids = found.Select(k => k.Id).ToList();
            var groups = await db.KindergartenGroups.Where(g => ids.Contains(g.KindergartenId)).ToListAsync(cancellationToken);
            foreach (var kindergarten in found)
            {
                _kindergartens[kindergarten.Bin] = kindergarten;
                _groups[kindergarten.Id] = [.. groups.Where(g => g.KindergartenId == kindergarten.Id)];
            }
        }
    }

    public async Task<Result<Kindergarten>> SaveKindergartenAsync(KindergartenDraft draft, Viewer viewer, SaveMode mode, DateTime now, string via,
        CancellationToken cancellationToken)
    {
        var checkedDraft = ReferenceDrafts.Check(draft);
        if (!checkedDraft.IsSuccess)
            return checkedDraft.Error!;
        var value = checkedDraft.Value;
        _regionCodes ??= [.. await db.Regions.Select(r => r.Code).ToListAsync(cancellationToken)];
        if (!_regionCodes.Contains(value.Region))
            return Error.Of(ErrorCodes.UnknownRegion, ("field", "region"), ("region", value.Region.Length > 32 ? value.Region[..32] : value.Region));
        var actor = AccessPolicy.ForRegionReference(viewer, value.Region);
        if (!actor.IsSuccess)
            return Error.Of(ErrorCodes.Forbidden, ("field", "region"));

        await PrepareAsync([value.Bin.Value], cancellationToken);
        var bin = value.Bin.Value;
        _kindergartens.TryGetValue(bin, out var kindergarten);
        if (kindergarten is null && mode == SaveMode.Update)
            return Error.Of(ErrorCodes.UnknownKindergarten, ("field", "bin"), ("bin", bin));
        // A BIN names one kindergarten: a second one with it, or a line moving it to another region, is refused.
        if (kindergarten is not null && (mode == SaveMode.Create || kindergarten.RegionCode != value.Region))
            return Error.Of(ErrorCodes.DuplicateBin, ("field", "bin"), ("bin", bin));

        if (kindergarten is null)
        {
            kindergarten = new Kindergarten(Guid.NewGuid(), value.Region, value.Bin, value.Description);
            db.Kindergartens.Add(kindergarten);
            _kindergartens[bin] = kindergarten;
            _groups[kindergarten.Id] = [];
            SetGroups(kindergarten, value.Groups);
            Audit(now, actor.Value, "CreateKindergarten", $"bin={bin}; region={value.Region}", via);
            return kindergarten;
        }

        var changed = kindergarten.Describe(value.Description).ToList();
        if (SetGroups(kindergarten, value.Groups))
            changed.Add("groups");
        if (changed.Count > 0)
            Audit(now, actor.Value, "UpdateKindergarten", $"bin={bin}; region={value.Region}; changed={string.Join(',', changed)}", via);
        return kindergarten;
    }

    /// <summary>Makes the kindergarten's groups these ones; tells whether anything changed.</summary>
    private bool SetGroups(Kindergarten kindergarten, IReadOnlyList<GroupDraft> wanted)
    {
        var current = _groups[kindergarten.Id];
        var changed = false;
        foreach (var group in current.ToList())
        {
            var keep = wanted.FirstOrDefault(w => w.GroupYear == group.GroupYear && w.Language == group.Language);
            if (keep is null)
            {
                db.KindergartenGroups.Remove(group);
                current.Remove(group);
                changed = true;
            }
            else if (keep.Capacity != group.Capacity)
            {
                group.Resize(keep.Capacity);
                changed = true;
            }
        }

        foreach (var group in wanted.Where(w => !current.Any(g => g.GroupYear == w.GroupYear && g.Language == w.Language)))
        {
            var added = new KindergartenGroup(kindergarten.Id, group.GroupYear, group.Language, group.Capacity);
            db.KindergartenGroups.Add(added);
            current.Add(added);
            changed = true;
        }

        return changed;
    }

    private void Audit(DateTime now, Actor actor, string action, string details, string via)
    {
        if (action.StartsWith("Create", StringComparison.Ordinal))
            Created++;
        else
            Updated++;
        db.StaffActions.Add(new StaffAction(now, actor, action, via.Length == 0 ? details : $"{details}; via={via}"));
    }
}
