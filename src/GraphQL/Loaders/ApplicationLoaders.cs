using GraphQL;
using Kezek.Core.Applications;
using Kezek.Core.Documents;
using Kezek.Core.People;
using Kezek.Core.Regions;
using Kezek.GraphQL.Access;
using Kezek.Workflows.Actions;
using Kezek.Workflows.Journal;
using Kezek.Workflows.Queue;

namespace Kezek.GraphQL.Loaders;

public sealed class ParentsLoader(ApplicationDetails details) : ApplicationListLoader<ApplicationParent>
{
    protected override Task<ILookup<long, ApplicationParent>> ReadAsync(IReadOnlyCollection<long> applicationIds, CancellationToken cancellationToken) =>
        details.ParentsOfAsync(applicationIds, cancellationToken);
}

public sealed class RankedKindergartensLoader(ApplicationDetails details) : ApplicationListLoader<Kindergarten>
{
    protected override Task<ILookup<long, Kindergarten>> ReadAsync(IReadOnlyCollection<long> applicationIds, CancellationToken cancellationToken) =>
        details.RankedKindergartensOfAsync(applicationIds, cancellationToken);
}

public sealed class AllocationOutcomesLoader(Kezek.Workflows.Windows.AllocationReads reads) : ApplicationListLoader<Kezek.Workflows.Windows.OutcomeView>
{
    protected override Task<ILookup<long, Kezek.Workflows.Windows.OutcomeView>> ReadAsync(IReadOnlyCollection<long> applicationIds,
        CancellationToken cancellationToken) => reads.OutcomesOfAsync(applicationIds, cancellationToken);
}

public sealed class DirectionsLoader(ApplicationDetails details) : ApplicationListLoader<Direction>
{
    protected override Task<ILookup<long, Direction>> ReadAsync(IReadOnlyCollection<long> applicationIds, CancellationToken cancellationToken) =>
        details.DirectionsOfAsync(applicationIds, cancellationToken);
}

public sealed class DocumentsLoader(ApplicationDetails details) : ApplicationListLoader<IssuedDocument>
{
    protected override Task<ILookup<long, IssuedDocument>> ReadAsync(IReadOnlyCollection<long> applicationIds, CancellationToken cancellationToken) =>
        details.DocumentsOfAsync(applicationIds, cancellationToken);
}

public sealed class HistoryLoader(ApplicationDetails details) : ApplicationListLoader<HistoryEntry>
{
    protected override Task<ILookup<long, HistoryEntry>> ReadAsync(IReadOnlyCollection<long> applicationIds, CancellationToken cancellationToken) =>
        details.HistoryOfAsync(applicationIds, cancellationToken);
}

public sealed class KindergartenLoader(ApplicationDetails details) : BatchLoader<Guid, Kindergarten>
{
    protected override Task<IReadOnlyDictionary<Guid, Kindergarten>> FetchAsync(IReadOnlyCollection<Guid> keys, IResolveFieldContext context,
        CancellationToken cancellationToken) =>
        details.KindergartensAsync(keys, cancellationToken);
}

/// <summary>The region of an application, for its records' times; the application that lists them primes it.</summary>
public sealed class ApplicationRegionLoader(ApplicationDetails details) : BatchLoader<long, string>
{
    protected override Task<IReadOnlyDictionary<long, string>> FetchAsync(IReadOnlyCollection<long> keys, IResolveFieldContext context,
        CancellationToken cancellationToken) =>
        details.RegionsOfApplicationsAsync(keys, cancellationToken);
}

public sealed class RegionLoader(ApplicationDetails details) : BatchLoader<string, Region>
{
    protected override Task<IReadOnlyDictionary<string, Region>> FetchAsync(IReadOnlyCollection<string> keys, IResolveFieldContext context,
        CancellationToken cancellationToken) =>
        details.RegionsAsync(keys, cancellationToken);
}

/// <summary>Queue numbers: null for an application that does not stand in the queue.</summary>
public sealed class QueuePositionLoader(QueuePositions positions) : BatchLoader<Application, QueuePosition?>
{
    protected override async Task<IReadOnlyDictionary<Application, QueuePosition?>> FetchAsync(IReadOnlyCollection<Application> keys,
        IResolveFieldContext context, CancellationToken cancellationToken)
    {
        var positionsById = await positions.OfManyAsync(keys, cancellationToken);
        return keys.ToDictionary(a => a, a => positionsById.TryGetValue(a.Id, out var position) ? position : null);
    }

