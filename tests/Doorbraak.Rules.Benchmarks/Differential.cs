using Doorbraak.Rules.NRules;

namespace Doorbraak.Rules.Benchmarks;

/// <summary>
/// The differential check between the compiled backend and the NRules backend: the same household, pack set and date
/// through both, the result JSON compared byte for byte apart from the audit field that names the backend. Used by the
/// test suite (pack tests and a few hundred generated households) and by <c>--differential N</c> (any count).
/// </summary>
public static class Differential
{
    /// <summary>The first household whose results differ, with both JSON texts; null when all agree.</summary>
    public static (string Name, string Compiled, string NRules)? FirstDifference(PackSet packs, IEnumerable<(string Name, Household Household, DateOnly Date)> cases)
    {
        var compiled = new DoorbraakEngine(packs);
        var nrules = new DoorbraakEngine(packs) { Backend = NRulesBackend.Instance };
        foreach (var (name, household, date) in cases)
        {
            var (a, b) = Both(compiled, nrules, household, date);
            if (!string.Equals(a, b, StringComparison.Ordinal)) return (name, a, b);
        }
        return null;
    }

    /// <summary>The result JSON from each backend, the NRules one with the backend's name set to the compiled one's.</summary>
    private static (string Compiled, string NRules) Both(DoorbraakEngine compiled, DoorbraakEngine nrules, Household household, DateOnly date) =>
        (Json(compiled, household, date), Json(nrules, household, date).Replace("\"backend\": \"nrules\"", "\"backend\": \"compiled\"", StringComparison.Ordinal));

    private static string Json(DoorbraakEngine engine, Household household, DateOnly date)
    {
        try
        {
            return ResultJson.Serialize(engine.Evaluate(household, date));
        }
        catch (HouseholdException e)
        {
            return "refused: " + e.Message;
        }
    }

    /// <summary>The first line on which two texts differ, for a report.</summary>
    public static string Where(string a, string b)
    {
        var x = a.Split('\n');
        var y = b.Split('\n');
        for (var i = 0; i < Math.Max(x.Length, y.Length); i++)
        {
            var l = i < x.Length ? x[i] : "(end)";
            var r = i < y.Length ? y[i] : "(end)";
            if (l != r) return $"line {i + 1}: compiled {l.Trim()} | nrules {r.Trim()}";
        }
        return "(equal)";
    }

    /// <summary><c>--differential N</c>: N generated households through both backends on all cores; exit code 1 on the first difference.</summary>
    public static int Run(PackSet packs, int count, TextWriter output)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var compiled = new DoorbraakEngine(packs);
        var nrules = new DoorbraakEngine(packs) { Backend = NRulesBackend.Instance };
        long first = long.MaxValue, done = 0;
        string? report = null;
        var gate = new object();
        Parallel.For(0L, count, (i, state) =>
        {
            if (i > Interlocked.Read(ref first)) { state.Stop(); return; }
            var h = HouseholdGenerator.Generate(HouseholdGenerator.DefaultSeed, i);
            var (a, b) = Both(compiled, nrules, h, HouseholdGenerator.Date);
            if (!string.Equals(a, b, StringComparison.Ordinal))
            {
                lock (gate)
                    if (i < first) { first = i; report = $"household {i} (seed {HouseholdGenerator.DefaultSeed}): {Where(a, b)}"; }
                state.Stop();
            }
            if (Interlocked.Increment(ref done) % 10_000 == 0) output.WriteLine($"  {done:N0} households equal so far ({watch.Elapsed.TotalSeconds:F0} s)");
        });
        if (report is not null)
        {
            output.WriteLine($"DIFFERENT: {report}");
            return 1;
        }
        output.WriteLine($"equal: {count:N0} generated households (seed {HouseholdGenerator.DefaultSeed}, {HouseholdGenerator.Date}), compiled and NRules backends give the same JSON ({watch.Elapsed.TotalSeconds:F1} s on {Environment.ProcessorCount} cores)");
        return 0;
    }
}
