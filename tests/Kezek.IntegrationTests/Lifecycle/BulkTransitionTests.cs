using System.Diagnostics;
using System.Globalization;
using Kezek.Core.Applications;
using Kezek.Core.CivilRegistry;
using Kezek.Core.Iins;
using Kezek.Core.Identity;
using Kezek.Core.Lifecycle;
using Kezek.Core.People;
using Kezek.Core.Places;
using Kezek.Core.Words;
using Kezek.Infrastructure.Persistence;
using Kezek.IntegrationTests.Hosting;
using Kezek.Workflows.Lifecycle;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Kezek.IntegrationTests.Lifecycle;

/// <summary>
/// The bulk transition runner (<see cref="ApplicationLifecycle.FireManyAsync"/>) against one transition at a time, on the
/// same mixed population, each run rolled back: two regions with their own rule sets, families of two languages, guards
/// that refuse some, applications in a state the trigger does not leave, and fewer queue seats than missed turns.
/// </summary>
public abstract class BulkTransitionTests(KezekFactory kezek) : KezekTest(kezek)
{
    [Fact]
    public async Task A_bulk_run_writes_what_one_transition_at_a_time_writes()
    {
        var queue = await new Queues(Kezek).WithChildrenAsync(10, oneMinuteApart: false);
        // A second region, under another rule set (default.json rather than almaty.json).
        var others = Queues.ChildIins(6, new DateOnly(2022, 7, 1));
        await queue.Api.ImportCivilRegistryAsync("childIin,childFullName,childBirthDate,parentIin,parentFullName,relation\n" + string.Join('\n',
            others.Select((iin, i) => $"{iin},{Queues.ChildName(100 + i)},{Iin.Parse(iin).Value.BirthDate:yyyy-MM-dd},{TestPeople.MotherIin},АХМЕТОВА АЙГЕРІМ СЕРІКҚЫЗЫ,MOTHER")));
        foreach (var iin in others)
            (await queue.Api.RegisterAsync(Kezek.People.Mother, queue.Mother, GraphQLClient.RegistrationInput(iin, "aktobe"))).Ok();

        var now = Kezek.Clock.GetUtcNow().UtcDateTime;
        await Kezek.WithDbAsync(async db =>
        {
            var applications = await db.Applications.Include(a => a.Parents).OrderBy(a => a.Id).ToListAsync();
            Assert.Equal(16, applications.Count);
            // The father, who reads Kazakh, in every third family; the mother keeps Russian.
            foreach (var application in applications.Where((_, i) => i % 3 == 0))
                Assert.True(application.AttachParent(new Actor(TestPeople.FatherIin, People.Father.FullName, Role.Applicant), Relation.Father, now).IsSuccess);
            db.ContactPreferences.Add(new ContactPreferences(TestPeople.FatherIin, "father@example.kz", Language.Kk, now));
            // Two on the stop-list (their guard refuses the turn).
            foreach (var application in applications.Where((_, i) => i is 2 or 11))
                application.PutOnStopList(now.AddDays(30));
            // Three queue seats in Almaty, for more missed turns than that.
            for (var i = 0; i < 3; i++)
                db.Places.Add(new Place(Guid.NewGuid(), Queues.KindergartenId, "almaty", 2022, Language.Kk, PlaceMode.Queue, now.AddMinutes(i)));
            return await db.SaveChangesAsync();
        });

        var turns = await CompareAsync(Triggers.TurnCame, "HistoryEntries", "Notifications", "WorkflowTimers");
        Assert.Equal(14, turns.Count(line => line.EndsWith(": moved", StringComparison.Ordinal)));
        Assert.Contains(turns, line => line.EndsWith(": " + Core.Results.ErrorCodes.StopListed, StringComparison.Ordinal));

        // The turns come (committed, in bulk); then the choices are missed: the two stop-listed, still queued, are refused.
        await RunAsync(Triggers.TurnCame, bulk: true, commit: true);
        var missed = await CompareAsync(Triggers.ChoiceMissed, "HistoryEntries", "Notifications");
        Assert.Equal(14, missed.Count(line => line.EndsWith(": moved", StringComparison.Ordinal)));
        Assert.Equal(2, missed.Count(line => line.EndsWith(": ACTION_NOT_AVAILABLE", StringComparison.Ordinal)));
        Assert.Contains(missed, line => line.StartsWith("seats almaty FreeChoice free 3", StringComparison.Ordinal));
        Assert.Contains(missed, line => line.StartsWith("outbox", StringComparison.Ordinal) && line.Contains(TestPeople.FatherIin, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_window_close_s_Allocate_in_bulk_with_the_seats_claimed_writes_what_one_at_a_time_writes()
    {
        var queue = await new Queues(Kezek).WithChildrenAsync(6, oneMinuteApart: false);
        var now = Kezek.Clock.GetUtcNow().UtcDateTime;
        await Kezek.WithDbAsync(async db =>
        {
            var applications = await db.Applications.Include(a => a.Parents).OrderBy(a => a.Id).ToListAsync();
            // The father, who reads Kazakh, in every other family; one seat of a window per family, in both kindergartens.
            foreach (var application in applications.Where((_, i) => i % 2 == 0))
                Assert.True(application.AttachParent(new Actor(TestPeople.FatherIin, People.Father.FullName, Role.Applicant), Relation.Father, now).IsSuccess);
            db.ContactPreferences.Add(new ContactPreferences(TestPeople.FatherIin, "father@example.kz", Language.Kk, now));
            for (var i = 0; i < applications.Count; i++)
                db.Places.Add(new Place(Guid.NewGuid(), i % 3 == 0 ? Queues.OtherKindergartenId : Queues.KindergartenId, "almaty", 2022,
                    i % 2 == 0 ? Language.Kk : Language.Ru, PlaceMode.Window, now.AddMinutes(i)));
            return await db.SaveChangesAsync();
        });

        var one = await AllocateAsync(bulk: false);
        var many = await AllocateAsync(bulk: true);
        Assert.Equal(one, many);
        Assert.Equal(6, many.Count(line => line.EndsWith(": moved", StringComparison.Ordinal)));
        Assert.Equal(6, many.Count(line => line.StartsWith("document ", StringComparison.Ordinal) && line.Contains(" Direction direction-of-", StringComparison.Ordinal)));
        Assert.Contains(many, line => line.StartsWith("seats almaty Window taken 6", StringComparison.Ordinal));
    }

    /// <summary>
    /// Fires <c>Allocate</c> for every queued application with the i-th window seat, rolled back: one at a time (each claims
    /// its seat), or in bulk with the seats claimed by the caller as a window's close claims them.
    /// </summary>
    private async Task<IReadOnlyList<string>> AllocateAsync(bool bulk)
    {
        using var scope = Kezek.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<KezekDbContext>();
        var lifecycle = scope.ServiceProvider.GetRequiredService<ApplicationLifecycle>();
        await using var transaction = await db.Database.BeginTransactionAsync();
        var applications = await lifecycle.ForChange.OrderBy(a => a.Id).ToListAsync();
        var seats = await db.Places.Where(p => p.Mode == PlaceMode.Window).OrderBy(p => p.PublishedAt).ToListAsync();
        var request = new TransitionRequest(Actor.System, Allocated: true);
        var lines = new List<string>();
        if (bulk)
        {
            var claimed = new Dictionary<long, Place>();
            for (var i = 0; i < applications.Count; i++)
            {
                seats[i].TakeByAllocation(applications[i].Id);
                claimed[applications[i].Id] = seats[i];
            }

            var kindergartens = await db.Kindergartens.AsNoTracking().ToDictionaryAsync(k => k.Id);
            var outcomes = await lifecycle.FireManyAsync(applications, Triggers.Allocate, request, CancellationToken.None, nested: true,
                claims: new BulkClaims(claimed, kindergartens));
            lines.AddRange(outcomes.Select(o => $"{o.Application.Number}: {(o.Outcome.IsSuccess ? "moved" : o.Outcome.Error!.Code)}"));
            await db.SaveChangesAsync();
        }
        else
        {
            for (var i = 0; i < applications.Count; i++)
            {
                var outcome = await lifecycle.FireAsync(applications[i], Triggers.Allocate, request with { PlaceId = seats[i].Id }, CancellationToken.None);
                lines.Add($"{applications[i].Number}: {(outcome.IsSuccess ? "moved" : outcome.Error!.Code)}");
                if (outcome.IsSuccess)
                    await db.SaveChangesAsync();
            }
        }

        lines.AddRange(await WrittenAsync(db));
        await transaction.RollbackAsync();
        return lines;
    }

    /// <summary>
    /// Fires the trigger for every application both ways, each run rolled back, and asserts that both wrote the same; and a
    /// third time in bulk saved by <see cref="KezekDbContext.SaveInBulkAsync"/> (on PostgreSQL the new history, outbox and
    /// timer rows copied), which must write the same rows, every column of them but the ids.
    /// </summary>
    private async Task<IReadOnlyList<string>> CompareAsync(string trigger, params string[] copiedTables)
    {
        var one = await RunAsync(trigger, bulk: false, commit: false);
        var many = await RunAsync(trigger, bulk: true, commit: false);
        Assert.Equal(one, many);
        var copies = new List<string>();
        using (var listener = new ActivityListener
               {
                   ShouldListenTo = source => source.Name == "Kezek.Persistence.BulkCopy",
                   Sample = (ref ActivityCreationOptions<System.Diagnostics.ActivityContext> _) => ActivitySamplingResult.AllData,
                   ActivityStopped = activity => { lock (copies) copies.Add(activity.DisplayName); },
               })
        {
            ActivitySource.AddActivityListener(listener);
            var copied = await RunAsync(trigger, bulk: true, commit: false, inBulk: true);
            Assert.Equal(many, copied);
        }

        // On PostgreSQL the rows were copied, not inserted by EF (SQLite saves as ever; the PostgreSQL tests run meanwhile, so
        // its listener may hear their copies).
        if (Kezek is PostgresKezek)
            Assert.Equal([.. copiedTables.Select(t => $"COPY \"{t}\""), "nextval"], copies.Order(StringComparer.Ordinal));
        return many;
    }

    private async Task<IReadOnlyList<string>> RunAsync(string trigger, bool bulk, bool commit, bool inBulk = false)
    {
        using var scope = Kezek.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<KezekDbContext>();
        var lifecycle = scope.ServiceProvider.GetRequiredService<ApplicationLifecycle>();
        await using var transaction = await db.Database.BeginTransactionAsync();
        var applications = await lifecycle.ForChange.OrderBy(a => a.Id).ToListAsync();
        var lines = new List<string>();
        if (bulk)
        {
            var outcomes = await lifecycle.FireManyAsync(applications, trigger, TransitionRequest.BySystem(), CancellationToken.None);
            lines.AddRange(outcomes.Select(o => $"{o.Application.Number}: {(o.Outcome.IsSuccess ? "moved" : o.Outcome.Error!.Code)}"));
            if (inBulk)
                await db.SaveInBulkAsync();
            else
                await db.SaveChangesAsync();
        }
        else
        {
            foreach (var application in applications)
            {
                var outcome = await lifecycle.FireAsync(application, trigger, TransitionRequest.BySystem(), CancellationToken.None);
                lines.Add($"{application.Number}: {(outcome.IsSuccess ? "moved" : outcome.Error!.Code)}");
                if (outcome.IsSuccess)
                    await db.SaveChangesAsync();
            }
        }

        lines.AddRange(await WrittenAsync(db));
        if (commit)
            await transaction.CommitAsync();
        else
            await transaction.RollbackAsync();
        return lines;
    }

    /// <summary>
    /// What the transitions wrote, in lines that do not depend on the order of writing: applications, history (with its chain),
    /// outbox, timers, directions and documents (their ids, new in each run, named by their application), seats.
    /// </summary>
    private static async Task<IReadOnlyList<string>> WrittenAsync(KezekDbContext db)
    {
        var lines = new List<string>();
        db.ChangeTracker.Clear();
        var numbers = await db.Applications.AsNoTracking().ToDictionaryAsync(a => a.Id, a => a.Number);
        var directions = await db.Directions.AsNoTracking().ToListAsync();
        lines.AddRange((await db.Applications.AsNoTracking().OrderBy(a => a.Id).ToListAsync())
            .Select(a => string.Create(CultureInfo.InvariantCulture, $"application {a.Number} {a.Status} {a.State} {a.DeadlineAt:O} {a.StopListedUntil:O} {a.HistoryHead}")));
        lines.AddRange((await db.HistoryEntries.AsNoTracking().ToListAsync())
            .Select(h => string.Create(CultureInfo.InvariantCulture,
                $"history {numbers[h.ApplicationId]} {h.At:O} {h.Action} {h.FromStatus} {h.ToStatus} {h.ActorIin} {h.Reason} {h.PreviousHash} {h.Hash}"))
            .Order(StringComparer.Ordinal));
        lines.AddRange((await db.Notifications.AsNoTracking().ToListAsync())
            .Select(n => string.Create(CultureInfo.InvariantCulture,
                $"outbox {numbers[n.ApplicationId]} {n.RecipientIin} {n.Template} {n.Channel} {n.Language} {n.Status} {n.CreatedAt:O} {n.Data}"))
            .Order(StringComparer.Ordinal));
        lines.AddRange((await db.WorkflowTimers.AsNoTracking().ToListAsync())
            .Select(t => string.Create(CultureInfo.InvariantCulture,
                $"timer {numbers[t.ApplicationId]} {t.Kind} {t.State} {t.Trigger} {t.DueAt:O} {t.Status} {t.CompletedAt:O}"))
            .Order(StringComparer.Ordinal));
        lines.AddRange((await db.Places.AsNoTracking().GroupBy(p => new { p.RegionCode, p.Mode, Free = p.TakenByApplicationId == null })
                .Select(g => new { g.Key.RegionCode, g.Key.Mode, g.Key.Free, Count = g.Count() }).ToListAsync())
            .Select(g => $"seats {g.RegionCode} {g.Mode} {(g.Free ? "free" : "taken")} {g.Count}")
            .Order(StringComparer.Ordinal));
        lines.AddRange(directions.Select(d => string.Create(CultureInfo.InvariantCulture,
                $"direction {numbers[d.ApplicationId]} {d.KindergartenId} {d.PlaceId} {d.Status} {d.IssuedAt:O} {d.ExpiresAt:O} {d.RevokeUntil:O} {d.ExtendableUntil:O}"))
            .Order(StringComparer.Ordinal));
        lines.AddRange((await db.Documents.AsNoTracking().ToListAsync())
            .Select(d => string.Create(CultureInfo.InvariantCulture, $"document {numbers[d.ApplicationId]} {d.Kind} {d.DirectionId} {d.IssuedAt:O} {d.Facts}"))
            .Order(StringComparer.Ordinal));
        // Every column of the rows a bulk save may copy, as the database holds them (all but the ids, which differ from run to
        // run), each application's rows in the order of their ids.
        foreach (var table in new[] { "HistoryEntries", "Notifications", "WorkflowTimers" })
            lines.AddRange(await ColumnsAsync(db, table, numbers));
        // A direction's id is new in each run: named by its application.
        return [.. lines.Select(line => directions.Aggregate(line, (text, d) =>
            text.Replace(d.Id.ToString(), "direction-of-" + numbers[d.ApplicationId], StringComparison.OrdinalIgnoreCase)))];
    }

    private static async Task<IReadOnlyList<string>> ColumnsAsync(KezekDbContext db, string table, Dictionary<long, string> numbers)
    {
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = db.Database.CurrentTransaction!.GetDbTransaction();
        command.CommandText = $"SELECT * FROM \"{table}\" ORDER BY \"Id\"";
        var rows = new List<(long ApplicationId, string Line)>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var columns = Enumerable.Range(0, reader.FieldCount).Where(i => reader.GetName(i) != "Id")
                .Select(i => $"{reader.GetName(i)}={Text(reader.IsDBNull(i) ? null : reader.GetValue(i))}");
            var applicationId = Convert.ToInt64(reader.GetValue(reader.GetOrdinal("ApplicationId")), CultureInfo.InvariantCulture);
            rows.Add((applicationId, $"{table} {numbers[applicationId]} {string.Join(' ', columns)}"));
        }

        return [.. rows.OrderBy(r => r.ApplicationId).Select(r => r.Line)];

        static string Text(object? value) => value switch
        {
            null => "NULL",
            DateTime time => time.ToString("O", CultureInfo.InvariantCulture) + "/" + time.Kind,
            DateTimeOffset time => time.ToString("O", CultureInfo.InvariantCulture),
            IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString()!,
        };
    }
}

[Collection(SqliteCollection.Name)]
public sealed class BulkTransitionsOnSqlite(SqliteKezek kezek) : BulkTransitionTests(kezek);

[Collection(PostgresCollection.Name)]
public sealed class BulkTransitionsOnPostgres(PostgresKezek kezek) : BulkTransitionTests(kezek);
