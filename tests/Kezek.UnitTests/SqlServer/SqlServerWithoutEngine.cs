using System.Data;
using System.Data.Common;
using Kezek.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace Kezek.UnitTests.SqlServer;

/// <summary>
/// Kezek's context on SQL Server with no server behind it: opening the connection is suppressed, and every command EF Core
/// sends is recorded and answered from a queue of made-up results (an empty result when none is queued). What is recorded
/// is exactly what SQL Server would receive — the text and its parameters — for the tests to parse with ScriptDom.
/// </summary>
public sealed class SqlServerWithoutEngine : DbCommandInterceptor, IDbConnectionInterceptor, IDisposable
{
    private readonly Queue<object> _answers = new();

    public SqlServerWithoutEngine()
    {
        var options = new DbContextOptionsBuilder<KezekDbContext>();
        options.UseKezekDatabase(DatabaseProvider.SqlServer, "Server=nowhere.invalid;Database=kezek;User Id=kezek;Password=unused;TrustServerCertificate=True")
            .AddInterceptors(this);
        Db = new KezekDbContext(options.Options);
    }

    public KezekDbContext Db { get; }

    /// <summary>What was sent: the text and the parameters (copied, as EF Core clears them once a command is done).</summary>
    public List<SentCommand> Commands { get; } = [];

    /// <summary>The rows the next reader answers with: a table of columns and values, in the order EF Core reads them.</summary>
    public void AnswerRows(DataTable rows) => _answers.Enqueue(rows);

    /// <summary>What the next non-query answers (the number of rows it changed).</summary>
    public void AnswerCount(int rows) => _answers.Enqueue(rows);

    public static DataTable Rows(params (string Name, Type Type)[] columns)
    {
        var table = new DataTable();
        foreach (var (name, type) in columns)
            table.Columns.Add(name, type);
        return table;
    }

    public InterceptionResult ConnectionOpening(DbConnection connection, ConnectionEventData eventData, InterceptionResult result) =>
        InterceptionResult.Suppress();

    public ValueTask<InterceptionResult> ConnectionOpeningAsync(DbConnection connection, ConnectionEventData eventData, InterceptionResult result,
        CancellationToken cancellationToken = default) => ValueTask.FromResult(InterceptionResult.Suppress());

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result) =>
        InterceptionResult<DbDataReader>.SuppressWithResult(Reader(command));

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(InterceptionResult<DbDataReader>.SuppressWithResult(Reader(command)));

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result) =>
        InterceptionResult<int>.SuppressWithResult(Count(command));

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default) => ValueTask.FromResult(InterceptionResult<int>.SuppressWithResult(Count(command)));

    private DataTableReader Reader(DbCommand command)
    {
        Commands.Add(new SentCommand(command.CommandText, command.Parameters.Cast<DbParameter>().Select(p => (p.ParameterName, p.Value)).ToList()));
        return (_answers.Count > 0 && _answers.Peek() is DataTable ? (DataTable)_answers.Dequeue() : new DataTable()).CreateDataReader();
    }

    private int Count(DbCommand command)
    {
        Commands.Add(new SentCommand(command.CommandText, command.Parameters.Cast<DbParameter>().Select(p => (p.ParameterName, p.Value)).ToList()));
        return _answers.Count > 0 && _answers.Peek() is int ? (int)_answers.Dequeue() : 0;
    }

    public void Dispose() => Db.Dispose();
}

public sealed record SentCommand(string CommandText, IReadOnlyList<(string Name, object? Value)> Parameters);

/// <summary>T-SQL as SQL Server 2022 parses it (compatibility level 160), with quoted identifiers on as SqlClient sets them.</summary>
public static class TSql
{
    public static TSqlFragment Parse(string sql)
    {
        var parser = new TSql160Parser(initialQuotedIdentifiers: true);
        using var reader = new StringReader(sql);
        var fragment = parser.Parse(reader, out var errors);
        Assert.True(errors.Count == 0,
            $"{errors.Count} T-SQL parse error(s):\n" + string.Join("\n", errors.Take(10).Select(e => $"line {e.Line}, column {e.Column}: {e.Message}"))
            + "\n--- in ---\n" + (sql.Length > 4000 ? sql[..4000] + "…" : sql));
        return fragment;
    }

    /// <summary>Every node of a type in a parsed script.</summary>
    public static List<T> All<T>(TSqlFragment fragment)
        where T : TSqlFragment
    {
        var visitor = new Collector<T>();
        fragment.Accept(visitor);
        return visitor.Found;
    }

    private sealed class Collector<T> : TSqlFragmentVisitor
        where T : TSqlFragment
    {
        public List<T> Found { get; } = [];

        public override void Visit(TSqlFragment fragment)
        {
            if (fragment is T found)
                Found.Add(found);
        }
    }
}
