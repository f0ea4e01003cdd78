using Doorbraak.Rules.Facts;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;

namespace Doorbraak.Rules.Benchmarks;

internal static class Benchmarks
{
    /// <summary>The record: 3 warmups and 10 iterations per benchmark (fits the 2-core machine); `--job short` overrides.</summary>
    public static IConfig FullConfig() => DefaultConfig.Instance
        .AddJob(Job.Default.WithWarmupCount(3).WithIterationCount(10).WithId("Record"))
        .WithOptions(ConfigOptions.DisableLogFile)
        .WithBuildTimeout(TimeSpan.FromMinutes(15));

    /// <summary>For BenchmarkDotNet's own --job; the build timeout is raised because the default 2 minutes is not enough on a loaded 2-core machine.</summary>
    public static IConfig SwitcherConfig() => DefaultConfig.Instance.WithOptions(ConfigOptions.DisableLogFile)
        .WithBuildTimeout(TimeSpan.FromMinutes(15));
}

/// <summary>(a) Load, validate and compile the shipped packs, cold: a new process per launch, first call measured (JIT included).</summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.ColdStart, launchCount: 5, warmupCount: 0, iterationCount: 1, id: "Cold")]
public class LoadBenchmarks
{
    [Benchmark(Description = "load national pack")]
    public object National() => PackSet.LoadDirectories(Fixture.National);

    [Benchmark(Description = "load all shipped packs")]
    public object AllPacks() => PackSet.LoadDirectories(Fixture.PackFolders(3));
}

/// <summary>(b) Evaluate one household: without collisions, and the heaviest scenario with and without proposals. (d) bytes per evaluation.</summary>
[MemoryDiagnoser]
public class EvaluateBenchmarks
{
    private DoorbraakEngine _simpleEngine = null!, _heavyEngine = null!;
    private Fixture.Scenario _simple = null!, _heavy = null!;
    private static readonly EvaluationOptions NoProposals = new() { IncludeProposals = false };

    [GlobalSetup]
    public void Setup()
    {
        var all = Fixture.Scenarios();
        _simple = Fixture.Simple(all);
        _heavy = Fixture.Heaviest(all);
        _simpleEngine = new DoorbraakEngine(_simple.Set);
        _heavyEngine = new DoorbraakEngine(_heavy.Set);
    }

    [Benchmark(Description = "simple household (no collisions)")]
    public EvaluationResult Simple() => _simpleEngine.Evaluate(_simple.Household, _simple.Date);

    [Benchmark(Description = "heaviest scenario, proposals off")]
    public EvaluationResult HeaviestNoProposals() => _heavyEngine.Evaluate(_heavy.Household, _heavy.Date, NoProposals);

    [Benchmark(Description = "heaviest scenario, proposals on")]
    public EvaluationResult Heaviest() => _heavyEngine.Evaluate(_heavy.Household, _heavy.Date);
}

/// <summary>Applicability of the national pack side by side (same prepared households; per household).</summary>
[MemoryDiagnoser]
public class ApplicabilityBenchmarks
{
    private const int N = 1000;
    private FlatHousehold[] _flats = null!;
    private EntityInstance[] _frames = null!;
    private Household[] _households = null!;
    private HandWritten _hand = null!;
    private EngineApplicability _engine = null!;
    private PeerRulesEngine _re = null!;

    [GlobalSetup]
    public void Setup()
    {
        var set = Fixture.NationalSet;
        var p = NationalParameters.From(set, Fixture.Date);
        _hand = new HandWritten(p);
        _engine = new EngineApplicability(set, Fixture.Date);
        _re = new PeerRulesEngine(p);
        _households = Enumerable.Range(0, N).Select(i => HouseholdGenerator.Generate(HouseholdGenerator.DefaultSeed, i)).ToArray();
        _flats = _households.Select(h => FlatHousehold.From(h, Fixture.Date)).ToArray();
        _frames = _households.Select(_engine.Prepare).ToArray();
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = N, Description = "hand-written C#")]
    public int HandWrittenCSharp() { var x = 0; foreach (var h in _flats) x ^= _hand.Evaluate(h); return x; }

    [Benchmark(OperationsPerInvoke = N, Description = "Doorbraak (prepared frame)")]
    public int Doorbraak() { var x = 0; foreach (var h in _frames) x ^= _engine.Evaluate(h); return x; }

    [Benchmark(OperationsPerInvoke = N, Description = "Doorbraak incl. frame build")]
    public int DoorbraakWithFrame() { var x = 0; foreach (var h in _households) x ^= _engine.Evaluate(_engine.Prepare(h)); return x; }

    [Benchmark(OperationsPerInvoke = N, Description = "RulesEngine 6.0.1")]
    public int RulesEngine() { var x = 0; foreach (var h in _flats) x ^= _re.Evaluate(h); return x; }
}

