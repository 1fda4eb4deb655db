using BenchmarkDotNet.Running;

// `dotnet run -c Release --project bench/Runtime.Benchmarks -- --filter '*'` runs every benchmark; add `--job short` for a smoke run.
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
