using BenchmarkDotNet.Running;

// dotnet run -c Release --project bench/Kezek.Benchmarks -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(Kezek.Benchmarks.RuleSetBenchmarks).Assembly).Run(args);
