using System.Globalization;
using Doorbraak.Rules.Packs;

namespace Doorbraak.Rules.Cli.Rendering;

/// <summary>The readable report of one evaluation: what the law says, what experience shows, goals, collisions, questions, proposals, audit.</summary>
internal static class TextReport
{
    public static void Write(TextWriter w, string name, EvaluationResult r, Words words, Style style, bool terminal)
    {
        var t = words;
        w.WriteLine(style.Bold(t.Format("cli.report.title", ("name", name))));
        // The verdict first: "nothing found" must never be read as "nothing wrong" when the packs could not judge.
        WriteCompleteness(w, r.Completeness, t, style);
        w.WriteLine($"{t["cli.report.reference-date"]}: {r.Audit.ReferenceDate:yyyy-MM-dd}");
        w.WriteLine($"{t["cli.report.packs"]}: {string.Join(", ", r.Audit.Packs.Select(p => $"{p.Id} {p.Version}"))}");
        w.WriteLine($"{t["cli.report.summary"]}: " + t.Format("cli.report.summary-counts",
            ("determinations", r.Determinations.Count), ("collisions", r.Collisions.Count), ("missing", r.MissingFacts.Count), ("proposals", r.Proposals.Count)));

        Section(w, style, t["cli.report.law-section"]);
        var law = r.Determinations.Where(d => d.Source != StatementSource.Practice).ToList();
        if (law.Count == 0) w.WriteLine(t["cli.report.no-rule-applies"]);
        foreach (var d in law) t.WriteDetermination(w, "  ", d, style);

        var practice = r.Determinations.Where(d => d.Source == StatementSource.Practice).ToList();
        if (practice.Count > 0)
        {
            Section(w, style, t["cli.report.experience-section"]);
            foreach (var d in practice) t.WriteDetermination(w, "  ", d, style);
        }

        Section(w, style, t["cli.report.goals"]);
        var goals = r.Goals.Where(g => g.Active).ToList();
        if (goals.Count == 0) w.WriteLine(t["cli.report.no-active-goal"]);
        else
        {
            Table.Write(w, terminal, "  ",
                [t["cli.report.goal"], t["cli.report.today"], t["cli.report.projected-lawful"], t["cli.report.active-because"]],
                goals.Select(g => (IReadOnlyList<string>)[$"{g.Title} ({g.Goal})", t.Outcome(g.HoldsToday), Mark(t.Outcome(g.HoldsProjected), g.HoldsProjected, style), ResultJson.NameOf(g.ActiveBecause)]).ToList());
        }

        Section(w, style, t["cli.report.collisions"]);
        if (r.Collisions.Count == 0) w.WriteLine(t["cli.report.no-collision-found"]);
        var n = 0;
        foreach (var c in r.Collisions)
        {
            n++;
            w.WriteLine($"  {n}. {style.Severity(ResultJson.NameOf(c.Severity), $"[{ResultJson.NameOf(c.Severity)}]")} {style.Bold(c.Title)} ({c.Id}, {ResultJson.NameOf(c.Kind)})");
            if (c.Goal is not null) w.WriteLine($"     {t["cli.report.collision-goal"]}: {c.Goal}");
            w.WriteLine($"     {t["cli.report.rules"]}: {string.Join(", ", c.Rules)}");
            if (c.Members.Count > 0) w.WriteLine($"     {t["cli.report.members"]}: {string.Join(", ", c.Members)}");
            if (c.Conditional) w.WriteLine($"     {style.Bold(t["cli.report.conditional"])}: {string.Join(", ", c.HingesOn)}");
            Words.WriteWrapped(w, "     ", c.Explanation);
            t.WriteExplanation(w, "     ", c.Trace with { Text = c.Trace.Text == c.Explanation ? "" : c.Trace.Text }, style);
        }

        Section(w, style, t["cli.report.missing-facts"]);
        if (r.MissingFacts.Count == 0) w.WriteLine(t["cli.report.no-missing-facts"]);
        foreach (var m in r.MissingFacts)
        {
            w.WriteLine($"  ? {m.Question ?? m.Description} ({m.Path})");
            w.WriteLine($"    {t["cli.report.needed-for"]}: {string.Join(", ", m.NeededFor)}");
        }

        if (r.UnusedFacts.Count > 0)
        {
            Section(w, style, t["cli.report.unused-facts"]);
            w.WriteLine(t["cli.report.unused-facts-note"]);
            foreach (var f in r.UnusedFacts) w.WriteLine($"  - {f}");
        }

        Section(w, style, t["cli.report.proposals"]);
        if (r.Proposals.Count == 0) w.WriteLine(t["cli.report.no-proposal"]);
        foreach (var p in r.Proposals) WriteProposal(w, p, t, style, terminal);
        if (r.NotProposed.Count > 0)
        {
            Section(w, style, t["cli.report.not-proposed"]);
            foreach (var np in r.NotProposed) WriteNotProposed(w, "  ", np);
        }

        Section(w, style, "Audit");
        foreach (var p in r.Audit.Packs) w.WriteLine($"  {p.Id} {p.Version} sha256:{p.Sha256}");
        w.WriteLine($"  engine {r.Audit.EngineVersion}, {t["cli.report.audit-reference-date"]} {r.Audit.ReferenceDate:yyyy-MM-dd}");
    }

