using System.Diagnostics;
using System.Globalization;

namespace Doorbraak.Rules.Benchmarks;

/// <summary>
/// The quick and full modes: the agreement check first (aborts on any mismatch), then Stopwatch medians
/// measured in one process and one run, printed as ratios. BenchmarkDotNet gives the record in full mode.
/// </summary>
internal static class Runner
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static bool Run(bool full, TextWriter o, IReadOnlySet<string>? only = null)
    {
        var total = Stopwatch.StartNew();
        bool Want(string section) => only is null || only.Contains(section);
        var targets = new List<(string Target, string Measured, bool Met)>();
        void Target(string target, string measured, bool met)
        {
            targets.Add((target, measured, met));
            o.WriteLine($"target: {target}: {measured} -> {(met ? "MET" : "MISSED")}");
        }
        var seed = HouseholdGenerator.DefaultSeed;
        long batch = full ? 1_000_000 : 10_000;
        o.WriteLine($"# Doorbraak.Rules benchmarks ({(full ? "full" : "quick")} mode) {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
        o.WriteLine($"machine: {Environment.ProcessorCount} logical cores, {Cpu()}, .NET {Environment.Version}, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, load average at start: {Load()}");

        // Cold load: the first load in this process includes JIT of the loader and compiler.
        var sw = Stopwatch.StartNew();
        var national = PackSet.LoadDirectories(Fixture.National);
        var coldNational = sw.Elapsed.TotalMilliseconds;
        sw.Restart();
        var all = PackSet.LoadDirectories(Fixture.PackFolders(3));
        var secondLoad = sw.Elapsed.TotalMilliseconds;
        var warmLoad = Median(7, () => { var t = Stopwatch.StartNew(); PackSet.LoadDirectories(Fixture.National); return t.Elapsed.TotalMilliseconds; });
        o.WriteLine($"\n## Load, validate, compile\nnational pack, first in process (cold): {coldNational:F1} ms; all {Fixture.PackFolders(3).Length} packs right after: {secondLoad:F1} ms; national warm median: {warmLoad:F2} ms");

        // 1. Agreement before any timing.
        sw.Restart();
        var counts = Agreement.Check(national, seed, batch, o);
        if (counts is null)
        {
            o.WriteLine("ABORTED: the implementations disagree; no timings are reported.");
            return false;
        }
        o.WriteLine($"\n## Agreement\nDoorbraak, RulesEngine, NRules (fluent rules) and hand-written C# agree on all {NationalRules.Ids.Length} rules for all {batch:N0} households (seed {seed}) in {sw.Elapsed.TotalSeconds:F1} s.");
        o.WriteLine("households where each rule applies: " + string.Join(", ", NationalRules.Ids.Select((id, i) => $"{id} {counts[i]:N0}")));

        // 2. Applicability side by side on the same prepared households.
        var date = Fixture.Date;
        var p = NationalParameters.From(national, date);
        var engine = new EngineApplicability(national, date);
        var hand = new HandWritten(p);
        var re = new PeerRulesEngine(p);
        var nr = new PeerNRules(p);
        var n = full ? 2000 : 1000;
        var households = Enumerable.Range(0, n).Select(i => HouseholdGenerator.Generate(seed, i)).ToArray();
        var flats = households.Select(h => FlatHousehold.From(h, date)).ToArray();
        var frames = households.Select(engine.Prepare).ToArray();
        var sink = 0;
        double PerHh(Action<int> body, int reps = 1)
        {
            var t = Stopwatch.StartNew();
            for (var r = 0; r < reps; r++) for (var i = 0; i < n; i++) body(i);
            return t.Elapsed.TotalNanoseconds / (n * (double)reps);
        }
        var rounds = full ? 31 : 7;
        if (!Want("applicability")) goto evaluate;
        // Warm up (tiered JIT to tier 1).
        for (var w = 0; w < 3; w++) { PerHh(i => sink ^= hand.Evaluate(flats[i]), 20); PerHh(i => sink ^= engine.Evaluate(frames[i]), 20); PerHh(i => sink ^= re.Evaluate(flats[i])); PerHh(i => sink ^= nr.Evaluate(flats[i])); }
        Thread.Sleep(200);
        var (cs, ds, fs, rs, nrs) = (new List<double>(), new List<double>(), new List<double>(), new List<double>(), new List<double>());
        for (var r = 0; r < rounds; r++)
        {
            cs.Add(PerHh(i => sink ^= hand.Evaluate(flats[i]), 20));
            ds.Add(PerHh(i => sink ^= engine.Evaluate(frames[i]), 20));
            fs.Add(PerHh(i => sink ^= engine.Evaluate(engine.Prepare(households[i])), 2));
            rs.Add(PerHh(i => sink ^= re.Evaluate(flats[i])));
            nrs.Add(PerHh(i => sink ^= nr.Evaluate(flats[i])));
        }
        var (c, d, f, rr, nn) = (Med(cs), Med(ds), Med(fs), Med(rs), Med(nrs));
        var allocD = Alloc(n, i => sink ^= engine.Evaluate(frames[i]));
        var allocC = Alloc(n, i => sink ^= hand.Evaluate(flats[i]));
        var allocR = Alloc(n, i => sink ^= re.Evaluate(flats[i]));
        var allocF = Alloc(n, i => sink ^= engine.Evaluate(engine.Prepare(households[i])));
        var allocN = Alloc(n, i => sink ^= nr.Evaluate(flats[i]));
        o.WriteLine($"\n## Applicability of the national pack ({engine.RuleCount} rules, {n:N0} generated households, median of {rounds} rounds, ns per household)");
        o.WriteLine("| implementation | median ns/household | ratio to hand-written | allocated B/household |");
        o.WriteLine("|---|---:|---:|---:|");
        o.WriteLine($"| hand-written C# (baseline) | {c:F0} | 1.00 | {allocC:F0} |");
        o.WriteLine($"| Doorbraak compiled conditions (prepared frame) | {d:F0} | {d / c:F2} | {allocD:F0} |");
        o.WriteLine($"| Doorbraak incl. building the frame from Household | {f:F0} | {f / c:F2} | {allocF:F0} |");
        o.WriteLine($"| Microsoft RulesEngine 6.0.1 | {rr:F0} | {rr / c:F2} | {allocR:F0} |");
        o.WriteLine($"| NRules 1.0.4, fluent rules, one session per household | {nn:F0} | {nn / c:F2} | {allocN:F0} |");
        o.WriteLine($"(prepared frame: {rr / d:F1}x faster than RulesEngine; the engine side also runs {string.Join(", ", engine.Helpers)}, which derive facts the compared conditions read)");
        Target("prepared applicability within 2x of hand-written C#", $"{d / c:F2}x ({d:F0} ns against {c:F0} ns)", d / c <= 2);
        Target("end-to-end applicability (from Household) >= 50x faster than RulesEngine", $"{rr / f:F1}x ({f:F0} ns against {rr:F0} ns)", rr / f >= 50);

        // Per-rule breakdown: where the engine's time and allocation go (each condition alone, incl. one EvaluationFrame, ~56 B).
        o.WriteLine("\n| rule (alone) | median ns/household | allocated B/household |");
        o.WriteLine("|---|---:|---:|");
        for (var k = 0; k < engine.RuleCount; k++)
        {
            var kk = k;
            for (var w = 0; w < 3; w++) PerHh(i => sink ^= engine.EvaluateOne(kk, frames[i]) ? 1 : 0, 5);
            var ns = Median(5, () => PerHh(i => sink ^= engine.EvaluateOne(kk, frames[i]) ? 1 : 0, 5));
            var al = Alloc(n, i => sink ^= engine.EvaluateOne(kk, frames[i]) ? 1 : 0);
            o.WriteLine($"| {engine.RuleId(k)} | {ns:F0} | {al:F0} |");
        }

        // 3. Full evaluation of single households.
        evaluate:
        var scenarios = Fixture.Scenarios();
        var heavy = Fixture.Heaviest(scenarios);
        var simple = Fixture.Simple(scenarios);
        var heavyEngine = new DoorbraakEngine(heavy.Set);
        var simpleEngine = new DoorbraakEngine(simple.Set);
        var heavyNRules = new DoorbraakEngine(heavy.Set) { Backend = Doorbraak.Rules.NRules.NRulesBackend.Instance };
        var simpleNRules = new DoorbraakEngine(simple.Set) { Backend = Doorbraak.Rules.NRules.NRulesBackend.Instance };
        var noProposals = new EvaluationOptions { IncludeProposals = false };
        if (!Want("evaluate")) goto batch;
        o.WriteLine($"\n## Full evaluation of one household (median of {rounds} rounds)");
        o.WriteLine($"simple: '{simple.Name}' ({simple.Pack}, {simple.Collisions} collisions)");
        o.WriteLine($"heaviest: '{heavy.Name}' ({heavy.Pack}, {heavy.Collisions} collisions, {heavy.Proposals} proposals)");
        o.WriteLine("| case | median µs | allocated KB |");
        o.WriteLine("|---|---:|---:|");
        var heavyMedian = 0.0;
        var simpleMedian = 0.0;
        var simpleKb = 0.0;
        foreach (var (name, eng, sc, opts) in new[] { ("simple, proposals on", simpleEngine, simple, EvaluationOptions.Default), ("heaviest, proposals off", heavyEngine, heavy, noProposals), ("heaviest, proposals on", heavyEngine, heavy, EvaluationOptions.Default),
            ("NRules backend: simple, proposals on", simpleNRules, simple, EvaluationOptions.Default), ("NRules backend: heaviest, proposals off", heavyNRules, heavy, noProposals), ("NRules backend: heaviest, proposals on", heavyNRules, heavy, EvaluationOptions.Default) })
        {
            var reps = full ? 200 : 50;
            for (var w = 0; w < 3; w++) for (var i = 0; i < reps; i++) sink ^= eng.Evaluate(sc.Household, sc.Date, opts).Collisions.Count;
            var med = Median(rounds, () => { var t = Stopwatch.StartNew(); for (var i = 0; i < reps; i++) sink ^= eng.Evaluate(sc.Household, sc.Date, opts).Collisions.Count; return t.Elapsed.TotalMicroseconds / reps; });
            var kb = Alloc(50, _ => sink ^= eng.Evaluate(sc.Household, sc.Date, opts).Collisions.Count) / 1024;
            o.WriteLine($"| {name} | {med:F1} | {kb:F1} |");
            if (name == "heaviest, proposals on") heavyMedian = med;
            if (name == "simple, proposals on") (simpleMedian, simpleKb) = (med, kb);
        }
        Target("full evaluation of the simple household under 3 µs (median)", $"{simpleMedian:F1} µs, {simpleKb:F1} KB allocated", simpleMedian < 3);
        Target("heaviest scenario with proposals under 30 µs (median)", $"{heavyMedian:F1} µs", heavyMedian < 30);

        // 4. Batch throughput, one engine shared.
        batch:
        if (!Want("batch")) goto interactive;
        var allEngine = new DoorbraakEngine(all);
        o.WriteLine($"\n## Batch: {batch:N0} generated households, all {Fixture.PackFolders(3).Length} packs, proposals on, one engine shared");
        if (!full) o.WriteLine($"quick mode: {batch:N0} households, not 1,000,000; the times are extrapolated linearly to 1,000,000 (a longer run only adds GC and cache effects, so the extrapolation is optimistic by those); --full runs the million");
        var gen = Time(() => { for (long i = 0; i < Math.Min(batch, 100_000); i++) sink ^= HouseholdGenerator.Generate(seed, i).Members.Count; }) * batch / Math.Min(batch, 100_000);
        o.WriteLine($"generating the households alone (one core, extrapolated from {Math.Min(batch, 100_000):N0}): {gen:F1} s — included in the times below");
        // The NRules backend is 10-20x slower: in quick mode it runs the first tenth of the batch, compared with the same households.
        var nrBatch = full ? batch : batch / 10;
        var stats1 = new BatchStats();
        var stats1Head = new BatchStats();
        var one = Time(() => { for (long i = 0; i < batch; i++) { var r = allEngine.Evaluate(HouseholdGenerator.Generate(seed, i), date); stats1.Add(r); if (i < nrBatch) stats1Head.Add(r); } });
        var genAlloc = Alloc(1000, i => sink ^= HouseholdGenerator.Generate(seed, i).Members.Count);
        var allocBefore = GC.GetTotalAllocatedBytes(precise: true);
        var statsN = new BatchStats();
        var many = Time(() => Parallel.For(0L, batch, () => new BatchStats(), (i, _, local) => { local.Add(allEngine.Evaluate(HouseholdGenerator.Generate(seed, i), date)); return local; }, local => { lock (statsN) statsN.Merge(local); }));
        var batchAlloc = (GC.GetTotalAllocatedBytes(precise: true) - allocBefore) / (double)batch;
        var statsNoProp = new BatchStats();
        var manyNoProp = Time(() => Parallel.For(0L, batch, () => new BatchStats(), (i, _, local) => { local.Add(allEngine.Evaluate(HouseholdGenerator.Generate(seed, i), date, noProposals)); return local; }, local => { lock (statsNoProp) statsNoProp.Merge(local); }));
        var nrulesEngine = new DoorbraakEngine(all) { Backend = Doorbraak.Rules.NRules.NRulesBackend.Instance };
        var statsNR = new BatchStats();
        var manyNRules = Time(() => Parallel.For(0L, nrBatch, () => new BatchStats(), (i, _, local) => { local.Add(nrulesEngine.Evaluate(HouseholdGenerator.Generate(seed, i), date)); return local; }, local => { lock (statsNR) statsNR.Merge(local); }));
        o.WriteLine("| run | seconds | households/s | µs/household | projected for 1,000,000 |");
        o.WriteLine("|---|---:|---:|---:|---:|");
        void Row(string name, double s, long count = 0)
        {
            count = count == 0 ? batch : count;
            o.WriteLine($"| {name} | {s:F2} | {count / s:N0} | {s * 1e6 / count:F1} | {s * 1_000_000 / count:F1} s |");
        }
        Row("1 core, proposals on", one);
        Row($"{Environment.ProcessorCount} cores (Parallel.For), proposals on", many);
        Row($"{Environment.ProcessorCount} cores (Parallel.For), proposals off", manyNoProp);
        Row($"NRules backend, {Environment.ProcessorCount} cores (Parallel.For), proposals on, {nrBatch:N0} households", manyNRules, nrBatch);
        o.WriteLine($"outcomes (1 core): {stats1}; parallel run identical: {stats1.Equals(statsN)}; NRules backend identical on its {nrBatch:N0}: {stats1Head.Equals(statsNR)}");
        var proj = many * 1_000_000 / batch;
        o.WriteLine($"allocated per batch household (parallel run, all threads): {batchAlloc / 1024:F1} KB, of which generating the Household {genAlloc / 1024:F1} KB");
        o.WriteLine($"speed-up {Environment.ProcessorCount} cores / 1 core: {one / many:F2}x");
        Target($"1,000,000 households with proposals under 10 s on {Environment.ProcessorCount} cores", $"{proj:F1} s{(full ? "" : $" (extrapolated from {batch:N0})")}", proj < 10);
        Target($"batch scales: {Environment.ProcessorCount} cores at least 1.7x faster than 1", $"{one / many:F2}x", one / many >= 1.7);

        // 4b. The interactive case: a regisseur answers one missing fact and the household is evaluated again.
        interactive:
        if (Want("interactive")) Interactive.Report(national, rounds, full, o, ref sink);

        // 5. Allocation versus rules that do not apply.
        if (!Want("alloc")) goto scaling;
        o.WriteLine("\n## Allocation per evaluation versus rules that never apply (national + N synthetic rules whose conditions are false)");
        o.WriteLine("| extra non-applying rules | heaviest national scenario, B/evaluation | generated households, B/evaluation (mean) |");
        o.WriteLine("|---:|---:|---:|");
        var heavyNational = Fixture.Heaviest(scenarios.Where(s => s.Pack == "nl.sociaal-domein").ToList());
        var allocRows = new List<(int, double, double)>();
        foreach (var k in new[] { 0, 10, 50, 200 })
        {
            var e = new DoorbraakEngine(SyntheticPacks.NationalPlus(k, neverApply: true));
            for (var w = 0; w < 20; w++) e.Evaluate(heavyNational.Household, heavyNational.Date);
            var a1 = Alloc(20, _ => sink ^= e.Evaluate(heavyNational.Household, heavyNational.Date).Collisions.Count);
            var a2 = Alloc(full ? 500 : 200, i => sink ^= e.Evaluate(households[i], date).Collisions.Count);
            allocRows.Add((k, a1, a2));
            o.WriteLine($"| {k} | {a1:N0} | {a2:N0} |");
        }
        var grows = allocRows[^1].Item2 > allocRows[0].Item2 * 1.05 || allocRows[^1].Item3 > allocRows[0].Item3 * 1.05;
        Target("no per-household allocation that grows with non-applying rules", $"200 rules: {(allocRows[^1].Item2 - allocRows[0].Item2) / 200:F0} B/rule on the scenario, {(allocRows[^1].Item3 - allocRows[0].Item3) / 200:F0} B/rule on generated households", !grows);

        // 6. Scaling.
        scaling:
        if (!Want("scaling")) goto end;
        var sample = full ? 2000 : 150;
        double EvalUs(DoorbraakEngine e, Func<int, Household> make)
        {
            var hs = Enumerable.Range(0, sample).Select(make).ToArray();
            foreach (var h in hs.Take(100)) sink ^= e.Evaluate(h, date).Collisions.Count;
            return Median(full ? 7 : 3, () => { var t = Stopwatch.StartNew(); foreach (var h in hs) sink ^= e.Evaluate(h, date).Collisions.Count; return t.Elapsed.TotalMicroseconds / hs.Length; });
        }
        o.WriteLine($"\n## Scaling (full evaluation with proposals, median µs per household over {sample:N0} generated households)");
        o.WriteLine("| rules (national + synthetic, about half apply) | total rules | µs/household | relative |");
        o.WriteLine("|---:|---:|---:|---:|");
        double? b0 = null;
        foreach (var k in new[] { 0, 10, 50, 200 })
        {
            var set = SyntheticPacks.NationalPlus(k, neverApply: false);
            var us = EvalUs(new DoorbraakEngine(set), i => HouseholdGenerator.Generate(seed, i));
            b0 ??= us;
            o.WriteLine($"| +{k} | {set.RuleSet.Rules.Count} | {us:F1} | {us / b0:F2} |");
        }
        o.WriteLine("| members per household (national pack) | | µs/household | relative |");
        o.WriteLine("|---:|---:|---:|---:|");
        b0 = null;
        foreach (var m in new[] { 1, 2, 4, 8 })
        {
            var us = EvalUs(new DoorbraakEngine(national), i => HouseholdGenerator.Generate(seed, i, m));
            b0 ??= us;
            o.WriteLine($"| {m} | | {us:F1} | {us / b0:F2} |");
        }
        o.WriteLine("| packs | rules | µs/household | relative |");
        o.WriteLine("|---:|---:|---:|---:|");
        b0 = null;
        for (var k = 1; k <= Fixture.PackFolders(3).Length; k++)
        {
            var set = Fixture.Load(Fixture.PackFolders(k));
            var us = EvalUs(new DoorbraakEngine(set), i => HouseholdGenerator.Generate(seed, i));
            b0 ??= us;
            o.WriteLine($"| {k} ({string.Join(" + ", set.Packs.Select(x => x.Id))}) | {set.RuleSet.Rules.Count} | {us:F1} | {us / b0:F2} |");
        }

        end:
        o.WriteLine($"\n## Targets of issue #19 ({(full ? "full" : "quick")} mode, load average at end: {Load()})");
        o.WriteLine("| target | measured | |");
        o.WriteLine("|---|---|---|");
        foreach (var (t, m, met) in targets) o.WriteLine($"| {t} | {m} | {(met ? "MET" : "MISSED")} |");
        o.WriteLine($"\n(total {total.Elapsed.TotalSeconds:F0} s; load average at end: {Load()}; sink {sink & 1})");
        return true;
    }

    private sealed class BatchStats
    {
        public long Households, WithCollisions, Collisions, WithProposals, Proposals;
        public void Add(EvaluationResult r)
        {
            Households++;
            if (r.Collisions.Count > 0) WithCollisions++;
            Collisions += r.Collisions.Count;
            if (r.Proposals.Count > 0) WithProposals++;
            Proposals += r.Proposals.Count;
        }
        public void Merge(BatchStats o) { Households += o.Households; WithCollisions += o.WithCollisions; Collisions += o.Collisions; WithProposals += o.WithProposals; Proposals += o.Proposals; }
        public override bool Equals(object? obj) => obj is BatchStats o && o.Households == Households && o.Collisions == Collisions && o.Proposals == Proposals && o.WithCollisions == WithCollisions && o.WithProposals == WithProposals;
        public override int GetHashCode() => HashCode.Combine(Households, Collisions, Proposals);
        public override string ToString() => $"{Households:N0} households, {WithCollisions:N0} with collisions ({Collisions:N0} collisions), {WithProposals:N0} with proposals ({Proposals:N0} proposals)";
    }

    private static double Time(Action a) { var t = Stopwatch.StartNew(); a(); return t.Elapsed.TotalSeconds; }
    private static double Med(List<double> xs) { var s = xs.Order().ToList(); return s[s.Count / 2]; }
    private static double Median(int rounds, Func<double> f) => Med(Enumerable.Range(0, rounds).Select(_ => f()).ToList());

    /// <summary>Bytes allocated on this thread per call.</summary>
    private static double Alloc(int count, Action<int> body)
    {
        body(0);
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < count; i++) body(i);
        return (GC.GetAllocatedBytesForCurrentThread() - before) / (double)count;
    }

    private static string Load()
    {
        try { return string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)); }
        catch (IOException) { return "unknown"; }
    }

    internal static string Cpu()
    {
        try
        {
            var line = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal));
            return line?.Split(':', 2)[1].Trim() ?? "unknown CPU";
        }
        catch (IOException) { return "unknown CPU"; }
    }
}
