using Microsoft.Data.Sqlite;

namespace Kezek.Server.Demo.Country;

/// <summary>
/// Writes the country to SQLite in one transaction, one prepared INSERT per table reused for every row, with
/// synchronous writes off while loading. The values are bound as EF Core binds them (text dates and UUIDs,
/// integer booleans), so Kezek reads them back as its own. Meant for 10,000–100,000 applications.
/// </summary>
public sealed class SqliteSink : ICountrySink
{
    private readonly SqliteConnection _connection;
    private readonly SqliteTransaction _transaction;

    private SqliteSink(SqliteConnection connection, SqliteTransaction transaction)
    {
        _connection = connection;
        _transaction = transaction;
    }

    public static async Task<SqliteSink> OpenAsync(string connectionString, CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using (var pragma = new SqliteCommand("PRAGMA synchronous=OFF", connection))
            await pragma.ExecuteNonQueryAsync(cancellationToken);
        return new SqliteSink(connection, (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken));
    }

    public async Task<long> CountRowsAsync(string table, CancellationToken cancellationToken)
    {
        await using var command = new SqliteCommand($"SELECT count(*) FROM \"{table}\"", _connection, _transaction);
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    public async Task ExecuteAsync(string sql, CancellationToken cancellationToken)
    {
        await using var command = new SqliteCommand(sql, _connection, _transaction);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task EmptyAsync(IReadOnlyList<string> tables, CancellationToken cancellationToken)
    {
        foreach (var table in tables)
            await ExecuteAsync($"DELETE FROM \"{table}\"", cancellationToken);
    }

    public Task<long> WriteAsync<T>(CountryTable<T> table, IEnumerable<T> rows, CancellationToken cancellationToken)
    {
        using var command = new SqliteCommand(
            $"INSERT INTO \"{table.Name}\" ({string.Join(", ", table.Columns.Select(c => $"\"{c.Name}\""))}) " +
            $"VALUES ({string.Join(", ", table.Columns.Select((_, i) => $"$p{i}"))})", _connection, _transaction);
        for (var i = 0; i < table.Columns.Count; i++)
            command.Parameters.Add(new SqliteParameter($"$p{i}", null));
        command.Prepare();
        var writer = new ParameterRowWriter(command.Parameters);
        long written = 0;
        foreach (var row in rows)
        {
            cancellationToken.ThrowIfCancellationRequested();
            writer.Next();
            table.WriteRow(writer, row);
            written += command.ExecuteNonQuery();
        }

        return Task.FromResult(written);
    }

    public async Task CompleteAsync(IReadOnlyList<string> identityTables, IReadOnlyList<string> writtenTables, CancellationToken cancellationToken)
    {
        // AUTOINCREMENT keys move past explicitly written ids by themselves.
        await _transaction.CommitAsync(cancellationToken);
        await using var analyze = new SqliteCommand("ANALYZE", _connection);
        await analyze.ExecuteNonQueryAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await _transaction.DisposeAsync();
        await _connection.DisposeAsync();
    }

    /// <summary>Sets the INSERT's parameters in column order.</summary>
    private sealed class ParameterRowWriter(SqliteParameterCollection parameters) : IRowWriter
    {
        private int _next;

        public void Next() => _next = 0;

        public void Text(string? value) => Set(value);

        public void Number(int value) => Set(value);

        public void Id(long value) => Set(value);

        public void Flag(bool value) => Set(value);

        public void Date(DateOnly? value) => Set(value);

        public void Timestamp(DateTime? value) => Set(value);

        public void Uuid(Guid value) => Set(value);

        private void Set(object? value) => parameters[_next++].Value = value ?? DBNull.Value;
    }
}
