using Doorbraak.Rules.Inspection;
using System.CommandLine;

namespace Doorbraak.Rules.Cli.Commands;

/// <summary><c>doorbraak lint &lt;pack-dir&gt;... [--strict]</c>: static findings a reviewer wants before a pack goes live.</summary>
internal static class LintCommand
{
    /// <summary>The lint codes, for help and docs/cli.md.</summary>
    internal static readonly (string Code, string Meaning)[] Codes =
    [
        ("LINT001", "a rule or consequence can never apply (its condition is literally false, or its valid period ends before the pack's valid.from)"),
        ("LINT002", "a deviation no collision can use (the rule it deviates from reaches no goal)"),
        ("LINT003", "a goal no rule touches (no rule outcome can change whether it holds)"),
        ("LINT004", "a parameter has a gap in time between two periods (its value is unknown there)"),
        ("LINT005", "two rules determine the same fact to different values in overlapping periods, and their conditions do not visibly exclude each other"),
        ("LINT006", "a rule without a citation url (or a consequence without a source url)"),
        ("LINT007", "a deviation's basis fits poorly (evenredigheid without the three steps geschikt, noodzakelijk, evenwichtig in 'document'; kind awb-4:84 citing another article; the format 1 kind beleidsregel in a format 2 pack)"),
        ("LINT008", "a deviation in a national pack whose mandate is not 'open' (who decides is set by each municipality's mandaatbesluit)"),
        ("LINT009", "a beleidsregel that is deviated from in every pack test where it applies (then change the policy rule: ABRvS 16-3-2016, ECLI:NL:RVS:2016:709)"),
    ];

    public static Command Build(CliContext context)
    {
        var dirs = Common.PackDirsArgument("Pack folders, loaded together as one set; findings are reported for every pack named. A local pack needs the packs it requires named too.");
        var strict = new Option<bool>("--strict") { Description = "Exit 1 when there are warnings (for CI)." };
        var pack = new Option<string?>("--pack")
        {
            Description = "Report findings in this pack's files only (a pack id, such as gemeente.vlaardingen); the other packs are loaded but not judged. A local pack's CI uses this so the national pack's findings do not fail it.",
            HelpName = "id",
        };
        var command = new Command("lint",
            "Static findings before a pack goes live, as 'path:line:column: warning LINTxxx: message': " +
            string.Join("; ", Codes.Select(c => $"{c.Code} {Short(c.Meaning)}")) +
            ". Exit 0 with only warnings (1 with --strict), 1 when the packs do not load.")
        {
            dirs, strict, pack,
        };
        command.SetAction(parse => Run(parse.GetValue(dirs)!, parse.GetValue(strict), parse.GetValue(pack), context));
        return command;
    }

    private static string Short(string meaning)
    {
        var i = meaning.IndexOf(" (", StringComparison.Ordinal);
        return i > 0 ? meaning[..i] : meaning;
    }

    private static int Run(string[] dirs, bool strict, string? packId, CliContext context)
    {
        var set = Common.LoadPacks(dirs, context);
        if (set is null) return Program.ExitFailed;
        var view = set.Inspect();
        if (packId is not null && view.Packs.All(p => p.Id != packId))
            throw new UsageException($"'--pack {packId}' names no loaded pack{Source.Suggest.Hint(packId, view.Packs.Select(p => p.Id))}; the loaded packs are {string.Join(", ", view.Packs.Select(p => p.Id))}.");
        var findings = set.Warnings.Concat(Lint(view)).Concat(AlwaysDeviated(set))
            .Where(d => packId is null || BelongsTo(d, view, packId))
            .OrderBy(d => d.Location.File, StringComparer.Ordinal).ThenBy(d => d.Location.Line).ThenBy(d => d.Location.Column).ThenBy(d => d.Code, StringComparer.Ordinal)
            .ToList();
        var style = context.OutStyle;
        foreach (var f in findings) context.Out.WriteLine(style.Yellow(f.ToString()));
        context.Out.WriteLine(findings.Count == 0 ? "No findings." : $"{findings.Count} warning(s).");
        return strict && findings.Count > 0 ? Program.ExitFailed : Program.ExitOk;
    }

