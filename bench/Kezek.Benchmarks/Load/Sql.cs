using System.Globalization;
using Npgsql;

namespace Kezek.Benchmarks.Load;

/// <summary>The benchmarks' own statements on PostgreSQL (setting up, checking, cleaning up): one statement, one call.</summary>
public static class Sql
{
    public static async Task ExecuteAsync(NpgsqlDataSource data, string sql)
    {
        await using var command = data.CreateCommand(sql);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>On a connection string of its own (e.g. the server's <c>postgres</c> database, to create or drop another).</summary>
    public static async Task ExecuteAsync(string connection, string sql)
    {
        await using var data = NpgsqlDataSource.Create(connection);
        await ExecuteAsync(data, sql);
    }

    public static async Task<T> ScalarAsync<T>(NpgsqlDataSource data, string sql)
    {
        await using var command = data.CreateCommand(sql);
        return (T)Convert.ChangeType((await command.ExecuteScalarAsync())!, typeof(T), CultureInfo.InvariantCulture);
    }
}
