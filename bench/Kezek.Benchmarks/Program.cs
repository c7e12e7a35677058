using BenchmarkDotNet.Running;
using Kezek.Benchmarks.Allocation;
using Kezek.Benchmarks.Country;
using Kezek.Benchmarks.Operations;
using Kezek.Benchmarks.Reads;
using Kezek.Benchmarks.Rush;
using Kezek.Benchmarks.Upgrade;

// bench/generate.sh and bench/run.sh call these verbs; docs/benchmarks.md gives the commands and the figures.
//   generate …     a deterministic country of applications (Country/GenerateCountry.cs)
//   reads …        queue numbers and the journal, three ways: plain Npgsql, a bare minimal API, Kezek (Reads/ReadBench.cs)
//   bare-api …     the bare minimal API itself, started by `reads`
//   choose-rush …  the rush on seats over HTTP beside a plain-SQL transaction (Rush/ChooseRush.cs)
//   operations …   publishPlaces of 10,000 seats and the sweep of 100,000 due timers (Operations/OperationsBench.cs)
//   allocation …   deferred acceptance, serial dictatorship and transfers in memory (Allocation/AllocationBench.cs)
//   window …       an Almaty-size release window end to end: publish, signed rankings, the close by the sweep (Allocation/WindowBench.cs)
//   upgrade …      an upgrade from the last release's schema on a country, timed (Upgrade/UpgradeBench.cs)
//   forecast-backtest …  the waiting-time forecast against the generated country's later directions (Forecast/ForecastBacktest.cs)
//   (none)         the in-process BenchmarkDotNet benchmarks: --filter '*'
return args.FirstOrDefault() switch
{
    "generate" => await GenerateCountry.RunAsync(args[1..]),
    "reads" => await ReadBench.RunAsync(args[1..]),
    "bare-api" => await BareApi.RunAsync(args[1..]),
    "choose-rush" => await ChooseRush.RunAsync(args[1..]),
    "operations" => await OperationsBench.RunAsync(args[1..]),
    "allocation" => AllocationBench.Run(args[1..]),
    "window" => await WindowBench.RunAsync(args[1..]),
    "upgrade" => await UpgradeBench.RunAsync(args[1..]),
    "forecast-backtest" => await Kezek.Benchmarks.Forecast.ForecastBacktest.RunAsync(args[1..]),
    _ => RunInProcess(args),
};

static int RunInProcess(string[] args)
{
    BenchmarkSwitcher.FromAssembly(typeof(Kezek.Benchmarks.RuleSetBenchmarks).Assembly).Run(args);
    return 0;
}