    protected override QueuePosition? Missing(Application key) => null;
}

/// <summary>What the request's viewer may do with each application.</summary>
public sealed class AvailableActionsLoader(AvailableActions actions) : BatchLoader<long, IReadOnlyList<AvailableAction>>
{
    protected override Task<IReadOnlyDictionary<long, IReadOnlyList<AvailableAction>>> FetchAsync(IReadOnlyCollection<long> keys,
        IResolveFieldContext context, CancellationToken cancellationToken) =>
        actions.ForManyAsync(keys, context.RequireViewer(), cancellationToken);
}

/// <summary>A person's contact preferences: null until the person gives them.</summary>
public sealed class ContactPreferencesLoader(ApplicationDetails details) : BatchLoader<string, ContactPreferences?>
{
    protected override async Task<IReadOnlyDictionary<string, ContactPreferences?>> FetchAsync(IReadOnlyCollection<string> keys,
        IResolveFieldContext context, CancellationToken cancellationToken) =>
        (await details.ContactPreferencesAsync(keys, cancellationToken)).ToDictionary(p => p.Key, p => (ContactPreferences?)p.Value, StringComparer.Ordinal);

    protected override ContactPreferences? Missing(string key) => null;
}

/// <summary>The queue numbers of the past (30, 90, 365 days ago) of a page's applications, in one statement.</summary>
public sealed class PastQueueNumbersLoader(PastQueuePositions past) : BatchLoader<QueueKey, IReadOnlyList<PastQueueNumber>>
{
    protected override Task<IReadOnlyDictionary<QueueKey, IReadOnlyList<PastQueueNumber>>> FetchAsync(IReadOnlyCollection<QueueKey> keys,
        IResolveFieldContext context, CancellationToken cancellationToken) =>
        FetchByIdAsync(keys, cancellationToken);

    private async Task<IReadOnlyDictionary<QueueKey, IReadOnlyList<PastQueueNumber>>> FetchByIdAsync(IReadOnlyCollection<QueueKey> keys,
        CancellationToken cancellationToken)
    {
        var byId = await past.OfManyAsync(keys, cancellationToken);
        return keys.Distinct().ToDictionary(k => k, k => byId.TryGetValue(k.Id, out var numbers) ? numbers : []);
    }

    protected override IReadOnlyList<PastQueueNumber> Missing(QueueKey key) => [];
}

/// <summary>The waiting-time forecast of a page's applications standing in the queue: their places and their queues' turns, batched.</summary>
public sealed class WaitingForecastLoader(Kezek.Workflows.Forecast.ForecastWaiting forecast)
    : BatchLoader<Application, Kezek.Workflows.Forecast.WaitingForecastAnswer?>
{
    protected override async Task<IReadOnlyDictionary<Application, Kezek.Workflows.Forecast.WaitingForecastAnswer?>> FetchAsync(
        IReadOnlyCollection<Application> keys, IResolveFieldContext context, CancellationToken cancellationToken)
    {
        var byId = await forecast.ForApplicationsAsync(keys, cancellationToken);
        return keys.ToDictionary(a => a, a => byId.GetValueOrDefault(a.Id));
    }

    protected override Kezek.Workflows.Forecast.WaitingForecastAnswer? Missing(Application key) => null;
}

/// <summary>The open release window of a page's queued applications (their region and group year), batched.</summary>
public sealed class ReleaseWindowLoader(Kezek.Workflows.Windows.WindowReads reads) : BatchLoader<Application, Kezek.Workflows.Windows.OpenWindowView?>
{
    protected override async Task<IReadOnlyDictionary<Application, Kezek.Workflows.Windows.OpenWindowView?>> FetchAsync(
        IReadOnlyCollection<Application> keys, IResolveFieldContext context, CancellationToken cancellationToken)
    {
        var byId = await reads.OpenWindowsOfAsync(keys, cancellationToken);
        return keys.ToDictionary(a => a, a => byId.GetValueOrDefault(a.Id));
    }

    protected override Kezek.Workflows.Windows.OpenWindowView? Missing(Application key) => null;
}
