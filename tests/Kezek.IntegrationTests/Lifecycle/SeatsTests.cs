using Kezek.Core.Words;
using Kezek.Core.Places;
using Kezek.IntegrationTests.Hosting;
using Kezek.Workflows.Places;
using Microsoft.EntityFrameworkCore;

namespace Kezek.IntegrationTests.Lifecycle;

/// <summary>The seat activities' building blocks alone, on each real database, inside a transaction as a transition runs them.</summary>
public abstract class SeatsTests(KezekFactory kezek) : KezekTest(kezek)
{
    private async Task<T> InTransactionAsync<T>(Func<Kezek.Infrastructure.Persistence.KezekDbContext, Task<T>> work) =>
        await Kezek.WithDbAsync(async db =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            var result = await work(db);
            await transaction.CommitAsync();
            return result;
        });

    private async Task<List<Guid>> SeatsAsync(string mode, int count, int groupYear = 2022, Guid? kindergarten = null) =>
        await Kezek.WithDbAsync(async db =>
        {
            var seats = Enumerable.Range(0, count).Select(i => new Place(Guid.NewGuid(), kindergarten ?? Queues.KindergartenId, "almaty", groupYear, Language.Kk,
                Enum.Parse<PlaceMode>(mode), Kezek.Clock.GetUtcNow().UtcDateTime.AddSeconds(i))).ToList();
            db.Places.AddRange(seats);
            await db.SaveChangesAsync();
            return seats.Select(s => s.Id).ToList();
        });

    [Fact]
    public async Task A_seat_is_taken_preferred_first_then_an_equal_one_and_never_beyond_the_pool()
    {
        var queue = await new Queues(Kezek).WithChildrenAsync(4, oneMinuteApart: false);
        var applications = await Kezek.WithDbAsync(db => db.Applications.OrderBy(a => a.Id).ToListAsync());
        var free = await SeatsAsync("FreeChoice", 2);
        var kept = await SeatsAsync("Queue", 1);
        var otherYear = await SeatsAsync("FreeChoice", 1, groupYear: 2023);

        var first = await InTransactionAsync(db => Seats.TakeAsync(db, applications[0], free[1], turnHasCome: false, CancellationToken.None));
        Assert.Equal(free[1], first.Value.Id);
        // The preferred seat is gone: an equal one of the same kindergarten, year and language.
        var second = await InTransactionAsync(db => Seats.TakeAsync(db, applications[1], free[1], turnHasCome: false, CancellationToken.None));
        Assert.Equal(free[0], second.Value.Id);
        // Free choice is empty; the queue seat is kept for a turn.
        Assert.Equal("NO_FREE_PLACE", (await InTransactionAsync(db => Seats.TakeAsync(db, applications[2], free[0], turnHasCome: false, CancellationToken.None))).Error!.Code);
        var byTurn = await InTransactionAsync(db => Seats.TakeAsync(db, applications[2], free[0], turnHasCome: true, CancellationToken.None));
        Assert.Equal(kept[0], byTurn.Value.Id);
        Assert.Equal("PLACE_GROUP_MISMATCH", (await InTransactionAsync(db => Seats.TakeAsync(db, applications[3], otherYear[0], turnHasCome: true, CancellationToken.None))).Error!.Code);
        Assert.Equal("PLACE_NOT_FOUND", (await InTransactionAsync(db => Seats.TakeAsync(db, applications[3], Guid.NewGuid(), turnHasCome: true, CancellationToken.None))).Error!.Code);
        _ = queue;
    }

    [Fact]
    public async Task A_released_seat_goes_to_free_choice_only_from_its_holder_and_a_missed_turn_moves_one_queue_seat()
    {
        await new Queues(Kezek).WithChildrenAsync(2, oneMinuteApart: false);
        var applications = await Kezek.WithDbAsync(db => db.Applications.OrderBy(a => a.Id).ToListAsync());
        var queueSeats = await SeatsAsync("Queue", 2);
        var taken = await InTransactionAsync(db => Seats.TakeAsync(db, applications[0], queueSeats[0], turnHasCome: true, CancellationToken.None));

        Assert.Equal(0, await InTransactionAsync(db => Seats.ReleaseAsync(db, taken.Value.Id, applications[1].Id, CancellationToken.None)));
        Assert.Equal(1, await InTransactionAsync(db => Seats.ReleaseAsync(db, taken.Value.Id, applications[0].Id, CancellationToken.None)));
        var released = await Kezek.WithDbAsync(db => db.Places.AsNoTracking().SingleAsync(p => p.Id == taken.Value.Id));
        Assert.Null(released.TakenByApplicationId);
        Assert.Equal(PlaceMode.FreeChoice, released.Mode);

        Assert.True(await InTransactionAsync(db => Seats.MoveOneToFreeChoiceAsync(db, "almaty", 2022, CancellationToken.None)));
        Assert.False(await InTransactionAsync(db => Seats.MoveOneToFreeChoiceAsync(db, "almaty", 2022, CancellationToken.None)));
        Assert.Equal(2, await Kezek.WithDbAsync(db => db.Places.CountAsync(p => p.Mode == PlaceMode.FreeChoice)));
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SeatsOnSqlite(SqliteKezek kezek) : SeatsTests(kezek);

[Collection(PostgresCollection.Name)]
public sealed class SeatsOnPostgres(PostgresKezek kezek) : SeatsTests(kezek);
