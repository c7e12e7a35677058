using System.Globalization;
using Npgsql;
using NpgsqlTypes;

namespace Kezek.Server.Demo.Country;

/// <summary>
/// Writes the country to PostgreSQL with binary COPY, one table after the other in one transaction (rows stream
/// from the generator to the server; the foreign keys see the applications written before their history). After
/// the commit, VACUUM ANALYZE: the visibility map lets the queue counts run as index-only scans.
/// </summary>
public sealed class PostgresSink : ICountrySink
{
    private readonly NpgsqlConnection _connection;
    private readonly NpgsqlTransaction _transaction;

    private PostgresSink(NpgsqlConnection connection, NpgsqlTransaction transaction)
    {
        _connection = connection;
        _transaction = transaction;
    }

    public static async Task<PostgresSink> OpenAsync(string connectionString, CancellationToken cancellationToken)
    {
        // A COPY checks its foreign keys when it completes: far beyond a 30-second command timeout at a million rows.
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { CommandTimeout = 0 }.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        return new PostgresSink(connection, await connection.BeginTransactionAsync(cancellationToken));
    }

    public async Task<long> CountRowsAsync(string table, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand($"SELECT count(*) FROM \"{table}\"", _connection, _transaction);
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    public async Task ExecuteAsync(string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, _connection, _transaction);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public Task EmptyAsync(IReadOnlyList<string> tables, CancellationToken cancellationToken) =>
        ExecuteAsync($"TRUNCATE {string.Join(", ", tables.Select(t => $"\"{t}\""))} RESTART IDENTITY", cancellationToken);

    public async Task<long> WriteAsync<T>(CountryTable<T> table, IEnumerable<T> rows, CancellationToken cancellationToken)
    {
        var columns = string.Join(", ", table.Columns.Select(c => $"\"{c.Name}\""));
        await using var importer = await _connection.BeginBinaryImportAsync($"COPY \"{table.Name}\" ({columns}) FROM STDIN (FORMAT BINARY)",
            cancellationToken);
        var writer = new CopyRowWriter(importer);
        foreach (var row in rows)
        {
            importer.StartRow();
            table.WriteRow(writer, row);
        }

        return (long)await importer.CompleteAsync(cancellationToken);
    }

    public async Task CompleteAsync(IReadOnlyList<string> identityTables, IReadOnlyList<string> writtenTables, CancellationToken cancellationToken)
    {
        // The ids were written explicitly: the identity sequences must continue after them.
        foreach (var table in identityTables)
        {
            await ExecuteAsync(string.Create(CultureInfo.InvariantCulture,
                $"SELECT setval(pg_get_serial_sequence('\"{table}\"', 'Id'), COALESCE(MAX(\"Id\"), 0) + 1, false) FROM \"{table}\""), cancellationToken);
        }

        await _transaction.CommitAsync(cancellationToken);
        await using var vacuum = new NpgsqlCommand($"VACUUM (ANALYZE) {string.Join(", ", writtenTables.Select(t => $"\"{t}\""))}", _connection);
        await vacuum.ExecuteNonQueryAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await _transaction.DisposeAsync();
        await _connection.DisposeAsync();
    }

    /// <summary>Values straight into the COPY stream; the types match the columns, so no conversion happens on the server.</summary>
    private sealed class CopyRowWriter(NpgsqlBinaryImporter importer) : IRowWriter
    {
        public void Text(string? value)
        {
            if (value is null)
                importer.WriteNull();
            else
                importer.Write(value, NpgsqlDbType.Text);
        }

        public void Number(int value) => importer.Write(value, NpgsqlDbType.Integer);

        public void Id(long value) => importer.Write(value, NpgsqlDbType.Bigint);

        public void Flag(bool value) => importer.Write(value, NpgsqlDbType.Boolean);

        public void Date(DateOnly? value)
        {
            if (value is { } date)
                importer.Write(date, NpgsqlDbType.Date);
            else
                importer.WriteNull();
        }

        public void Timestamp(DateTime? value)
        {
            if (value is { } instant)
                importer.Write(instant, NpgsqlDbType.TimestampTz);
            else
                importer.WriteNull();
        }

        public void Uuid(Guid value) => importer.Write(value, NpgsqlDbType.Uuid);
    }
}
