using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Kezek.IntegrationTests.Hosting;

/// <summary>
/// Counts the SQL commands the server sends while a test records: every command EF Core executes passes here.
/// The tests of one database run one after another, so one recording at a time sees only its own request.
/// </summary>
public sealed class SqlCommands : DbCommandInterceptor
{
    private readonly Lock _gate = new();
    private List<string>? _recording;

    /// <summary>Records the commands sent until the returned recording is disposed.</summary>
    public Recording Record()
    {
        var recording = new Recording(this);
        lock (_gate)
            _recording = recording.Commands;
        return recording;
    }

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Add(command);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Add(command);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        Add(command);
        return result;
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Add(command);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        Add(command);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Add(command);
        return ValueTask.FromResult(result);
    }

    private void Add(DbCommand command)
    {
        lock (_gate)
            _recording?.Add(command.CommandText);
    }

    public sealed class Recording(SqlCommands commands) : IDisposable
    {
        public List<string> Commands { get; } = [];

        public int Count
        {
            get
            {
                lock (commands._gate)
                    return Commands.Count;
            }
        }

        /// <summary>The commands, numbered, for an assertion's message.</summary>
        public override string ToString()
        {
            lock (commands._gate)
                return string.Join("\n---\n", Commands.Select((sql, i) => $"#{i + 1}: {sql}"));
        }

        public void Dispose()
        {
            lock (commands._gate)
            {
                if (ReferenceEquals(commands._recording, Commands))
                    commands._recording = null;
            }
        }
    }
}