/// <summary>(c) Batch throughput on a slice of the generated batch, one core and all cores, one engine shared (the 1M run is in --full).</summary>
[MemoryDiagnoser]
public class BatchBenchmarks
{
    private const int N = 2000;
    private DoorbraakEngine _engine = null!;
    private Household[] _households = null!;

    [GlobalSetup]
    public void Setup()
    {
        _engine = new DoorbraakEngine(Fixture.Load(Fixture.PackFolders(3)));
        _households = Enumerable.Range(0, N).Select(i => HouseholdGenerator.Generate(HouseholdGenerator.DefaultSeed, i)).ToArray();
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = N, Description = "batch, 1 core")]
    public int OneCore() { var x = 0; foreach (var h in _households) x += _engine.Evaluate(h, Fixture.Date).Collisions.Count; return x; }

    [Benchmark(OperationsPerInvoke = N, Description = "batch, all cores")]
    public int AllCores() { var x = 0; Parallel.For(0, N, i => Interlocked.Add(ref x, _engine.Evaluate(_households[i], Fixture.Date).Collisions.Count)); return x; }
}

/// <summary>Scaling: full evaluation per household versus rules, members and packs.</summary>
[MemoryDiagnoser]
public class ScalingRulesBenchmarks
{
    private const int N = 200;
    private DoorbraakEngine _engine = null!;
    private Household[] _households = null!;

    [Params(0, 10, 50, 200)] public int ExtraRules { get; set; }
    [Params(false, true)] public bool NeverApply { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _engine = new DoorbraakEngine(SyntheticPacks.NationalPlus(ExtraRules, NeverApply));
        _households = Enumerable.Range(0, N).Select(i => HouseholdGenerator.Generate(HouseholdGenerator.DefaultSeed, i)).ToArray();
    }

    [Benchmark(OperationsPerInvoke = N)]
    public int Evaluate() { var x = 0; foreach (var h in _households) x += _engine.Evaluate(h, Fixture.Date).Collisions.Count; return x; }
}

[MemoryDiagnoser]
public class ScalingMembersBenchmarks
{
    private const int N = 200;
    private DoorbraakEngine _engine = null!;
    private Household[] _households = null!;

    [Params(1, 4, 8)] public int Members { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _engine = new DoorbraakEngine(Fixture.NationalSet);
        _households = Enumerable.Range(0, N).Select(i => HouseholdGenerator.Generate(HouseholdGenerator.DefaultSeed, i, Members)).ToArray();
    }

    [Benchmark(OperationsPerInvoke = N)]
    public int Evaluate() { var x = 0; foreach (var h in _households) x += _engine.Evaluate(h, Fixture.Date).Collisions.Count; return x; }
}

[MemoryDiagnoser]
public class ScalingPacksBenchmarks
{
    private const int N = 200;
    private DoorbraakEngine _engine = null!;
    private Household[] _households = null!;

    [Params(1, 2, 3)] public int Packs { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _engine = new DoorbraakEngine(Fixture.Load(Fixture.PackFolders(Packs)));
        _households = Enumerable.Range(0, N).Select(i => HouseholdGenerator.Generate(HouseholdGenerator.DefaultSeed, i)).ToArray();
    }

    [Benchmark(OperationsPerInvoke = N)]
    public int Evaluate() { var x = 0; foreach (var h in _households) x += _engine.Evaluate(h, Fixture.Date).Collisions.Count; return x; }
}
