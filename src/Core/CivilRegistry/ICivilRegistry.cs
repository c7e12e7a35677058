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

    /// <summary>
    /// The person's relation to the child (null when not its legal representative) and, when there is one, the child as
    /// registered: what a registration asks, in one look where the registry can answer both at once.
    /// </summary>
    async Task<(Relation? Relation, RegisteredChild? Child)> FindChildOfAsync(Iin childIin, string representativeIin, CancellationToken cancellationToken) =>
        await FindRelationAsync(childIin, representativeIin, cancellationToken) is { } relation
            ? (relation, await FindChildAsync(childIin, cancellationToken))
            : (null, null);
}
