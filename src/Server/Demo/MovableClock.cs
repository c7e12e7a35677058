namespace Kezek.Server.Demo;

/// <summary>
/// Development only (<c>Kezek:Demo:MovableClock</c>): the system clock moved forward by what <c>POST /dev/clock</c> asks,
/// so that an end-to-end journey sees a deadline pass or a release window close without waiting. Time only moves forward:
/// timers, sessions and nonces keep their order.
/// </summary>
public sealed class MovableClock : TimeProvider
{
    public const string Path = "/dev/clock";
    private long _offsetTicks;

    public TimeSpan Offset => TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));

    public override DateTimeOffset GetUtcNow() => TimeProvider.System.GetUtcNow() + Offset;

    public void Advance(TimeSpan by)
    {
        if (by < TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(nameof(by), "The clock only moves forward.");
        Interlocked.Add(ref _offsetTicks, by.Ticks);
    }
}

/// <summary>The Development endpoint that moves <see cref="MovableClock"/>; mapped only when that clock is in use.</summary>
public static class MovableClockEndpoint
{
    /// <summary><c>POST /dev/clock?minutes=N</c> moves the clock N minutes on (0–10080) and answers the time it reads now.</summary>
    public static WebApplication MapMovableClock(this WebApplication app)
    {
        app.MapPost(MovableClock.Path, (int minutes, TimeProvider clock) =>
        {
            if (clock is not MovableClock movable || minutes is < 0 or > 10080)
                return Results.BadRequest();
            movable.Advance(TimeSpan.FromMinutes(minutes));
            return Results.Json(new { now = movable.GetUtcNow(), offsetMinutes = movable.Offset.TotalMinutes });
        });
        return app;
    }
}
