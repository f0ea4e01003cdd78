using System.Diagnostics;
using System.Text;

namespace Doorbraak.Rules.Benchmarks;

/// <summary>
/// --load-scaling: how pack loading time grows with the number of declared facts, rules and parameters in one file
/// (issue #20, "cost bombs inside the limits"). Each size is generated in memory at about the same number of bytes
/// (just under 1 MiB for the largest) and loaded three times; the median is printed. Load time should grow about
/// linearly with the count: the column "per item" should stay roughly flat.
/// </summary>
internal static class LoadScaling
{
    public static readonly int[] Sizes = [1_000, 4_000, 8_800];

    public static int Run(TextWriter output, IReadOnlyList<int>? sizes = null)
    {
        sizes ??= Sizes;
        output.WriteLine($"load average at start: {LoadAverage()}");
        output.WriteLine($"{"section",-11} {"count",7} {"bytes",9} {"median ms",10} {"cpu ms",10} {"per item us",12}");
        var failed = false;
        foreach (var (kind, make) in new (string, Func<int, string>)[] { ("facts", Facts), ("rules", Rules), ("parameters", Parameters) })
        {
            foreach (var n in sizes)
            {
                var text = make(n);
                var times = new List<double>();
                var cpu = new List<double>();
                for (var i = 0; i < 3; i++)
                {
                    var cpu0 = Process.GetCurrentProcess().TotalProcessorTime;
                    var sw = Stopwatch.StartNew();
                    var (set, diagnostics) = PackSet.TryLoad([PolicyPackSource.FromFiles($"load-{kind}-{n}", Pack(text))], Options);
                    sw.Stop();
                    if (set is null)
                    {
                        output.WriteLine($"{kind} {n}: did not load: {diagnostics.FirstOrDefault(d => d.Severity == DiagnosticSeverity.Error)}");
                        failed = true;
                        break;
                    }
                    times.Add(sw.Elapsed.TotalMilliseconds);
                    cpu.Add((Process.GetCurrentProcess().TotalProcessorTime - cpu0).TotalMilliseconds);
                }
                if (times.Count == 0) continue;
                times.Sort();
                cpu.Sort();
                var median = times[times.Count / 2];
                var cpuMedian = cpu[cpu.Count / 2];
                output.WriteLine($"{kind,-11} {n,7:N0} {Encoding.UTF8.GetByteCount(text),9:N0} {median,10:N0} {cpuMedian,10:N0} {median * 1000 / n,12:N1}");
            }
        }
        output.WriteLine($"load average at end: {LoadAverage()}");
        return failed ? 1 : 0;
    }

    /// <summary>The size caps raised so that every count fits in one file: this measures the algorithm, not the caps.</summary>
    private static readonly PackLoadOptions Options = new() { MaxFileBytes = 8 << 20, MaxPackBytes = 16L << 20, MaxEvents = 2_000_000, MaxItems = 100_000 };

    internal static Dictionary<string, string> Pack(string body) => new()
    {
        ["pack.yaml"] = "id: test.load\nversion: 1.0.0\ntitle: Laadtest\njurisdiction: NL\nformat: 2\nvalid: { from: 2000-01-01 }\n",
        ["load.yaml"] = body,
    };

    /// <summary>
    /// One file of <paramref name="n"/> facts spread over the four entities, about 1 MiB whatever <paramref name="n"/> is: the bytes
    /// go into long fact names that share a long prefix (the costliest names to tell apart), as a hostile pack would write them.
    /// </summary>
    internal static string Facts(int n)
    {
        string[] entities = ["huishouden", "lid", "schuld", "voorziening"];
        string[] types = ["boolean", "number", "money", "text"];
        var perFact = 1_040_000 / n;
        var sb = new StringBuilder("facts:\n");
        for (var i = 0; i < n; i++)
        {
            var tail = $": {{ type: {types[i % 4]}, description: Feit {i} }}\n";
            var head = $"  {entities[i % 4]}.f";
            var digits = i.ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
            sb.Append(head).Append('_', Math.Max(0, perFact - head.Length - tail.Length - digits.Length)).Append(digits).Append(tail);
        }
        return sb.ToString();
    }

    /// <summary>One file of <paramref name="n"/> rules, each determining its own declared fact from the previous one.</summary>
    internal static string Rules(int n)
    {
        var sb = new StringBuilder("facts:\n");
        for (var i = 0; i < n; i++) sb.Append($"  huishouden.r{i}: {{ type: number, description: R{i} }}\n");
        sb.Append("rules:\n");
        for (var i = 0; i < n; i++)
        {
            sb.Append($"  - id: load.r{i}\n    title: Regel {i}\n    law: {{ law: Testwet, article: \"{i}\", url: \"https://example.org/{i}\" }}\n    force: wet-plicht\n    domain: inkomen\n");
            sb.Append(i == 0 ? "    applies: count(leden) >= 1\n" : $"    applies: huishouden.r{i - 1} >= 0\n");
            sb.Append($"    determines: {{ huishouden.r{i}: {i} }}\n    explain: Regel {i}.\n");
        }
        return sb.ToString();
    }

    /// <summary>One file of <paramref name="n"/> parameters with two periods each.</summary>
    internal static string Parameters(int n)
    {
        var sb = new StringBuilder("parameters:\n");
        for (var i = 0; i < n; i++)
            sb.Append($"  load.p{i}:\n    title: Parameter {i}\n    type: money\n    values:\n      - {{ from: 2020-01-01, to: 2020-12-31, value: {i}.50 }}\n      - {{ from: 2021-01-01, value: {i + 1}.00 }}\n");
        return sb.ToString();
    }

    private static string LoadAverage()
    {
        try { return File.ReadAllText("/proc/loadavg").Trim(); }
        catch (IOException) { return "n/a"; }
        catch (UnauthorizedAccessException) { return "n/a"; }
    }
}
