using Kezek.Core.Iins;

namespace Kezek.Core.CivilRegistry;

public sealed record RegisteredChild(Iin Iin, string FullName, DateOnly BirthDate);

/// <summary>
/// The civil registry (ЗАГС) as Kezek needs it. Kezek ships an adapter over its own imported records; a
/// region plugs in its state-registry adapter.
/// </summary>
public interface ICivilRegistry
{
    Task<RegisteredChild?> FindChildAsync(Iin childIin, CancellationToken cancellationToken);

    /// <summary>The relation of a person to a child, or null when the person is not its legal representative.</summary>
    Task<Relation?> FindRelationAsync(Iin childIin, string representativeIin, CancellationToken cancellationToken);
}