    /// <summary>One deviation that is not proposed, with the collisions it exists for and why.</summary>
    public static void WriteNotProposed(TextWriter w, string indent, NotProposedDeviation np) =>
        w.WriteLine($"{indent}- {np.Deviation} ({string.Join(", ", np.Collisions)}): {np.Message}");

    public static void WriteProposal(TextWriter w, ProposalResult p, Words t, Style style, bool terminal)
    {
        w.WriteLine($"  {p.Rank}. {style.Bold(p.Title)} ({p.Id})");
        w.WriteLine($"     {t["cli.report.resolves"]}: {List(p.Resolves)}");
        if (p.Leaves.Count > 0) w.WriteLine($"     {t["cli.report.leaves"]}: {List(p.Leaves)}");
        if (p.Creates.Count > 0) w.WriteLine($"     {style.Red(t["cli.report.creates"])}: {List(p.Creates)}");
        if (p.Steps.Count > 0)
        {
            // Each step says what it is: a deviation from a rule, or an intervention (an action within the law), and who decides.
            w.WriteLine($"     {t["cli.report.steps"]}:");
            foreach (var s in p.Steps)
            {
                var decider = s.Decider == "gemeente" ? "" : t.Format("cli.report.step-decider", ("decider", s.Decider));
                w.WriteLine("       - " + (s.Kind == ProposalStepKind.Intervention
                    ? t.Format("cli.report.step-intervention", ("action", s.Action), ("id", s.Id), ("title", s.Title), ("mandate", s.Mandate), ("decider", decider))
                    : t.Format("cli.report.step-deviation", ("id", s.Id), ("rule", s.Rule), ("title", s.Title), ("mandate", s.Mandate), ("decider", decider))));
            }
        }
        if (p.Request is { } rq) w.WriteLine($"     {t["cli.report.request"]}: {rq.Text}");
        foreach (var b in p.Basis)
        {
            var of = b.Rule.Length == 0 ? t["cli.report.own-basis"] : $"{t["cli.report.deviates-from"]} {b.Rule}";
            w.WriteLine($"     {t["cli.report.basis"]}: {b.Citation}{(b.Kind is null ? "" : $" ({b.Kind})")}{(b.Url is null ? "" : " " + b.Url)} — {of}");
            if (b.ForceText is not null) w.WriteLine($"       {b.Rule}: {b.ForceText}{(b.Grondslag is null ? "" : $" ({t["cli.report.grondslag"]}: {b.Grondslag})")}");
        }
        w.WriteLine($"     {t["cli.report.mandate"]}: {(p.MandateFallback is { } body ? t.Format("cli.report.mandate-open", ("role", body)) : p.Mandate)}");
        w.WriteLine($"     {t["cli.report.limits"]}: {p.Limits.Text}");
        if (p.Review.Count > 0) w.WriteLine($"     {t["cli.report.review-after"]}: {string.Join(", ", p.Review)}");
        var c = p.Cost;
        w.WriteLine($"     {t["cli.report.cost"]} ({t.Format("cli.report.cost-horizon", ("horizon", c.HorizonMonths), ("deviation", c.DeviationMonths))}): " +
                    $"{t["cli.report.current-route"]} {Money(c.CurrentRoute, c.Redacted, t)}, {t["cli.report.with-proposal"]} {Money(c.ProposalRoute, c.Redacted, t)}, {t["cli.report.difference"]} {Money(c.Difference, c.Redacted, t)}"
                    + (p.IllustrativeParameters.Count > 0 ? $" ({t["format.illustrative"]}: {string.Join(", ", p.IllustrativeParameters)})" : ""));
        if (c.Items.Count > 0)
        {
            Table.Write(w, terminal, "       ",
                [t["cli.report.cost-item"], t["cli.report.payer"], t["cli.report.current-monthly"], t["cli.report.proposal-monthly"]],
                c.Items.Select(i => (IReadOnlyList<string>)[$"{i.Title} ({i.Cost}){(i.Illustrative ? $" ({t["format.illustrative"]})" : "")}", i.Payer, Money(i.CurrentMonthly, i.Redacted, t), Money(i.ProposalMonthly, i.Redacted, t)]).ToList());
        }
        w.WriteLine($"     {t["cli.report.rank"]}: {p.RankReason}");
        w.WriteLine($"     {t["cli.report.motivation-draft"]}:");
        Words.WriteWrapped(w, "       ", p.Motivation);
        if (p.Checklist.Count > 0)
        {
            w.WriteLine($"     {t["cli.report.still-to-document"]}:");
            foreach (var item in p.Checklist) w.WriteLine($"       [ ] {item}");
        }
        foreach (var pr in p.Precedents)
            w.WriteLine($"     {t["cli.report.precedent"]}: {pr.CaseReference} {pr.DecidedOn:yyyy-MM-dd} {pr.Outcome} ({pr.Similarity:P0})");
    }

