namespace Doorbraak.Rules.Benchmarks;

/// <summary>Checks that Doorbraak, RulesEngine, NRules (fluent rules) and hand-written C# find the same applicable rules for every household of the batch.</summary>
internal static class Agreement
{
    /// <summary>Returns the applicable-rule counts per rule; on the first mismatch prints the household and returns null.</summary>
    public static int[]? Check(PackSet national, int seed, long count, TextWriter output)
    {
        var date = Fixture.Date;
        var p = NationalParameters.From(national, date);
        var engine = new EngineApplicability(national, date);
        var hand = new HandWritten(p);
        var re = new PeerRulesEngine(p);
        var nr = new PeerNRules(p);
        long firstBad = long.MaxValue;
        string? report = null;
        var perRule = new long[NationalRules.Ids.Length];
        var gate = new object();
        Parallel.For(0L, count, () => new long[NationalRules.Ids.Length], (i, state, local) =>
        {
            if (i > Interlocked.Read(ref firstBad)) { state.Stop(); return local; }
            var h = HouseholdGenerator.Generate(seed, i);
            var flat = FlatHousehold.From(h, date);
            var d = engine.Evaluate(engine.Prepare(h));
            var c = hand.Evaluate(flat);
            var r = re.Evaluate(flat);
            var n = nr.Evaluate(flat);
            if (d != c || d != r || d != n)
            {
                lock (gate)
                {
                    if (i < firstBad)
                    {
                        firstBad = i;
                        report = $"MISMATCH on household {i} (seed {seed}):\n  Doorbraak:    {NationalRules.Describe(d)}\n  hand-written: {NationalRules.Describe(c)}\n  RulesEngine:  {NationalRules.Describe(r)}\n  NRules:       {NationalRules.Describe(n)}\n"
                            + $"  differs in:   {NationalRules.Describe((d ^ c) | (d ^ r) | (d ^ n))}\nHousehold:\n{Fixture.Dump(h)}";
                    }
                }
                state.Stop();
                return local;
            }
            for (var b = 0; b < local.Length; b++) if ((d & (1 << b)) != 0) local[b]++;
            return local;
        }, local => { lock (gate) for (var b = 0; b < local.Length; b++) perRule[b] += local[b]; });
        if (report is not null)
        {
            output.WriteLine(report);
            return null;
        }
        return perRule.Select(x => (int)Math.Min(int.MaxValue, x)).ToArray();
    }
}
