using System.Diagnostics;
using Kezek.IntegrationTests.Hosting;

namespace Kezek.IntegrationTests.Lifecycle;

/// <summary>
/// What a sweep's batch costs the database, counted in SQL statements (issue 16's sweep of 100,000 timers): every statement
/// of every command EF sends (a batched save counts each of its statements) and each statement the bulk save's writer sends
/// itself (its ids, each COPY). On PostgreSQL a batch of missed choices costs a fixed number of statements however many
/// timers it fires: the new history, outbox and timer rows are copied, not inserted one statement each.
/// </summary>
public abstract class SweepCostTests(KezekFactory kezek) : KezekTest(kezek)
{
    private const int Timers = 24;

    /// <summary>
    /// Statements of one sweep of <see cref="Timers"/> missed choices on PostgreSQL, besides one UPDATE per application: the due
    /// timers, the applications, the claim, the free seats, the timers cancelled, the seats moved, the families' languages, and the
    /// bulk save's ids and two COPYs (history, outbox: 24 and 72 rows). Before the bulk save: 7 and one INSERT per history entry
    /// and outbox row, 103 for 24 timers (127 with the updates), where now there are 10 for any number (34 with the updates).
    /// </summary>
    public const int PostgresBound = 10;

    [Fact]
    public async Task A_sweep_batch_costs_a_fixed_number_of_statements_besides_its_applications_updates()
    {
        var queue = await new Queues(Kezek).WithChildrenAsync(Timers);
        Assert.Equal(Timers, (await queue.PublishAsync(Timers)).GetProperty("notified").GetInt32());
        await queue.AdvanceClockAsync(TimeSpan.FromDays(40));

        var copies = new List<string>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "Kezek.Persistence.BulkCopy",
            Sample = (ref ActivityCreationOptions<System.Diagnostics.ActivityContext> _) => ActivitySamplingResult.AllData,
            ActivityStopped = activity => { lock (copies) copies.Add($"{activity.DisplayName} {activity.GetTagItem("rows")}".Trim()); },
        };
        ActivitySource.AddActivityListener(listener);
        var recording = Kezek.Sql.Record();
        var swept = await queue.SweepAsync();
        recording.Dispose();

        Assert.Equal(Timers, swept.Fired);
        var statements = recording.Commands.SelectMany(Statements).ToList();
        var updates = statements.Count(s => s.StartsWith("UPDATE \"Applications\"", StringComparison.Ordinal));
        var others = statements.Count - updates + copies.Count;
        var listing = $"{statements.Count} statements in {recording.Count} commands, {copies.Count} of the bulk writer ({string.Join(", ", copies)}):\n"
                      + string.Join("\n---\n", statements);
        if (Kezek is PostgresKezek)
        {
            Assert.Equal(Timers, updates);
            Assert.True(others <= PostgresBound, listing);
            Assert.Contains($"COPY \"HistoryEntries\" {Timers}", copies);
        }
    }

    /// <summary>The statements of a command's text (EF batches a save's statements in one command, each ending with a semicolon).</summary>
    private static IEnumerable<string> Statements(string command) =>
        command.Split(';').Select(s => s.Trim()).Where(s => s.Length > 0);
}

[Collection(SqliteCollection.Name)]
public sealed class SweepCostOnSqlite(SqliteKezek kezek) : SweepCostTests(kezek);

[Collection(PostgresCollection.Name)]
public sealed class SweepCostOnPostgres(PostgresKezek kezek) : SweepCostTests(kezek);