    public static string Money(decimal amount, Words t) => t.Table.Money(amount);

    /// <summary>An amount, or "onbekend" when it rests on an unknown value (never EUR 0,00).</summary>
    public static string Money(decimal? amount, Words t) => t.Table.Money(amount);

    /// <summary>An amount, or [afgeschermd] when it was withheld (--redact).</summary>
    public static string Money(decimal? amount, bool redacted, Words t) => redacted ? "[afgeschermd]" : t.Table.Money(amount);

    private static string List(IReadOnlyList<string> items) => items.Count == 0 ? "-" : string.Join(", ", items);

    private static string Mark(string text, bool? holds, Style style) => holds switch
    {
        true => style.Green(text),
        false => style.Red(text),
        _ => style.Yellow(text),
    };

    /// <summary>The completeness verdict and every gap with what it affects.</summary>
    public static void WriteCompleteness(TextWriter w, Completeness c, Words t, Style style)
    {
        var verdict = Verdict(c, t);
        w.WriteLine(c.Complete ? style.Bold(verdict) : style.Severity("critical", verdict));
        foreach (var g in c.Gaps)
        {
            Words.WriteWrapped(w, "    ", $"! [{ResultJson.NameOf(g.Kind)}] {g.Message}");
            if (g.Affects.Count > 0) Words.WriteWrapped(w, "    ", t.Format("engine.completeness.affects", ("ids", string.Join(", ", g.Affects))));
        }
    }

    /// <summary>The verdict in one sentence.</summary>
    public static string Verdict(Completeness c, Words t) =>
        c.Complete ? t["engine.completeness.complete"] : t.Format("engine.completeness.incomplete", ("count", c.Gaps.Count));

    private static void Section(TextWriter w, Style style, string title)
    {
        w.WriteLine();
        w.WriteLine(style.Bold(title));
    }
}
