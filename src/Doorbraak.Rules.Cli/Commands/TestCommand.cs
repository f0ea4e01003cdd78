using Doorbraak.Rules.Inspection;
using Doorbraak.Rules.Testing;
using System.CommandLine;
using Doorbraak.Rules.Cli.Rendering;

namespace Doorbraak.Rules.Cli.Commands;

/// <summary><c>doorbraak test &lt;pack-dir&gt;...</c>: runs the test cases written in the packs.</summary>
internal static class TestCommand
{
    public static Command Build(CliContext context)
    {
        var dirs = Common.PackDirsArgument("Pack folders, validated together as one set. The tests of every pack named are run, each against that pack and the packs it requires (so a local pack needs the national one named too).");
        var verbose = new Option<bool>("--verbose", "-v")
        {
            Description = "Show each rule's full explanation in the trace of a failing case, not only its conditions and facts.",
        };
        var only = new Option<string?>("--pack")
        {
            Description = "Run only the tests of this pack id.",
            HelpName = "id",
        };
        var command = new Command("test",
            "Run the packs' YAML test cases (tests: sections). Each failing case is shown with expected versus actual and " +
            "the trace that led there; the last line is 'N passed, N failed'. Exit 0 when all pass, 1 on any failure.")
        {
            dirs,
            only,
            verbose,
        };
        command.SetAction(parse => Run(parse.GetValue(dirs)!, parse.GetValue(only), parse.GetValue(verbose), context));
        return command;
    }

    private static int Run(string[] dirs, string? packId, bool verbose, CliContext context)
    {
        var set = Common.LoadPacks(dirs, context);
        if (set is null) return Program.ExitFailed;
        if (packId is not null && set.Packs.All(p => p.Id != packId))
            throw new CliException($"no loaded pack has the id '{packId}'; loaded: {string.Join(", ", set.Packs.Select(p => p.Id))}.");

        var results = new List<PackTestResult>();
        var packs = set.Inspect().Packs;
        var byId = packs.ToDictionary(p => p.Id, StringComparer.Ordinal);
        foreach (var pack in packs)
        {
            if ((packId is not null && pack.Id != packId) || pack.Tests.Count == 0) continue;
            // A pack's tests describe that pack on top of what it requires: run them against exactly that,
            // so that a municipal pack named alongside does not change the national pack's outcomes.
            var closure = new HashSet<string>(StringComparer.Ordinal);
            void Add(string id)
            {
                if (!closure.Add(id)) return;
                foreach (var r in byId[id].Requires)
                    if (byId.ContainsKey(r.PackId)) Add(r.PackId);
            }
            Add(pack.Id);
            var subset = set;
            if (closure.Count < packs.Count)
            {
                var (loaded, diagnostics) = PackSet.TryLoad(packs.Where(p => closure.Contains(p.Id)).Select(p => PolicyPackSource.FromDirectory(p.Root)));
                if (loaded is null)
                {
                    foreach (var d in diagnostics) Common.WriteDiagnostic(context, d);
                    return Program.ExitFailed;
                }
                subset = loaded;
            }
            results.AddRange(PackTestRunner.Run(subset, pack.Id));
        }
        var w = context.Out;
        var style = context.OutStyle;
        var words = new Words(ReportLanguage.Dutch);
        foreach (var r in results)
        {
            if (r.Passed)
            {
                w.WriteLine($"{style.Green("PASS")} {r.Pack}: {r.Name}");
                continue;
            }
            w.WriteLine($"{style.Red("FAIL")} {r.Pack}: {r.Name}");
            w.WriteLine($"  {r.Location}");
            foreach (var f in r.Failures) w.WriteLine($"  {style.Red("✗")} {f}");
            if (r.Result is { } result) WriteTrace(w, result, words, style, verbose);
            w.WriteLine();
        }
        var failed = results.Count(r => !r.Passed);
        if (results.Count == 0)
            context.Err.WriteLine($"warning: the packs named have no test cases ({string.Join(", ", set.Packs.Select(p => p.Id))}).");
        w.WriteLine($"{results.Count - failed} passed, {failed} failed");
        return failed == 0 ? Program.ExitOk : Program.ExitFailed;
    }

    private static string Show(bool? b) => b is null ? "unknown" : b.Value ? "true" : "false";

    /// <summary>The trace that led to the actual outcome: what applied and why, goals, collisions and proposals.</summary>
    internal static void WriteTrace(TextWriter w, EvaluationResult result, Words words, Style style, bool verbose)
    {
        w.WriteLine("  trace:");
        if (result.Determinations.Count == 0) w.WriteLine("    no rule or consequence applied");
        foreach (var d in result.Determinations)
        {
            if (verbose) words.WriteDetermination(w, "    ", d, style);
            else Words.WriteCompact(w, "    ", d, style);
        }
        var failing = result.Goals.Where(g => g.Active && g.HoldsProjected != true).ToList();
        foreach (var g in failing)
            w.WriteLine($"    goal {g.Goal}: holds today {Show(g.HoldsToday)}, projected {Show(g.HoldsProjected)} (active: {g.ActiveBecause})");
        foreach (var c in result.Collisions)
            w.WriteLine($"    collision {c.Id} ({c.Kind}): rules [{string.Join(", ", c.Rules)}], goal {c.Goal ?? "-"}");
        foreach (var p in result.Proposals)
            w.WriteLine($"    proposal {p.Id}: resolves [{string.Join(", ", p.Resolves)}]");
        foreach (var m in result.MissingFacts)
            w.WriteLine($"    missing {m.Path} (needed for {string.Join(", ", m.NeededFor)})");
    }
}
