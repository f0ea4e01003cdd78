using Doorbraak.Rules.Packs;
using Doorbraak.Rules.Wording;
using System.Net;
using System.Text;
using System.Text.Json;

namespace Doorbraak.Rules;

/// <summary>Exports a doorbraakplan as JSON (documented, stable, round-trips), Markdown or HTML for a regisseur.</summary>
/// <threadsafety>Stateless and thread-safe.</threadsafety>
public static class PlanExport
{
    // A figure that rests on a value the pack marks illustrative says so wherever it is shown.
    private static string Mark(bool illustrative, ReportLanguage lang) => illustrative ? $" ({Texts.Of(lang)["format.illustrative"]})" : "";

    private static string? IllustrativeNote(IReadOnlyList<CostLine> lines, ReportLanguage lang)
    {
        var ids = lines.SelectMany(l => l.IllustrativeParameters).Distinct().Order(StringComparer.Ordinal).ToList();
        return ids.Count == 0 ? null : Texts.Format(lang, "plan.illustrative-note", ("parameters", Texts.Join(ids, lang)));
    }

    /// <summary>The plan as JSON (see docs/doorbraakplan.md).</summary>
    public static string ToJson(DoorbraakPlan plan) => JsonSerializer.Serialize(plan, ResultJson.Options);

    /// <summary>Reads a plan back from its JSON.</summary>
    /// <exception cref="JsonException">The JSON is not a doorbraakplan: malformed, a required value missing or null, or a key given twice.</exception>
    public static DoorbraakPlan FromJson(string json) =>
        JsonSerializer.Deserialize<DoorbraakPlan>(json, ResultJson.ReadOptions) ?? throw new JsonException("The JSON holds no doorbraakplan.");

    private sealed record Words(string Title, string Case, string Regisseur, string RefDate, string Summary, string Members, string Collisions, string Decisions,
        string Actions, string Reviews, string Cost, string Audit, string Outcome, string DecidedBy, string Mandate, string Basis, string Limits, string Period,
        string Motivation, string Owner, string Due, string Item, string Payer, string Current, string Breakthrough, string Total, string Difference,
        string Pack, string Version, string Engine, string Generated, string None, string Explanation, string Rules, string DecidedAt, string Reason,
        string Proposals, string Resolves, string Creates, string Checklist, string Rank);

    // The labels of the plan's language, from Wording/nl.json or en.json (plan.label.*).
    private static readonly Lazy<Words> Nl = new(() => Labels(WordingTable.Dutch));
    private static readonly Lazy<Words> En = new(() => Labels(WordingTable.English));

    private static Words Labels(WordingTable w) => new(
            w["plan.label.title"],
            w["plan.label.case"],
            w["plan.label.regisseur"],
            w["plan.label.reference-date"],
            w["plan.label.summary"],
            w["plan.label.members"],
            w["plan.label.collisions"],
            w["plan.label.decisions"],
            w["plan.label.actions"],
            w["plan.label.reviews"],
            w["plan.label.cost"],
            w["plan.label.audit"],
            w["plan.label.outcome"],
            w["plan.label.decided-by"],
            w["plan.label.mandate"],
            w["plan.label.basis"],
            w["plan.label.limits"],
            w["plan.label.period"],
            w["plan.label.motivation"],
            w["plan.label.owner"],
            w["plan.label.due"],
            w["plan.label.item"],
            w["plan.label.payer"],
            w["plan.label.current"],
            w["plan.label.breakthrough"],
            w["plan.label.total"],
            w["plan.label.difference"],
            w["plan.label.pack"],
            w["plan.label.version"],
            w["plan.label.engine"],
            w["plan.label.generated"],
            w["plan.label.none"],
            w["plan.label.explanation"],
            w["plan.label.rules"],
            w["plan.label.decided-at"],
            w["plan.label.reason"],
            w["plan.label.proposals"],
            w["plan.label.resolves"],
            w["plan.label.creates"],
            w["plan.label.checklist"],
            w["plan.label.rank"]);

