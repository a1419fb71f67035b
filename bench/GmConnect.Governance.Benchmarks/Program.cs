using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(GmConnect.Governance.Benchmarks.DecisionBenchmarks).Assembly).Run(args);
