using System.Globalization;

namespace Doorbraak.Rules.Cli.Rendering;

/// <summary>The readable report of one evaluation: what the law says, what experience shows, goals, collisions, questions, proposals, audit.</summary>
internal static class TextReport
{
    public static void Write(TextWriter w, string name, EvaluationResult r, Words words, Style style, bool terminal)
    {
        var t = words;
        w.WriteLine(style.Bold(t.T($"Doorbraak-evaluatie: {name}", $"Doorbraak evaluation: {name}")));
        w.WriteLine($"{t.T("Peildatum", "Reference date")}: {r.Audit.ReferenceDate:yyyy-MM-dd}");
        w.WriteLine($"{t.T("Pakketten", "Packs")}: {string.Join(", ", r.Audit.Packs.Select(p => $"{p.Id} {p.Version}"))}");
        w.WriteLine($"{t.T("Samenvatting", "Summary")}: " + t.T(
            $"{r.Determinations.Count} bepaling(en), {r.Collisions.Count} botsing(en), {r.MissingFacts.Count} ontbrekend(e) feit(en), {r.Proposals.Count} voorstel(len).",
            $"{r.Determinations.Count} determination(s), {r.Collisions.Count} collision(s), {r.MissingFacts.Count} missing fact(s), {r.Proposals.Count} proposal(s)."));

        Section(w, style, t.T("Wat de wet bepaalt (regels)", "What the law says (rules)"));
        var law = r.Determinations.Where(d => d.Source != StatementSource.Practice).ToList();
        if (law.Count == 0) w.WriteLine(t.T("  Geen regel is van toepassing.", "  No rule applies."));
        foreach (var d in law) t.WriteDetermination(w, "  ", d, style);

        var practice = r.Determinations.Where(d => d.Source == StatementSource.Practice).ToList();
        if (practice.Count > 0)
        {
            Section(w, style, t.T("Wat de ervaring leert (gevolgen)", "What experience shows (consequences)"));
            foreach (var d in practice) t.WriteDetermination(w, "  ", d, style);
        }

        Section(w, style, t.T("Doelen", "Goals"));
        var goals = r.Goals.Where(g => g.Active).ToList();
        if (goals.Count == 0) w.WriteLine(t.T("  Geen actief doel.", "  No active goal."));
        else
        {
            Table.Write(w, terminal, "  ",
                [t.T("doel", "goal"), t.T("nu", "today"), t.T("straks (rechtmatig)", "projected (lawful)"), t.T("actief omdat", "active because")],
                goals.Select(g => (IReadOnlyList<string>)[$"{g.Title} ({g.Goal})", t.Outcome(g.HoldsToday), Mark(t.Outcome(g.HoldsProjected), g.HoldsProjected, style), ResultJson.NameOf(g.ActiveBecause)]).ToList());
        }

        Section(w, style, t.T("Botsingen", "Collisions"));
        if (r.Collisions.Count == 0) w.WriteLine(t.T("  Geen botsing gevonden.", "  No collision found."));
        var n = 0;
        foreach (var c in r.Collisions)
        {
            n++;
            w.WriteLine($"  {n}. {style.Severity(ResultJson.NameOf(c.Severity), $"[{ResultJson.NameOf(c.Severity)}]")} {style.Bold(c.Title)} ({c.Id}, {ResultJson.NameOf(c.Kind)})");
            if (c.Goal is not null) w.WriteLine($"     {t.T("Doel", "Goal")}: {c.Goal}");
            w.WriteLine($"     {t.T("Regels", "Rules")}: {string.Join(", ", c.Rules)}");
            if (c.Members.Count > 0) w.WriteLine($"     {t.T("Leden", "Members")}: {string.Join(", ", c.Members)}");
            Words.WriteWrapped(w, "     ", c.Explanation);
            t.WriteExplanation(w, "     ", c.Trace with { Text = c.Trace.Text == c.Explanation ? "" : c.Trace.Text }, style);
        }

        Section(w, style, t.T("Ontbrekende feiten (vragen aan de regisseur)", "Missing facts (questions for the regisseur)"));
        if (r.MissingFacts.Count == 0) w.WriteLine(t.T("  Geen: alle feiten die ertoe doen zijn bekend.", "  None: every fact that matters is known."));
        foreach (var m in r.MissingFacts)
        {
            w.WriteLine($"  ? {m.Question ?? m.Description} ({m.Path})");
            w.WriteLine($"    {t.T("nodig voor", "needed for")}: {string.Join(", ", m.NeededFor)}");
        }

        Section(w, style, t.T("Voorstellen", "Proposals"));
        if (r.Proposals.Count == 0) w.WriteLine(t.T("  Geen voorstel.", "  No proposal."));
        foreach (var p in r.Proposals) WriteProposal(w, p, t, style, terminal);

        Section(w, style, "Audit");
        foreach (var p in r.Audit.Packs) w.WriteLine($"  {p.Id} {p.Version} sha256:{p.Sha256}");
        w.WriteLine($"  engine {r.Audit.EngineVersion}, {t.T("peildatum", "reference date")} {r.Audit.ReferenceDate:yyyy-MM-dd}");
    }