    /// <summary>The completeness verdict in one sentence: complete, or incomplete with the number of gaps.</summary>
    internal static string Verdict(Completeness c, ReportLanguage lang) =>
        c.Complete ? Texts.Of(lang)["engine.completeness.complete"] : Texts.Format(lang, "engine.completeness.incomplete", ("count", c.Gaps.Count));

    private static string Outcome(DecisionOutcome o, ReportLanguage lang) => Texts.Of(lang)[o switch
    {
        DecisionOutcome.Accepted => "plan.outcome.accepted",
        DecisionOutcome.Changed => "plan.outcome.changed",
        _ => "plan.outcome.rejected",
    }];

    /// <summary>The plan as Markdown, readable by a regisseur (Dutch or English, by the plan's language).</summary>
    public static string ToMarkdown(DoorbraakPlan plan)
    {
        var lang = plan.Language;
        var w = (lang == ReportLanguage.Dutch ? Nl : En).Value;
        var sb = new StringBuilder();
        sb.Append("# ").Append(w.Title).Append(": ").AppendLine(Md(plan.CaseReference)).AppendLine();
        if (plan.Completeness is { } completeness)
        {
            // The verdict comes first: "nothing found" must never be read as "nothing wrong" when the packs could not judge.
            var t = Texts.Of(lang);
            sb.Append("## ").AppendLine(t["engine.completeness.heading"]).AppendLine();
            sb.Append("**").Append(Md(Verdict(completeness, lang))).AppendLine("**").AppendLine();
            foreach (var g in completeness.Gaps)
                sb.Append("- `").Append(g.Subject).Append("`: ").Append(Md(g.Message))
                    .AppendLine(g.Affects.Count == 0 ? "" : " " + Md(t.Format("engine.completeness.affects", ("ids", string.Join(", ", g.Affects)))));
            if (completeness.Gaps.Count > 0) sb.AppendLine();
        }
        sb.Append("- **").Append(w.Case).Append("**: ").AppendLine(Md(plan.CaseReference));
        if (plan.Regisseur is not null) sb.Append("- **").Append(w.Regisseur).Append("**: ").AppendLine(Md(plan.Regisseur));
        sb.Append("- **").Append(w.RefDate).Append("**: ").AppendLine(Texts.Date(plan.ReferenceDate, lang));
        sb.Append("- **").Append(w.Members).Append("**: ").AppendLine(Md(string.Join(", ", plan.Members))).AppendLine();
        sb.Append("## ").AppendLine(w.Summary).AppendLine().AppendLine(Md(plan.Summary)).AppendLine();

        sb.Append("## ").AppendLine(w.Collisions).AppendLine();
        if (plan.Collisions.Count == 0) sb.AppendLine(w.None).AppendLine();
        foreach (var c in plan.Collisions)
        {
            sb.Append("### ").Append(Md(c.Title)).Append(" (`").Append(c.Id).AppendLine("`)").AppendLine();
            sb.AppendLine(Md(c.Explanation)).AppendLine();
            sb.Append("- ").Append(w.Rules).Append(": ").AppendLine(string.Join(", ", c.Rules.Select(r => $"`{r}`")));
            if (c.Goal is not null) sb.Append("- Doel/goal: `").Append(c.Goal).AppendLine("`");
            sb.AppendLine();
        }

        sb.Append("## ").AppendLine(w.Decisions).AppendLine();
        if (plan.Decisions.Count == 0) sb.AppendLine(w.None).AppendLine();
        foreach (var d in plan.Decisions)
        {
            sb.Append("### ").Append(Md(d.Title)).Append(" (`").Append(d.ProposalId).AppendLine("`)").AppendLine();
            sb.Append("- **").Append(w.Outcome).Append("**: ").AppendLine(Outcome(d.Outcome, lang));
            sb.Append("- **").Append(w.DecidedBy).Append("**: ").Append(Md(d.DecidedBy)).Append(" (").Append(w.Mandate.ToLowerInvariant()).Append(' ').Append(d.Mandate).Append("; ").Append(Texts.Of(lang)["plan.label.required"]).Append(' ').Append(d.RequiredMandate).AppendLine(")");
            sb.Append("- **").Append(w.Basis).Append("**: ").AppendLine(Md(string.Join("; ", d.Basis)));
            sb.Append("- **").Append(w.Limits).Append("**: ").AppendLine(Md(d.Limits));
            if (d.StartDate is { } s) sb.Append("- **").Append(w.Period).Append("**: ").Append(Texts.Date(s, lang)).Append(" – ").AppendLine(d.EndDate is { } e ? Texts.Date(e, lang) : "…");
            if (d.ReviewDates.Count > 0) sb.Append("- **").Append(w.Reviews).Append("**: ").AppendLine(string.Join(", ", d.ReviewDates.Select(r => Texts.Date(r, lang))));
            sb.Append("- **").Append(w.DecidedAt).Append("**: ").AppendLine(d.DecidedAt.ToString("yyyy-MM-dd HH:mm 'UTC'", System.Globalization.CultureInfo.InvariantCulture));
            if (d.ReasonForDifference is not null) sb.Append("- **").Append(w.Reason).Append("**: ").AppendLine(Md(d.ReasonForDifference));
            sb.AppendLine().Append("**").Append(w.Motivation).AppendLine("**").AppendLine().AppendLine(Md(d.Motivation)).AppendLine();
        }

        if (plan.OpenProposals.Count > 0)
        {
            sb.Append("## ").AppendLine(w.Proposals).AppendLine();
            foreach (var p in plan.OpenProposals)
            {
                sb.Append("### ").Append(p.Rank).Append(". ").Append(Md(p.Title)).Append(" (`").Append(p.Id).AppendLine("`)").AppendLine();
                sb.Append("- **").Append(w.Resolves).Append("**: ").AppendLine(string.Join(", ", p.Resolves.Select(r => $"`{r}`")));
                if (p.Creates.Count > 0) sb.Append("- **").Append(w.Creates).Append("**: ").AppendLine(string.Join(", ", p.Creates.Select(r => $"`{r}`")));
                sb.Append("- **").Append(w.Basis).Append("**: ").AppendLine(Md(string.Join("; ", p.Basis.Select(b => Texts.Basis(b, lang)))));
                sb.Append("- **").Append(w.Mandate).Append("**: ").AppendLine(p.MandateNote is null ? p.Mandate : Md(p.MandateNote));
                if (p.Steps.Count > 0) sb.Append("- **").Append(Texts.Of(lang)["plan.label.steps"]).Append("**: ").AppendLine(Md(Steps(p, lang)));
                if (p.Request is { } rq) sb.Append("- **").Append(Texts.Of(lang)["plan.label.request"]).Append("**: ").AppendLine(Md(rq.Text));
                sb.Append("- **").Append(w.Limits).Append("**: ").AppendLine(Md(p.Limits.Text));
                sb.Append("- **").Append(w.Cost).Append("**: ").Append(Texts.Money(p.Cost.CurrentRoute, p.Cost.Redacted, lang)).Append(" → ").Append(Texts.Money(p.Cost.ProposalRoute, p.Cost.Redacted, lang))
                    .Append(" (").Append(w.Difference.ToLowerInvariant()).Append(' ').Append(Texts.Money(p.Cost.Difference, p.Cost.Redacted, lang)).Append(", ").Append(Texts.Months(p.Cost.HorizonMonths, lang)).Append(')').AppendLine(Mark(p.IllustrativeParameters.Count > 0, lang));
                sb.Append("- **").Append(w.Rank).Append("**: ").AppendLine(Md(p.RankReason));
                sb.AppendLine().Append("**").Append(w.Motivation).AppendLine("** (concept)").AppendLine().AppendLine(Md(p.Motivation)).AppendLine();
                sb.Append("**").Append(w.Checklist).AppendLine("**").AppendLine();
                foreach (var item in p.Checklist) sb.Append("- [ ] ").AppendLine(Md(item));
                sb.AppendLine();
            }
        }

        sb.Append("## ").AppendLine(w.Actions).AppendLine();
        if (plan.Actions.Count == 0) sb.AppendLine(w.None).AppendLine();
        else
        {
            sb.Append("| ").Append(w.Actions).Append(" | ").Append(w.Owner).Append(" | ").Append(w.Due).AppendLine(" |").AppendLine("|---|---|---|");
            foreach (var a in plan.Actions)
                sb.Append("| ").Append(Cell(a.Description)).Append(" | ").Append(Cell(a.Owner)).Append(" | ").Append(a.Due is { } due ? Texts.Date(due, lang) : "").AppendLine(" |");
            sb.AppendLine();
        }

        sb.Append("## ").AppendLine(w.Reviews).AppendLine();
        sb.AppendLine(plan.ReviewDates.Count == 0 ? w.None : string.Join(", ", plan.ReviewDates.Select(r => Texts.Date(r, lang)))).AppendLine();

        sb.Append("## ").AppendLine(w.Cost).AppendLine();
        sb.Append("| ").Append(w.Item).Append(" | ").Append(w.Payer).Append(" | ").Append(w.Current).Append(" | ").Append(w.Breakthrough).AppendLine(" |").AppendLine("|---|---|---:|---:|");
        foreach (var l in plan.Cost.Lines)
            sb.Append("| ").Append(Cell(l.Title + Mark(l.Illustrative, lang))).Append(" | ").Append(Cell(l.Payer)).Append(" | ").Append(Texts.Money(l.CurrentMonthly, l.Redacted, lang)).Append(" | ").Append(Texts.Money(l.ProposalMonthly, l.Redacted, lang)).AppendLine(" |");
        sb.AppendLine();
        sb.Append("- ").Append(w.Total).Append(' ').Append(Texts.Months(plan.Cost.HorizonMonths, lang)).Append(": ").Append(w.Current.Split(' ')[0]).Append(' ').Append(Texts.Money(plan.Cost.CurrentRoute, plan.Cost.Redacted, lang))
            .Append(", ").Append(w.Breakthrough.Split(' ')[0]).Append(' ').AppendLine(Texts.Money(plan.Cost.BreakthroughRoute, plan.Cost.Redacted, lang));
        sb.Append("- ").Append(w.Difference).Append(": ").AppendLine(Texts.Money(plan.Cost.Difference, plan.Cost.Redacted, lang));
        if (IllustrativeNote(plan.Cost.Lines, lang) is { } note) sb.Append("- ").AppendLine(Md(note));
        sb.AppendLine();

        sb.Append("## ").AppendLine(w.Audit).AppendLine();
        sb.Append("| ").Append(w.Pack).Append(" | ").Append(w.Version).AppendLine(" | sha256 |").AppendLine("|---|---|---|");
        foreach (var p in plan.Audit.Packs)
            sb.Append("| ").Append(p.Id).Append(" | ").Append(p.Version).Append(" | `").Append(p.Sha256).Append('`')
              .Append(p.KeyId is null ? "" : $" ({Md(p.Signer ?? "")}, key `{p.KeyId}`)").AppendLine(" |");
        sb.AppendLine();
        sb.Append("- ").Append(w.Engine).Append(": Doorbraak.Rules ").AppendLine(plan.Audit.EngineVersion);
        sb.Append("- ").Append(w.RefDate).Append(": ").AppendLine(plan.Audit.ReferenceDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        sb.Append("- ").Append(w.Generated).Append(": ").AppendLine(plan.Audit.GeneratedAt.ToString("yyyy-MM-dd HH:mm 'UTC'", System.Globalization.CultureInfo.InvariantCulture));
        return sb.ToString();
    }

    /// <summary>The plan as a self-contained HTML page (no scripts, no external resources).</summary>
    public static string ToHtml(DoorbraakPlan plan)
    {
        var lang = plan.Language;
        var w = (lang == ReportLanguage.Dutch ? Nl : En).Value;
        var sb = new StringBuilder();
        sb.Append("<!DOCTYPE html>\n<html lang=\"").Append(Texts.Of(lang).Code).Append("\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
            .Append(H(w.Title)).Append(": ").Append(H(plan.CaseReference)).Append("</title>\n<style>")
            .Append("body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;line-height:1.5;color:#1a1a1a}")
            .Append("table{border-collapse:collapse;width:100%;margin:.5rem 0 1rem}th,td{border:1px solid #bbb;padding:.3rem .5rem;text-align:left}td.num{text-align:right}")
            .Append(".completeness.incomplete{border:2px solid #b0413e;background:#fdf0ef;padding:.5rem 1rem}.completeness.complete{border-left:4px solid #2e7d32;padding-left:1rem}")
            .Append("section{margin-bottom:1.5rem}.decision{border-left:4px solid #2a6ebb;padding-left:1rem;margin:1rem 0}.collision{border-left:4px solid #c0392b;padding-left:1rem}")
            .Append("</style>\n</head>\n<body>\n<main>\n");
        sb.Append("<h1>").Append(H(w.Title)).Append(": ").Append(H(plan.CaseReference)).Append("</h1>\n");
        if (plan.Completeness is { } completeness)
        {
            var t = Texts.Of(lang);
            sb.Append("<section class=\"completeness ").Append(completeness.Complete ? "complete" : "incomplete").Append("\" role=\"").Append(completeness.Complete ? "status" : "alert")
              .Append("\">\n<h2>").Append(H(t["engine.completeness.heading"])).Append("</h2>\n<p><strong>").Append(H(Verdict(completeness, lang))).Append("</strong></p>\n");
            if (completeness.Gaps.Count > 0)
            {
                sb.Append("<ul>\n");
                foreach (var g in completeness.Gaps)
                    sb.Append("<li><code>").Append(H(g.Subject)).Append("</code>: ").Append(H(g.Message))
                      .Append(g.Affects.Count == 0 ? "" : " " + H(t.Format("engine.completeness.affects", ("ids", string.Join(", ", g.Affects))))).Append("</li>\n");
                sb.Append("</ul>\n");
            }
            sb.Append("</section>\n");
        }
        sb.Append("<dl>\n");
        Dd(sb, w.Case, plan.CaseReference);
        if (plan.Regisseur is not null) Dd(sb, w.Regisseur, plan.Regisseur);
        Dd(sb, w.RefDate, Texts.Date(plan.ReferenceDate, lang));
        Dd(sb, w.Members, string.Join(", ", plan.Members));
        sb.Append("</dl>\n<section>\n<h2>").Append(H(w.Summary)).Append("</h2>\n<p>").Append(H(plan.Summary)).Append("</p>\n</section>\n");

        sb.Append("<section>\n<h2>").Append(H(w.Collisions)).Append("</h2>\n");
        if (plan.Collisions.Count == 0) sb.Append("<p>").Append(H(w.None)).Append("</p>\n");
        foreach (var c in plan.Collisions)
            sb.Append("<div class=\"collision\"><h3>").Append(H(c.Title)).Append(" <code>").Append(H(c.Id)).Append("</code></h3>\n<p>").Append(H(c.Explanation))
              .Append("</p>\n<p>").Append(H(w.Rules)).Append(": ").Append(string.Join(", ", c.Rules.Select(r => $"<code>{H(r)}</code>"))).Append("</p></div>\n");
        sb.Append("</section>\n");

        sb.Append("<section>\n<h2>").Append(H(w.Decisions)).Append("</h2>\n");
        if (plan.Decisions.Count == 0) sb.Append("<p>").Append(H(w.None)).Append("</p>\n");
        foreach (var d in plan.Decisions)
        {
            sb.Append("<div class=\"decision\"><h3>").Append(H(d.Title)).Append(" <code>").Append(H(d.ProposalId)).Append("</code></h3>\n<dl>\n");
            Dd(sb, w.Outcome, Outcome(d.Outcome, lang));
            Dd(sb, w.DecidedBy, $"{d.DecidedBy} ({d.Mandate}; {Texts.Of(lang)["plan.label.required"]} {d.RequiredMandate})");
            Dd(sb, w.Basis, string.Join("; ", d.Basis));
            Dd(sb, w.Limits, d.Limits);
            if (d.StartDate is { } s) Dd(sb, w.Period, $"{Texts.Date(s, lang)} – {(d.EndDate is { } e ? Texts.Date(e, lang) : "…")}");
            if (d.ReviewDates.Count > 0) Dd(sb, w.Reviews, string.Join(", ", d.ReviewDates.Select(r => Texts.Date(r, lang))));
            if (d.ReasonForDifference is not null) Dd(sb, w.Reason, d.ReasonForDifference);
            sb.Append("</dl>\n<h4>").Append(H(w.Motivation)).Append("</h4>\n<p>").Append(H(d.Motivation).Replace("\n", "<br>")).Append("</p></div>\n");
        }
        sb.Append("</section>\n");

        if (plan.OpenProposals.Count > 0)
        {
            sb.Append("<section>\n<h2>").Append(H(w.Proposals)).Append("</h2>\n");
            foreach (var p in plan.OpenProposals)
            {
                sb.Append("<div class=\"decision\"><h3>").Append(p.Rank).Append(". ").Append(H(p.Title)).Append(" <code>").Append(H(p.Id)).Append("</code></h3>\n<dl>\n");
                Dd(sb, w.Resolves, string.Join(", ", p.Resolves));
                if (p.Creates.Count > 0) Dd(sb, w.Creates, string.Join(", ", p.Creates));
                Dd(sb, w.Basis, string.Join("; ", p.Basis.Select(b => Texts.Basis(b, lang))));
                Dd(sb, w.Mandate, p.MandateNote ?? p.Mandate);
                if (p.Steps.Count > 0) Dd(sb, Texts.Of(lang)["plan.label.steps"], Steps(p, lang));
                if (p.Request is { } rq) Dd(sb, Texts.Of(lang)["plan.label.request"], rq.Text);
                Dd(sb, w.Limits, p.Limits.Text);
                Dd(sb, w.Cost, $"{Texts.Money(p.Cost.CurrentRoute, p.Cost.Redacted, lang)} → {Texts.Money(p.Cost.ProposalRoute, p.Cost.Redacted, lang)} ({w.Difference.ToLowerInvariant()} {Texts.Money(p.Cost.Difference, p.Cost.Redacted, lang)}, {Texts.Months(p.Cost.HorizonMonths, lang)}){Mark(p.IllustrativeParameters.Count > 0, lang)}");
                Dd(sb, w.Rank, p.RankReason);
                sb.Append("</dl>\n<h4>").Append(H(w.Motivation)).Append(" (concept)</h4>\n<p>").Append(H(p.Motivation).Replace("\n", "<br>")).Append("</p>\n<h4>").Append(H(w.Checklist)).Append("</h4>\n<ul>\n");
                foreach (var item in p.Checklist) sb.Append("<li>").Append(H(item)).Append("</li>\n");
                sb.Append("</ul></div>\n");
            }
            sb.Append("</section>\n");
        }

        sb.Append("<section>\n<h2>").Append(H(w.Actions)).Append("</h2>\n");
        if (plan.Actions.Count == 0) sb.Append("<p>").Append(H(w.None)).Append("</p>\n");
        else
        {
            sb.Append("<table><thead><tr><th>").Append(H(w.Actions)).Append("</th><th>").Append(H(w.Owner)).Append("</th><th>").Append(H(w.Due)).Append("</th></tr></thead><tbody>\n");
            foreach (var a in plan.Actions)
                sb.Append("<tr><td>").Append(H(a.Description)).Append("</td><td>").Append(H(a.Owner)).Append("</td><td>").Append(a.Due is { } due ? H(Texts.Date(due, lang)) : "").Append("</td></tr>\n");
            sb.Append("</tbody></table>\n");
        }
        sb.Append("</section>\n<section>\n<h2>").Append(H(w.Reviews)).Append("</h2>\n<p>")
            .Append(H(plan.ReviewDates.Count == 0 ? w.None : string.Join(", ", plan.ReviewDates.Select(r => Texts.Date(r, lang))))).Append("</p>\n</section>\n");

        sb.Append("<section>\n<h2>").Append(H(w.Cost)).Append("</h2>\n<table><thead><tr><th>").Append(H(w.Item)).Append("</th><th>").Append(H(w.Payer))
            .Append("</th><th>").Append(H(w.Current)).Append("</th><th>").Append(H(w.Breakthrough)).Append("</th></tr></thead><tbody>\n");
        foreach (var l in plan.Cost.Lines)
            sb.Append("<tr><td>").Append(H(l.Title + Mark(l.Illustrative, lang))).Append("</td><td>").Append(H(l.Payer)).Append("</td><td class=\"num\">").Append(H(Texts.Money(l.CurrentMonthly, l.Redacted, lang)))
              .Append("</td><td class=\"num\">").Append(H(Texts.Money(l.ProposalMonthly, l.Redacted, lang))).Append("</td></tr>\n");
        sb.Append("</tbody></table>\n<p>").Append(H(w.Total)).Append(' ').Append(H(Texts.Months(plan.Cost.HorizonMonths, lang))).Append(": ")
            .Append(H(Texts.Money(plan.Cost.CurrentRoute, plan.Cost.Redacted, lang))).Append(" / ").Append(H(Texts.Money(plan.Cost.BreakthroughRoute, plan.Cost.Redacted, lang)))
            .Append("; ").Append(H(w.Difference).ToLowerInvariant()).Append(": ").Append(H(Texts.Money(plan.Cost.Difference, plan.Cost.Redacted, lang))).Append("</p>\n");
        if (IllustrativeNote(plan.Cost.Lines, lang) is { } htmlNote) sb.Append("<p class=\"illustrative\">").Append(H(htmlNote)).Append("</p>\n");
        sb.Append("</section>\n");

        sb.Append("<section>\n<h2>").Append(H(w.Audit)).Append("</h2>\n<table><thead><tr><th>").Append(H(w.Pack)).Append("</th><th>").Append(H(w.Version)).Append("</th><th>sha256</th></tr></thead><tbody>\n");
        foreach (var p in plan.Audit.Packs)
            sb.Append("<tr><td>").Append(H(p.Id)).Append("</td><td>").Append(H(p.Version)).Append("</td><td><code>").Append(H(p.Sha256)).Append("</code>")
              .Append(p.KeyId is null ? "" : $" ({H(p.Signer ?? "")}, key <code>{H(p.KeyId)}</code>)").Append("</td></tr>\n");
        sb.Append("</tbody></table>\n<p>").Append(H(w.Engine)).Append(": Doorbraak.Rules ").Append(H(plan.Audit.EngineVersion)).Append("; ")
            .Append(H(w.Generated)).Append(": ").Append(H(plan.Audit.GeneratedAt.ToString("yyyy-MM-dd HH:mm 'UTC'", System.Globalization.CultureInfo.InvariantCulture))).Append("</p>\n</section>\n");
        sb.Append("</main>\n</body>\n</html>\n");
        return sb.ToString();
    }

    private static void Dd(StringBuilder sb, string term, string value) =>
        sb.Append("<dt>").Append(H(term)).Append("</dt><dd>").Append(H(value)).Append("</dd>\n");

    private static string H(string s) => WebUtility.HtmlEncode(s);

    /// <summary>Each step of a proposal in words: "afwijking afw.x; interventie (betaling) int.y".</summary>
    private static string Steps(ProposalResult p, ReportLanguage lang)
    {
        var words = Texts.Of(lang);
        return string.Join("; ", p.Steps.Select(s => s.Kind == ProposalStepKind.Intervention
            ? words.Format("plan.step.intervention", ("action", s.Action ?? ""), ("id", s.Id))
            : words.Format("plan.step.deviation", ("id", s.Id))));
    }

    private static string Md(string s) => MarkdownText.EscapeLines(s);

    private static string Cell(string s) => MarkdownText.Escape(s);
}
