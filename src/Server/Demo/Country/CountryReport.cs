using System.Diagnostics;
using System.Globalization;

namespace Kezek.Server.Demo.Country;

/// <summary>What the generator made and how long each part took, counted while the rows streamed past.</summary>
public sealed class CountryReport(CountryPlan plan)
{
    private readonly List<(string Part, long Rows, TimeSpan Took)> _parts = [];
    private readonly Dictionary<string, int> _statuses = [];
    private readonly Dictionary<string, int> _benefits = [];
    private readonly Dictionary<string, int> _directions = [];
    private readonly Dictionary<string, int> _queuedByRegion = [];
    private readonly Stopwatch _total = Stopwatch.StartNew();

    public T Time<T>(string part, Func<T> work, Func<T, long> rows)
    {
        var started = Stopwatch.GetTimestamp();
        var result = work();
        _parts.Add((part, rows(result), Stopwatch.GetElapsedTime(started)));
        return result;
    }

    public async Task TimeAsync(string part, Func<Task<long>> work)
    {
        var started = Stopwatch.GetTimestamp();
        var rows = await work();
        _parts.Add((part, rows, Stopwatch.GetElapsedTime(started)));
    }

    public CountryApplication Count(CountryApplication application)
    {
        Increment(_statuses, application.Story.Status.ToString());
        Increment(_benefits, application.Child.Benefit.ToString());
        if (application.Story.Status == Core.Applications.ApplicationStatus.Queued)
            Increment(_queuedByRegion, application.Region.Region.Code);
        return application;
    }

    public DirectionRow Count(DirectionRow direction)
    {
        Increment(_directions, direction.Direction.Status.ToString());
        return direction;
    }

    public void Print(TextWriter output, string provider)
    {
        string N(long n) => n.ToString("N0", CultureInfo.InvariantCulture);
        string Share(int n) => (100.0 * n / plan.Applications).ToString("F1", CultureInfo.InvariantCulture) + " %";
        string Seconds(TimeSpan t) => t.TotalSeconds.ToString("F1", CultureInfo.InvariantCulture);

        output.WriteLine($"Generated {N(plan.Applications)} applications (seed {plan.Seed}) into {provider} in {Seconds(_total.Elapsed)} s");
        output.WriteLine($"  {"step",-22} {"rows",12} {"seconds",8}");
        foreach (var (part, rows, took) in _parts)
            output.WriteLine($"  {part,-22} {N(rows),12} {Seconds(took),8}");
        output.WriteLine($"  {"region",-14} {"applications",12} {"queued",10} {"kindergartens",14}");
        foreach (var quota in plan.Regions.OrderByDescending(r => r.Applications))
        {
            output.WriteLine($"  {quota.Region.Code,-14} {N(quota.Applications),12} {N(_queuedByRegion.GetValueOrDefault(quota.Region.Code)),10} " +
                             $"{N(quota.Kindergartens),14}");
        }

        output.WriteLine("  status:    " + string.Join(", ", _statuses.OrderByDescending(s => s.Value).Select(s => $"{s.Key} {N(s.Value)} ({Share(s.Value)})")));
        output.WriteLine("  benefit:   " + string.Join(", ", _benefits.OrderByDescending(s => s.Value).Select(s => $"{s.Key} {N(s.Value)} ({Share(s.Value)})")));
        output.WriteLine("  direction: " + string.Join(", ", _directions.OrderByDescending(s => s.Value).Select(s => $"{s.Key} {N(s.Value)}")));
    }

    private static void Increment(Dictionary<string, int> counts, string key) => counts[key] = counts.GetValueOrDefault(key) + 1;
}
