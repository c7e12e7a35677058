using System.Buffers.Binary;

namespace Kezek.Server.Demo.Country;

/// <summary>
/// Chance keyed by the seed and a counter (SplitMix64): the same seed and key give the same throws on every run,
/// so any one family or kindergarten of the country can be drawn again on its own, in any order.
/// </summary>
public sealed class Dice
{
    private const ulong Golden = 0x9E3779B97F4A7C15UL;
    private ulong _state;

    private Dice(ulong state) => _state = state;

    /// <summary>The throws of one thing: <paramref name="subject"/> names the kind of thing, <paramref name="key"/> which one.</summary>
    public static Dice For(int seed, DiceSubject subject, long key) =>
        new(Mix(((ulong)(uint)seed << 32) ^ ((ulong)subject << 56) ^ Mix((ulong)key * Golden)));

    /// <summary>0 ≤ result &lt; <paramref name="count"/>.</summary>
    public int Below(int count) => (int)((NextBits() >> 32) * (ulong)count >> 32);

    /// <summary>0 ≤ result &lt; 1.</summary>
    public double Fraction() => (NextBits() >> 11) * (1.0 / (1UL << 53));

    public bool Chance(double probability) => Fraction() < probability;

    public T Pick<T>(IReadOnlyList<T> items) => items[Below(items.Count)];

    /// <summary>An instant in [from, to), to the millisecond (what every provider stores exactly).</summary>
    public DateTime Between(DateTime from, DateTime to)
    {
        var ticks = from.Ticks + (long)(Fraction() * (to.Ticks - from.Ticks));
        return new DateTime(ticks - (ticks % TimeSpan.TicksPerMillisecond), DateTimeKind.Utc);
    }

    /// <summary>A day in [from, to].</summary>
    public DateOnly Between(DateOnly from, DateOnly to) => DateOnly.FromDayNumber(from.DayNumber + Below(to.DayNumber - from.DayNumber + 1));

    /// <summary>An exponentially distributed wait with the given mean.</summary>
    public double Exponential(double mean) => -mean * Math.Log(1 - Fraction());

    /// <summary>A random (version 4) UUID.</summary>
    public Guid NextGuid()
    {
        Span<byte> bytes = stackalloc byte[16];
        BinaryPrimitives.WriteUInt64LittleEndian(bytes, NextBits());
        BinaryPrimitives.WriteUInt64LittleEndian(bytes[8..], NextBits());
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes);
    }

    private ulong NextBits()
    {
        _state += Golden;
        return Mix(_state);
    }

    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}

/// <summary>The kinds of things drawn, so that family 7 and kindergarten 7 do not share their throws.</summary>
public enum DiceSubject
{
    Kindergarten = 1,
    Family = 2,

    /// <summary>A child's application story (keyed by family and child), apart from the family's throws.</summary>
    Story = 3,

    /// <summary>A queue's seats over the years (keyed by region and group year).</summary>
    Queue = 4,
}
