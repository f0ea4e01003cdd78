using System.Diagnostics.Tracing;
using System.Globalization;

namespace Doorbraak.Rules.Benchmarks;

/// <summary>
/// A sampling allocation profile without external tools: the runtime's own GC AllocationTick events (one per ~100 KB
/// allocated, naming the type of the object that crossed the threshold), counted per type while a workload runs.
/// The share of ticks per type estimates the share of allocated bytes. <c>--alloc-profile</c>.
/// </summary>
internal sealed class AllocationProfile : EventListener
{
    private readonly Dictionary<string, long> _bytes = new();
    private long _total;
    private bool _on;

    protected override void OnEventSourceCreated(EventSource source)
    {
        if (source.Name == "Microsoft-Windows-DotNETRuntime") EnableEvents(source, EventLevel.Verbose, (EventKeywords)0x1); // GC keyword
    }

    protected override void OnEventWritten(EventWrittenEventArgs e)
    {
        if (!_on || e.EventName is null || !e.EventName.StartsWith("GCAllocationTick", StringComparison.Ordinal) || e.Payload is null) return;
        var name = e.PayloadNames!.IndexOf("TypeName") is var i and >= 0 ? e.Payload[i] as string ?? "?" : "?";
        var amount = e.PayloadNames.IndexOf("AllocationAmount64") is var j and >= 0 ? Convert.ToInt64(e.Payload[j], CultureInfo.InvariantCulture) : 100_000;
        lock (_bytes)
        {
            _bytes[name] = _bytes.GetValueOrDefault(name) + amount;
            _total += amount;
        }
    }

    /// <summary>Runs <paramref name="body"/> with the listener on and prints the top types by sampled bytes.</summary>
    public static void Report(string title, int top, Action body, TextWriter o)
    {
        using var p = new AllocationProfile();
        Thread.Sleep(500); // the runtime source attaches asynchronously
        p._on = true;
        var before = GC.GetAllocatedBytesForCurrentThread();
        body();
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Thread.Sleep(500);
        p._on = false;
        o.WriteLine($"\n### Allocation profile: {title} ({allocated / 1024.0 / 1024:F1} MB allocated, {p._total / 1024.0 / 1024:F1} MB sampled by GC AllocationTick)");
        o.WriteLine("| type | share of sampled bytes |");
        o.WriteLine("|---|---:|");
        lock (p._bytes)
            foreach (var (name, bytes) in p._bytes.OrderByDescending(x => x.Value).Take(top))
                o.WriteLine($"| `{name}` | {100.0 * bytes / Math.Max(1, p._total):F1} % |");
    }

    /// <summary>The profile of the simple and the heaviest scenario and of generated households in the batch.</summary>
    public static int Run(TextWriter o)
    {
        var scenarios = Fixture.Scenarios();
        var simple = Fixture.Simple(scenarios);
        var heavy = Fixture.Heaviest(scenarios);
        var simpleEngine = new DoorbraakEngine(simple.Set);
        var heavyEngine = new DoorbraakEngine(heavy.Set);
        var all = new DoorbraakEngine(Fixture.Load(Fixture.PackFolders(3)));
        var sink = 0;
        for (var i = 0; i < 200; i++) sink ^= simpleEngine.Evaluate(simple.Household, simple.Date).Collisions.Count ^ heavyEngine.Evaluate(heavy.Household, heavy.Date).Collisions.Count;
        Report($"simple scenario, proposals on, 5,000 evaluations", 15, () => { for (var i = 0; i < 5000; i++) sink ^= simpleEngine.Evaluate(simple.Household, simple.Date).Collisions.Count; }, o);
        Report($"heaviest scenario, proposals on, 2,000 evaluations", 15, () => { for (var i = 0; i < 2000; i++) sink ^= heavyEngine.Evaluate(heavy.Household, heavy.Date).Collisions.Count; }, o);
        var households = Enumerable.Range(0, 2000).Select(i => HouseholdGenerator.Generate(HouseholdGenerator.DefaultSeed, i)).ToArray();
        Report($"batch: 2,000 generated households (generated beforehand), all packs, proposals on", 15, () => { foreach (var h in households) sink ^= all.Evaluate(h, Fixture.Date).Collisions.Count; }, o);
        o.WriteLine($"(sink {sink & 1})");
        return 0;
    }
}