    /// <summary>Whether a finding is in one of the pack's own files.</summary>
    internal static bool BelongsTo(Diagnostic d, PackSetView view, string packId)
    {
        var pack = view.Packs.FirstOrDefault(p => p.Id == packId);
        if (pack is null) return false;
        var root = pack.Root.TrimEnd('/', '\\');
        return d.Location.File.StartsWith(root + "/", StringComparison.Ordinal) || d.Location.File.StartsWith(root + "\\", StringComparison.Ordinal);
    }

    internal static IReadOnlyList<Diagnostic> Lint(PackSetView view)
    {
        var found = new List<Diagnostic>();
        void Warn(string code, SourceLocation at, string message) => found.Add(new Diagnostic(code, DiagnosticSeverity.Warning, at, message));
        var packs = view.Packs.ToDictionary(p => p.Id, StringComparer.Ordinal);

        foreach (var d in view.Rules)
        {
            var what = d.Kind == RuleKind.Law ? "rule" : "consequence";
            if (d.Applies is { Root: Literal { Value.IsFalse: true } } applies)
                Warn("LINT001", applies.Location, $"The {what} '{d.Id}' can never apply: its condition is 'false'. Remove it, or write the condition it should have.");
            var end = Earliest(d.ValidTo, d.Citation.ValidTo);
            var start = Latest(d.ValidFrom, d.Citation.ValidFrom);
            if (packs.TryGetValue(d.PackId, out var pack) && pack.ValidFrom is { } packFrom && end is { } e && e < packFrom)
                Warn("LINT001", d.Location, $"The {what} '{d.Id}' can never apply: it is valid until {e:yyyy-MM-dd}, before the pack is valid (from {packFrom:yyyy-MM-dd}). Remove it or correct its valid period.");
            else if (start is { } s && end is { } e2 && e2 < s)
                Warn("LINT001", d.Location, $"The {what} '{d.Id}' can never apply: its valid period ends ({e2:yyyy-MM-dd}) before it starts ({s:yyyy-MM-dd}).");

            if (d.Kind == RuleKind.Law && string.IsNullOrWhiteSpace(d.Citation.Url))
                Warn("LINT006", d.Location, $"The rule '{d.Id}' has no citation url; add law.url (a link to wetten.overheid.nl or the local regulation) so readers can check the text.");
            else if (d.Kind == RuleKind.Practice && string.IsNullOrWhiteSpace(d.Citation.Url))
                Warn("LINT006", d.Location, $"The consequence '{d.Id}' has no source url; add source.url so readers can check where the experience comes from.");
        }

        var inSomeCone = view.Goals.SelectMany(g => g.ReachedBy).ToHashSet(StringComparer.Ordinal);
        foreach (var dev in view.Deviations)
        {
            if (!inSomeCone.Contains(dev.Deviates))
                Warn("LINT002", dev.Location, $"No collision can use the deviation '{dev.Id}': the rule it deviates from ('{dev.Deviates}') reaches no goal, so setting it aside never makes a goal hold. Add the goal it serves, or link the rule's outcome to one.");
        }

        var rulesById = view.Rules.ToDictionary(r => r.Id, StringComparer.Ordinal);
        foreach (var dev in view.Deviations)
        {
            if (!packs.TryGetValue(dev.PackId, out var devPack) || devPack.Format < 2) continue;
            var kind = dev.Basis.Kind;
            if (kind == "evenredigheid")
            {
                var missing = Steps.Where(step => !dev.Document.Any(d => d.Contains(step, StringComparison.OrdinalIgnoreCase))).ToList();
                if (missing.Count > 0)
                    Warn("LINT007", dev.Location, $"The deviation '{dev.Id}' rests on evenredigheid (Awb 3:4 lid 2), but its 'document' list does not name {string.Join(", ", missing)}: the proportionality test asks whether the measure is geschikt, noodzakelijk and evenwichtig (ABRvS 2 February 2022, ECLI:NL:RVS:2022:285). Add the three steps to 'document' so the motivation answers them.");
            }
            else if (kind == "awb-4:84" && !IsAwb484(dev.Basis))
            {
                Warn("LINT007", dev.Location, $"The deviation '{dev.Id}' has kind awb-4:84 but cites {dev.Basis}; cite Awb art. 4:84 itself (the power to depart from a policy rule in special circumstances), or choose the kind that fits the article cited.");
            }
            else if (kind == "beleidsregel" && rulesById.TryGetValue(dev.Deviates, out var r) && r.Force == "beleidsregel")
            {
                Warn("LINT007", dev.Location, $"The deviation '{dev.Id}' uses the format 1 kind 'beleidsregel'. In format 2 say which room it uses: awb-4:84 (bijzondere omstandigheden), evenredigheid, or the policy rule's own hardship clause listed under the rule's 'clauses' with kind hardheidsclausule.");
            }
            // The mandate as the national pack wrote it: a local mandaatbesluit loaded alongside does not make it fixed.
            if (devPack.Level == "national" && dev.DeclaredMandate != "open")
                Warn("LINT008", dev.Location, $"The deviation '{dev.Id}' in the national pack '{dev.PackId}' sets its mandate to '{dev.DeclaredMandate}'. Who may decide is set by each municipality's mandaatbesluit; a national pack writes 'mandate: open' and a local pack sets it under 'mandates'.");
        }

        foreach (var goal in view.Goals)
        {
            if (goal.ReachedBy.Count == 0)
                Warn("LINT003", goal.Location, $"No rule touches the goal '{goal.Id}': no rule or consequence determines a fact it reads, so no collision can ever involve it.");
        }

        foreach (var p in view.Parameters)
        {
            var values = p.Values.OrderBy(v => v.From).ToList();
            for (var i = 0; i + 1 < values.Count; i++)
            {
                if (values[i].To is { } to && values[i + 1].From > to.AddDays(1))
                    Warn("LINT004", values[i + 1].Location, $"The parameter '{p.Id}' has no value from {to.AddDays(1):yyyy-MM-dd} to {values[i + 1].From.AddDays(-1):yyyy-MM-dd}; on those dates it is unknown. Add a value for that period or move 'from'.");
            }
        }

        var rules = view.Rules;
        for (var i = 0; i < rules.Count; i++)
        {
            for (var j = i + 1; j < rules.Count; j++)
            {
                var a = rules[i];
                var b = rules[j];
                var shared = a.Writes.Intersect(b.Writes, StringComparer.Ordinal).ToList();
                if (shared.Count == 0 || !Overlap(a, b)) continue;
                if (SameValues(a, b, shared)) continue;
                if (a.Applies is { } ca && b.Applies is { } cb && ConditionShapes.Exclusive(ca.Root, cb.Root)) continue;
                var (first, second) = Compare(a.Location, b.Location) <= 0 ? (a, b) : (b, a);
                var facts = string.Join(", ", shared.Order(StringComparer.Ordinal));
                Warn("LINT005", second.Location,
                    $"The rules '{second.Id}' and '{first.Id}' ({first.Location}) both determine {facts}, with different values, in overlapping periods, and their conditions do not visibly exclude each other (such as 'x < 27' against 'x >= 27', or 'c' against 'not c'); when both apply the engine reports a contradiction. Make their conditions exclusive, or let one rule decide.");
            }
        }
        return found;
    }