    public static void WriteProposal(TextWriter w, ProposalResult p, Words t, Style style, bool terminal)
    {
        w.WriteLine($"  {p.Rank}. {style.Bold(p.Title)} ({p.Id})");
        w.WriteLine($"     {t.T("Lost op", "Resolves")}: {List(p.Resolves)}");
        if (p.Leaves.Count > 0) w.WriteLine($"     {t.T("Blijft over", "Leaves")}: {List(p.Leaves)}");
        if (p.Creates.Count > 0) w.WriteLine($"     {style.Red(t.T("Veroorzaakt", "Creates"))}: {List(p.Creates)}");
        foreach (var b in p.Basis)
            w.WriteLine($"     {t.T("Grondslag", "Basis")}: {b.Citation}{(b.Kind is null ? "" : $" ({b.Kind})")}{(b.Url is null ? "" : " " + b.Url)} — {t.T("afwijking van", "deviates from")} {b.Rule}");
        w.WriteLine($"     {t.T("Mandaat", "Mandate")}: {p.Mandate}");
        w.WriteLine($"     {t.T("Grenzen", "Limits")}: {p.Limits.Text}");
        if (p.Review.Count > 0) w.WriteLine($"     {t.T("Evaluatie na", "Review after")}: {string.Join(", ", p.Review)}");
        var c = p.Cost;
        w.WriteLine($"     {t.T("Kosten", "Cost")} ({t.T($"{c.HorizonMonths} maanden, afwijking {c.DeviationMonths} maanden", $"{c.HorizonMonths} months, deviation {c.DeviationMonths} months")}): " +
                    $"{t.T("huidige route", "current route")} {Money(c.CurrentRoute, t)}, {t.T("met voorstel", "with proposal")} {Money(c.ProposalRoute, t)}, {t.T("verschil", "difference")} {Money(c.Difference, t)}");
        if (c.Items.Count > 0)
        {
            Table.Write(w, terminal, "       ",
                [t.T("kostenpost", "cost item"), t.T("betaler", "payer"), t.T("nu per maand", "current monthly"), t.T("met voorstel per maand", "proposal monthly")],
                c.Items.Select(i => (IReadOnlyList<string>)[$"{i.Title} ({i.Cost})", i.Payer, Money(i.CurrentMonthly, t), Money(i.ProposalMonthly, t)]).ToList());
        }
        w.WriteLine($"     {t.T("Rangorde", "Rank")}: {p.RankReason}");
        w.WriteLine($"     {t.T("Motivering (concept)", "Motivation (draft)")}:");
        Words.WriteWrapped(w, "       ", p.Motivation);
        if (p.Checklist.Count > 0)
        {
            w.WriteLine($"     {t.T("Nog vast te leggen", "Still to document")}:");
            foreach (var item in p.Checklist) w.WriteLine($"       [ ] {item}");
        }
        foreach (var pr in p.Precedents)
            w.WriteLine($"     {t.T("Precedent", "Precedent")}: {pr.CaseReference} {pr.DecidedOn:yyyy-MM-dd} {pr.Outcome} ({pr.Similarity:P0})");
    }

    public static string Money(decimal amount, Words t) =>
        "EUR " + amount.ToString("N2", t.Dutch ? NlCulture : CultureInfo.InvariantCulture);

    private static readonly CultureInfo NlCulture = CreateDutch();

    private static CultureInfo CreateDutch()
    {
        // Dutch number format without depending on culture data: 1.234,56.
        var c = (CultureInfo)CultureInfo.InvariantCulture.Clone();
        c.NumberFormat.NumberDecimalSeparator = ",";
        c.NumberFormat.NumberGroupSeparator = ".";
        return c;
    }

    private static string List(IReadOnlyList<string> items) => items.Count == 0 ? "-" : string.Join(", ", items);

    private static string Mark(string text, bool? holds, Style style) => holds switch
    {
        true => style.Green(text),
        false => style.Red(text),
        _ => style.Yellow(text),
    };

    private static void Section(TextWriter w, Style style, string title)
    {
        w.WriteLine();
        w.WriteLine(style.Bold(title));
    }
}
