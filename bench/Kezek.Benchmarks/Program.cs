using BenchmarkDotNet.Running;
using Kezek.Benchmarks.Rush;

// dotnet run -c Release --project bench/Kezek.Benchmarks -- --filter '*'        in-process benchmarks
// dotnet run -c Release --project bench/Kezek.Benchmarks -- choose-rush …       the rush over HTTP (bench/choose-rush.sh)
if (args.Length > 0 && args[0] == "choose-rush")
    return await ChooseRush.RunAsync(args[1..]);
BenchmarkSwitcher.FromAssembly(typeof(Kezek.Benchmarks.RuleSetBenchmarks).Assembly).Run(args);
return 0;