    private static readonly string[] Steps = ["geschikt", "noodzakelijk", "evenwichtig"];

    private static bool IsAwb484(CitationView c) =>
        c.Law is { } law && (law.Contains("Awb", StringComparison.OrdinalIgnoreCase) || law.Contains("Algemene wet bestuursrecht", StringComparison.OrdinalIgnoreCase))
        && c.Article is { } a && a.Replace("art.", "", StringComparison.OrdinalIgnoreCase).Replace("artikel", "", StringComparison.OrdinalIgnoreCase).Trim() == "4:84";

    /// <summary>
    /// LINT009: a policy rule that every pack test where it applies (at least two) departs from. Awb 4:84 is for special
    /// circumstances; when a whole series of cases misses the policy's aim, the policy rule itself must change (ABRvS
    /// 16 March 2016, ECLI:NL:RVS:2016:709). Runs the pack tests of the set.
    /// </summary>
    internal static IReadOnlyList<Diagnostic> AlwaysDeviated(PackSet set)
    {
        var view = set.Inspect();
        var policy = view.Rules.Where(r => r.Force == "beleidsregel").ToList();
        if (policy.Count == 0) return [];
        var results = Testing.PackTestRunner.Run(set).Where(t => t.Result is not null).ToList();
        var found = new List<Diagnostic>();
        foreach (var rule in policy)
        {
            var applied = results.Where(t => t.Result!.Determinations.Any(d => d.Rule == rule.Id)).ToList();
            if (applied.Count < 2) continue;
            if (applied.All(t => t.Result!.Proposals.Any(p => p.Basis.Any(b => b.Rule == rule.Id))))
                found.Add(new Diagnostic("LINT009", DiagnosticSeverity.Warning, rule.Location,
                    $"The policy rule '{rule.Id}' is deviated from in every pack test where it applies ({applied.Count}: {string.Join(", ", applied.Select(t => t.Name))}). " +
                    "Awb 4:84 is for special circumstances; when every case departs from a policy rule, change the policy rule itself (ABRvS 16 March 2016, ECLI:NL:RVS:2016:709)."));
        }
        return found;
    }

