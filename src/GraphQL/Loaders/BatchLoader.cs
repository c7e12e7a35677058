using GraphQL;
using GraphQL.DataLoader;
using GraphQLParser.AST;

namespace Kezek.GraphQL.Loaders;

/// <summary>
/// A DataLoader: in a query, the keys that the resolvers of one level ask for are fetched together, in one call, when
/// the execution strategy first awaits one of them — after it has resolved every other field of that level — and each
/// key is fetched once per request. A request's fields run one after another (queries use the serial strategy, and
/// GraphQL runs mutations serially), so a loader, like the request's DbContext, is never used by two threads at once.
/// </summary>
/// <remarks>
/// In a mutation a key is loaded at once, alone: the serial strategy completes pending results only after every other
/// field, so a payload would otherwise show the state after the request's later mutations. Its answers are kept for the
/// rest of that mutation's payload only.
/// </remarks>
public abstract class BatchLoader<TKey, TValue>
    where TKey : notnull
{
    // Each key's batch: the fetch that answers it (a failed fetch fails every field that waits for it).
    private readonly Dictionary<TKey, Task<IReadOnlyDictionary<TKey, TValue>>> _batches = [];
    private readonly List<TKey> _pending = [];
    private readonly HashSet<TKey> _queued = [];
    private object? _mutation;

    /// <summary>The value of a key: pending in a query (resolved with the rest of its level), loaded now in a mutation.</summary>
    public async Task<object?> LoadAsync(IResolveFieldContext context, TKey key)
    {
        if (context.Operation.Operation == OperationType.Query)
        {
            if (!_batches.ContainsKey(key) && _queued.Add(key))
                _pending.Add(key);
            return new Pending(this, key, context);
        }

        var mutation = context.Path.First();
        if (!Equals(mutation, _mutation))
        {
            _mutation = mutation;
            _batches.Clear();
        }

        if (!_batches.TryGetValue(key, out var batch))
            _batches[key] = batch = FetchAsync([key], context, context.CancellationToken);
        return ValueOf(await batch, key);
    }

    /// <summary>
    /// Gives a key's value that the caller already holds (the region of the application whose list it resolves), so that
    /// the fields below it load nothing for it.
    /// </summary>
    public void Prime(IResolveFieldContext context, TKey key, TValue value)
    {
        if (context.Operation.Operation != OperationType.Query)
        {
            var mutation = context.Path.First();
            if (!Equals(mutation, _mutation))
            {
                _mutation = mutation;
                _batches.Clear();
            }
        }

        if (_queued.Contains(key))
            return; // already asked for; its batch will answer it
        _batches.TryAdd(key, Task.FromResult<IReadOnlyDictionary<TKey, TValue>>(new Dictionary<TKey, TValue> { [key] = value }));
    }

    /// <summary>A part of the value of a key (one field of a loaded object), pending or loaded as <see cref="LoadAsync(IResolveFieldContext, TKey)"/>.</summary>
    public async Task<object?> LoadAsync<TResult>(IResolveFieldContext context, TKey key, Func<TValue, TResult> select)
    {
        var loaded = await LoadAsync(context, key);
        return loaded is IDataLoaderResult<TValue> pending ? new Selected<TResult>(pending, select) : select((TValue)loaded!);
    }

    /// <summary>The values of the keys found; a key left out gets <see cref="Missing"/>.</summary>
    protected abstract Task<IReadOnlyDictionary<TKey, TValue>> FetchAsync(IReadOnlyCollection<TKey> keys, IResolveFieldContext context,
        CancellationToken cancellationToken);

    /// <summary>The value of a key the fetch did not find: by default an error, as for a reference that must exist.</summary>
    protected virtual TValue Missing(TKey key) => throw new InvalidOperationException($"{GetType().Name} found nothing for {key}.");

    private async Task<TValue> ResultAsync(TKey key, IResolveFieldContext context, CancellationToken cancellationToken)
    {
        if (!_batches.TryGetValue(key, out var batch))
        {
            var keys = _pending.ToList();
            _pending.Clear();
            _queued.Clear();
            batch = FetchAsync(keys, context, cancellationToken);
            foreach (var queued in keys)
                _batches[queued] = batch;
        }

        return ValueOf(await batch, key);
    }

    private TValue ValueOf(IReadOnlyDictionary<TKey, TValue> fetched, TKey key) => fetched.TryGetValue(key, out var value) ? value : Missing(key);

    private sealed class Pending(BatchLoader<TKey, TValue> loader, TKey key, IResolveFieldContext context) : IDataLoaderResult<TValue>
    {
        public Task<TValue> GetResultAsync(CancellationToken cancellationToken = default) => loader.ResultAsync(key, context, cancellationToken);

        async Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken) => await GetResultAsync(cancellationToken);
    }

    private sealed class Selected<TResult>(IDataLoaderResult<TValue> pending, Func<TValue, TResult> select) : IDataLoaderResult<TResult>
    {
        public async Task<TResult> GetResultAsync(CancellationToken cancellationToken = default) => select(await pending.GetResultAsync(cancellationToken));

        async Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken) => await GetResultAsync(cancellationToken);
    }
}

/// <summary>A loader of each application's list of something (parents, directions…): an application without any gets an empty list.</summary>
public abstract class ApplicationListLoader<TValue> : BatchLoader<long, IReadOnlyList<TValue>>
{
    protected sealed override async Task<IReadOnlyDictionary<long, IReadOnlyList<TValue>>> FetchAsync(IReadOnlyCollection<long> keys,
        IResolveFieldContext context, CancellationToken cancellationToken) =>
        (await ReadAsync(keys, cancellationToken)).ToDictionary(group => group.Key, group => (IReadOnlyList<TValue>)[.. group]);

    protected abstract Task<ILookup<long, TValue>> ReadAsync(IReadOnlyCollection<long> applicationIds, CancellationToken cancellationToken);

    protected sealed override IReadOnlyList<TValue> Missing(long key) => [];
}
