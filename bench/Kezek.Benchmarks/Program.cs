using BenchmarkDotNet.Running;
using Kezek.Benchmarks.Rush;

// dotnet run -c Release --project bench/Kezek.Benchmarks -- --filter '*'        in-process benchmarks
// dotnet run -c Release --project bench/Kezek.Benchmarks -- choose-rush …       the rush over HTTP (bench/choose-rush.sh)
// dotnet run -c Release --project bench/Kezek.Benchmarks -- reads …             queue numbers and the journal, three ways (bench/run.sh)
if (args.Length > 0 && args[0] == "choose-rush")
    return await ChooseRush.RunAsync(args[1..]);
if (args.Length > 0 && args[0] == "reads")
    return await Kezek.Benchmarks.Reads.ReadBench.RunAsync(args[1..]);
if (args.Length > 0 && args[0] == "bare-api")
    return await Kezek.Benchmarks.Reads.BareApi.RunAsync(args[1..]);
BenchmarkSwitcher.FromAssembly(typeof(Kezek.Benchmarks.RuleSetBenchmarks).Assembly).Run(args);
return 0;
