using System.Diagnostics;
using System.Text.RegularExpressions;
using Kezek.Core.Lifecycle;
using Kezek.IntegrationTests.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Kezek.IntegrationTests.Lifecycle;

/// <summary>
/// Two real server processes on one PostgreSQL sweep the same due timers with their own background sweepers
/// (system clock: the test's deadlines in 2026-09 are long past): every timer fires once, none twice.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed partial class TwoInstancesTests(PostgresKezek kezek, Xunit.Abstractions.ITestOutputHelper output) : KezekTest(kezek)
{
    [Fact]
    public async Task Two_server_processes_sweeping_the_same_timers_fire_each_once()
    {
        const int applications = 150;
        var queue = await new Queues(Kezek).WithChildrenAsync(applications, oneMinuteApart: false);
        Assert.Equal(applications, (await queue.PublishAsync(applications)).GetProperty("notified").GetInt32());

        var processes = Enumerable.Range(0, 2).Select(i => Start(Directory.CreateTempSubdirectory("kezek-instance-").FullName)).ToList();
        try
        {
            var deadline = DateTime.UtcNow.AddSeconds(90);
            while (await Kezek.WithDbAsync(db => db.WorkflowTimers.CountAsync(t => t.Status == TimerStatus.Pending)) > 0)
            {
                Assert.True(DateTime.UtcNow < deadline, "The two instances did not fire the timers within 90 s.\n" + string.Join("\n", processes.Select(p => p.Output)));
                Assert.All(processes, p => Assert.False(p.Process.HasExited, "An instance stopped:\n" + p.Output));
                await Task.Delay(250);
            }
        }
        finally
        {
            foreach (var (process, _) in processes)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }
        }

        // What the instances say they fired adds up to the timers, and the database agrees: one transition each.
        var reported = processes.Select(p => FiredLines().Matches(p.Output.ToString())
            .Sum(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture))).ToList();
        output.WriteLine($"fired per instance: {string.Join(", ", reported)}");
        Assert.Equal(applications, reported.Sum());
        await Kezek.WithDbAsync(async db =>
        {
            Assert.Equal(applications, await db.WorkflowTimers.CountAsync(t => t.Status == TimerStatus.Fired));
            var missed = await db.HistoryEntries.Where(h => h.Action == "ChoiceMissed").GroupBy(h => h.ApplicationId).Select(g => g.Count()).ToListAsync();
            Assert.Equal(applications, missed.Count);
            Assert.All(missed, count => Assert.Equal(1, count));
            Assert.Equal(applications * 3, await db.Notifications.CountAsync(n => n.Template == "choice-missed"));
            return 0;
        });
    }

    private (Process Process, System.Text.StringBuilder Output) Start(string dataFolder)
    {
        var server = Path.Combine(AppContext.BaseDirectory, "Kezek.Server.dll");
        var start = new ProcessStartInfo("dotnet", [server])
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var (key, value) in Kezek.AnotherInstanceEnvironment(dataFolder))
            start.Environment[key] = value;
        start.Environment["Kezek__Timers__SweepInterval"] = "00:00:00.200";
        var output = new System.Text.StringBuilder();
        var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => { lock (output) output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { lock (output) output.AppendLine(e.Data); };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return (process, output);
    }

    [GeneratedRegex(@"Timers: (\d+) fired")]
    private static partial Regex FiredLines();
}