    /// <summary>Both rules set every shared fact to the same expression (such as <c>true</c>): they can never contradict.</summary>
    private static bool SameValues(RuleView a, RuleView b, IReadOnlyList<string> shared)
    {
        foreach (var fact in shared)
        {
            var name = fact[(fact.LastIndexOf('.') + 1)..];
            var va = a.Determines.Where(d => Named(d.Target, name)).Select(d => d.Value.Root.Text).Distinct().ToList();
            var vb = b.Determines.Where(d => Named(d.Target, name)).Select(d => d.Value.Root.Text).Distinct().ToList();
            if (va.Count != 1 || vb.Count != 1 || va[0] != vb[0]) return false;
        }
        return true;
    }

    private static bool Named(string target, string field) =>
        target == field || target.EndsWith("." + field, StringComparison.Ordinal);

    private static bool Overlap(RuleView a, RuleView b)
    {
        var aFrom = Latest(a.ValidFrom, a.Citation.ValidFrom) ?? DateOnly.MinValue;
        var aTo = Earliest(a.ValidTo, a.Citation.ValidTo) ?? DateOnly.MaxValue;
        var bFrom = Latest(b.ValidFrom, b.Citation.ValidFrom) ?? DateOnly.MinValue;
        var bTo = Earliest(b.ValidTo, b.Citation.ValidTo) ?? DateOnly.MaxValue;
        return aFrom <= bTo && bFrom <= aTo;
    }

    private static int Compare(SourceLocation x, SourceLocation y)
    {
        var c = string.CompareOrdinal(x.File, y.File);
        return c != 0 ? c : x.Line != y.Line ? x.Line.CompareTo(y.Line) : x.Column.CompareTo(y.Column);
    }

    private static DateOnly? Earliest(DateOnly? a, DateOnly? b) => a is null ? b : b is null ? a : a < b ? a : b;

    private static DateOnly? Latest(DateOnly? a, DateOnly? b) => a is null ? b : b is null ? a : a > b ? a : b;
}
