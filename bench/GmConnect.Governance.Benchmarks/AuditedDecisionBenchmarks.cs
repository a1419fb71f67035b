using BenchmarkDotNet.Attributes;
using GmConnect.Governance.Decisions;
using GmConnect.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace GmConnect.Governance.Benchmarks;

/// <summary>
/// The whole gate on the embedded store: load the person's policy from SQLite, decide, append the hash-chained
/// audit entry in its own transaction. I/O-bound, for comparison with the pure decision.
/// </summary>
[MemoryDiagnoser]
public class AuditedDecisionBenchmarks
{
    private DirectoryInfo _directory = null!;
    private ServiceProvider _services = null!;
    private AccessGate _gate = null!;
    private readonly AccessRequest _request = new("demo-sw-352", "dfe:352", "social-worker", Purpose.DirectCare, AccessAction.Read);
    private readonly GovernedResource _resource = new("ptr-1", "person-1", "dfe:352", "care-plan");

    [GlobalSetup]
    public void Setup()
    {
        _directory = Directory.CreateTempSubdirectory("gmc-bench-");
        var store = Store.Open($"Data Source={Path.Combine(_directory.FullName, "bench.db")}");
        var services = new ServiceCollection();
        services.AddSingleton(store);
        services.AddGovernance(o => o.ConfigDirectory = FindConfig());
        _services = services.BuildServiceProvider();
        new MigrationRunner(store, _services.GetServices<IMigrationSource>(), TimeProvider.System).MigrateAsync().GetAwaiter().GetResult();
        foreach (var hosted in _services.GetServices<IHostedService>())
        {
            hosted.StartAsync(CancellationToken.None).GetAwaiter().GetResult();
        }

        _gate = _services.GetRequiredService<AccessGate>();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _services.GetRequiredService<Store>().DisposeAsync().AsTask().GetAwaiter().GetResult();
        _services.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _directory.Delete(recursive: true);
    }

    [Benchmark(Description = "AccessGate.DecideAsync on SQLite (load policy, decide, append audit)")]
    public Task<Decision> DecideAndAudit() => _gate.DecideAsync(_request, _resource);

    private static string FindConfig()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "GmConnect.slnx")))
        {
            directory = directory.Parent;
        }

        return Path.Combine(directory?.FullName ?? throw new InvalidOperationException("Repository root not found."), "configs", "governance");
    }
}
