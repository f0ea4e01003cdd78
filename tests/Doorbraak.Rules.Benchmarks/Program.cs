using BenchmarkDotNet.Running;
using Doorbraak.Rules.Benchmarks;

// --quick: agreement check on 20,000 households, then the side-by-side comparison with Stopwatch medians (under a minute).
// --full:  agreement check on all 1,000,000 households, the 1M batch on one core and on all cores, then every BenchmarkDotNet class.
// anything else goes to BenchmarkDotNet's switcher, e.g. --filter *Applicability* --job short.
// --agreement N: the agreement check alone.
// --alloc-profile: which types the simple and heaviest evaluations and the batch allocate (GC AllocationTick sampling).
// --differential N: N generated households through the compiled and the NRules backend; exit 1 on the first difference.
// --load-scaling [N,N,...]: pack load time for 1,000 / 4,000 / 8,800 facts, rules and parameters in one file (issue #20).
var scaling = Array.IndexOf(args, "--load-scaling");
if (scaling >= 0)
{
    var sizes = scaling + 1 < args.Length ? args[scaling + 1].Split(',').Select(int.Parse).ToArray() : null;
    return LoadScaling.Run(Console.Out, sizes);
}

var diff = Array.IndexOf(args, "--differential");
if (diff >= 0)
{
    var count = diff + 1 < args.Length && int.TryParse(args[diff + 1], out var n) ? n : 100_000;
    return Differential.Run(Fixture.Load(Fixture.National), count, Console.Out);
}

// --agreement N: only the agreement check of the four implementations on N households (exit 1 on the first mismatch).
var agree = Array.IndexOf(args, "--agreement");
if (agree >= 0)
{
    var count = agree + 1 < args.Length && long.TryParse(args[agree + 1], out var n) ? n : 10_000;
    var counts = Agreement.Check(Fixture.NationalSet, HouseholdGenerator.DefaultSeed, count, Console.Out);
    if (counts is null) return 1;
    Console.WriteLine($"all implementations agree on {count:N0} households; applies: " + string.Join(", ", NationalRules.Ids.Select((id, i) => $"{id} {counts[i]:N0}")));
    return 0;
}

if (args.Contains("--alloc-profile")) return AllocationProfile.Run(Console.Out);

var quick = args.Contains("--quick");
var full = args.Contains("--full");
// --only applicability,evaluate,batch,interactive,alloc,scaling: the agreement check, then only those sections (quick or full).
var onlyAt = Array.IndexOf(args, "--only");
IReadOnlySet<string>? only = onlyAt >= 0 && onlyAt + 1 < args.Length ? args[onlyAt + 1].Split(',').ToHashSet() : null;
var rest = args.Where((a, i) => a is not "--quick" and not "--full" and not "--only" && (onlyAt < 0 || i != onlyAt + 1)).ToArray();

if (quick || full)
{
    var ok = Runner.Run(full, Console.Out, only);
    if (!ok) return 1;
    if (full)
    {
        var summaries = BenchmarkSwitcher.FromAssembly(typeof(Runner).Assembly).RunAll(Benchmarks.FullConfig(), rest);
        return summaries.Any(s => s.HasCriticalValidationErrors) ? 1 : 0;
    }
    return 0;
}

// With --job on the command line (e.g. --job short) BenchmarkDotNet's own job is used instead of the record job.
BenchmarkSwitcher.FromAssembly(typeof(Runner).Assembly).Run(rest, rest.Contains("--job") ? Benchmarks.SwitcherConfig() : Benchmarks.FullConfig());
return 0;
