namespace Kezek.Server.Demo.Country;

/// <summary>Where the country is written: a database of one provider, in one transaction.</summary>
public interface ICountrySink : IAsyncDisposable
{
    Task<long> CountRowsAsync(string table, CancellationToken cancellationToken);

    Task ExecuteAsync(string sql, CancellationToken cancellationToken);

    /// <summary>Deletes every row of these tables; nothing else may refer to them.</summary>
    Task EmptyAsync(IReadOnlyList<string> tables, CancellationToken cancellationToken);

    /// <summary>Writes the rows as they come (nothing is held), returns how many.</summary>
    Task<long> WriteAsync<T>(CountryTable<T> table, IEnumerable<T> rows, CancellationToken cancellationToken);

    /// <summary>Commits, moves identity sequences past the written ids, and refreshes the planner's statistics.</summary>
    Task CompleteAsync(IReadOnlyList<string> identityTables, IReadOnlyList<string> writtenTables, CancellationToken cancellationToken);
}
