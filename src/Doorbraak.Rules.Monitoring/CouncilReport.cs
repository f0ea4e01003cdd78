using Doorbraak.Rules.Wording;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;

namespace Doorbraak.Rules.Monitoring;

/// <summary>
/// Renders a <see cref="MonitoringReport"/> for the council, in Dutch: Markdown, a self-contained HTML page with inline SVG charts,
/// the figures as CSV and as an Excel workbook, and JSON. Suppressed figures appear as <c>&lt; 5</c> (the threshold) in every format,
/// and as <c>null</c> with <c>"suppressed": true</c> in JSON.
/// </summary>
/// <threadsafety>Stateless and thread-safe.</threadsafety>
public static partial class CouncilReport
{
    private const string Intro =
        "Deze rapportage volgt de doorbraakaanpak met kengetallen (KPI's) met een streefnorm en een streefdatum, zodat de raad " +
        "de voortgang financieel, kwantitatief en kwalitatief kan volgen. De cijfers zijn berekend uit de doorbraakplannen en de " +
        "evaluaties na 6 en 12 maanden die de gemeente heeft vastgelegd.";

    private static string Privacy(int t) =>
        $"Om te voorkomen dat huishoudens herkenbaar worden, tonen we aantallen kleiner dan {t} niet (\"< {t}\"); dat geldt ook voor " +
        $"percentages, gemiddelden, medianen en bedragen die op minder dan {t} huishoudens rusten. Als in een uitsplitsing precies één " +
        "regel zo is afgeschermd, schermen we ook de kleinste andere regel af, zodat het verborgen getal niet uit het totaal te herleiden is.";

    /// <summary>The report as JSON (camelCase; suppressed figures have <c>value: null</c> and <c>suppressed: true</c>).</summary>
    public static string ToJson(MonitoringReport report) => JsonSerializer.Serialize(report, ResultJson.Options);

    /// <summary>The report as Markdown, with tables and text bar charts.</summary>
    public static string ToMarkdown(MonitoringReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var t = report.Threshold;
        var sb = new StringBuilder();
        sb.Append("# ").Append(Md(report.Title)).Append(": ").AppendLine(report.Period.DutchName).AppendLine();
        sb.AppendLine(Intro).AppendLine();
        sb.Append("- **Periode**: ").Append(report.Period.DutchName).Append(" (").Append(ReportText.Date(report.Period.Start)).Append(" t/m ").Append(ReportText.Date(report.Period.End)).AppendLine(")");
        sb.Append("- **Doorbraakplannen met doorbraak in de periode**: ").AppendLine(ReportText.Count(report.Plans, t));
        sb.Append("- **Evaluaties in de periode**: ").AppendLine(ReportText.Count(report.Reviews, t));
        sb.Append("- **Opgesteld op**: ").AppendLine(ReportText.Date(report.GeneratedOn)).AppendLine();
        sb.Append("> ").AppendLine(Privacy(t)).AppendLine();

        sb.AppendLine("## 1. Kengetallen tegen de streefnorm").AppendLine();
        sb.Append("| KPI | ").Append(report.Period.ShortName).Append(" | ").Append(report.Periods.Count > 1 ? report.Periods[^2].ShortName : "Vorige periode")
          .AppendLine(" | Trend | Streefnorm | Status |").AppendLine("|---|---:|---:|---|---|---|");
        foreach (var r in report.Kpis)
        {
            sb.Append("| ").Append(Cell(r.Kpi.Title)).Append(" | ").Append(ReportText.Value(r.Current.Value, r.Kpi.DisplayUnit, t)).Append(" | ")
              .Append(r.Previous is { } p ? ReportText.Value(p.Value, r.Kpi.DisplayUnit, t) : ReportText.NoData).Append(" | ").Append(ReportText.Trend(r)).Append(" | ")
              .Append(Cell(ReportText.Norm(r.Kpi))).Append(" | ").Append(ReportText.Status(r)).AppendLine(" |");
        }
        sb.AppendLine();

        sb.AppendLine("## 2. Ontwikkeling per kengetal").AppendLine();
        var i = 0;
        foreach (var r in report.Kpis)
        {
            i++;
            sb.Append("### 2.").Append(i).Append(". ").Append(Md(r.Kpi.Title)).Append(" (`").Append(r.Kpi.Id).AppendLine("`)").AppendLine();
            if (r.Problem is not null)
            {
                sb.Append("**Niet te berekenen**: ").AppendLine(Md(r.Problem)).AppendLine();
                continue;
            }
            sb.AppendLine(Md(r.Kpi.Description ?? ReportText.Measure(r.Kpi.Measure))).AppendLine();
            sb.Append("- **Meting**: `").Append(r.Kpi.Measure).Append("`").Append(r.Kpi.Filter is null ? "" : $" (alleen `{r.Kpi.Filter}`)").Append(" — ").AppendLine(ReportText.Measure(r.Kpi.Measure));
            sb.Append("- **Streefnorm**: ").Append(Md(ReportText.Norm(r.Kpi))).Append("; status: ").AppendLine(ReportText.Status(r));
            if (r.Kpi.Source is not null) sb.Append("- **Bron**: ").AppendLine(Md(r.Kpi.Source));
            sb.AppendLine();
            sb.AppendLine("| Periode | Waarde | Huishoudens |").AppendLine("|---|---:|---:|");
            foreach (var s in r.Series)
                sb.Append("| ").Append(s.Period.DutchName).Append(" | ").Append(ReportText.Value(s.Value, r.Kpi.DisplayUnit, t)).Append(" | ").Append(ReportText.Count(s.Households, t)).AppendLine(" |");
            sb.AppendLine().AppendLine("```text").Append(TextChart(r, t)).AppendLine("```").AppendLine();
            if (r.Breakdown.Count > 0)
            {
                var unit = ReportText.BreakdownUnit(r.Kpi);
                sb.Append("Uitsplitsing ").Append(report.Period.DutchName).AppendLine(":").AppendLine();
                sb.Append("| ").Append(ReportText.BreakdownHeader(r.Kpi.Measure)).AppendLine(" | Waarde | Huishoudens |").AppendLine("|---|---:|---:|");
                foreach (var b in r.Breakdown)
                    sb.Append("| ").Append(Cell(b.Label)).Append(" | ").Append(ReportText.Value(b.Value, unit, t)).Append(" | ").Append(ReportText.Count(b.Households, t)).AppendLine(" |");
                sb.AppendLine();
            }
        }

        var section = 2;
        MarkdownSections(sb, report, ref section);
        section++;
        sb.Append("## ").Append(section).AppendLine(". Wat mag het kosten? Huidige route tegen doorbraakroute").AppendLine();
        sb.AppendLine("Kosten per jaar van de doorbraakplannen met de doorbraak in de periode: wat de huidige route (\"doormodderen\") zou kosten " +
                      "tegenover de doorbraakroute met de toegekende afwijkingen, per betaler (de maatschappelijke rekensom).").AppendLine();
        sb.AppendLine("| Betaler | Huishoudens | Huidige route per jaar | Doorbraakroute per jaar | Besparing | Besparing per casus |").AppendLine("|---|---:|---:|---:|---:|---:|");
        foreach (var c in report.Cost)
        {
            var name = c.Payer == "totaal" ? "**Totaal**" : Cell(c.Payer);
            sb.Append("| ").Append(name).Append(" | ").Append(ReportText.Count(c.Households, t)).Append(" | ").Append(ReportText.Money(c.CurrentRoute, t)).Append(" | ")
              .Append(ReportText.Money(c.BreakthroughRoute, t)).Append(" | ").Append(ReportText.Money(c.Saving, t)).Append(" | ").Append(ReportText.Money(c.SavingPerCase, t)).AppendLine(" |");
        }
        sb.AppendLine();

        section++;
        sb.Append("## ").Append(section).AppendLine(". Verantwoording").AppendLine();
        sb.Append("- Drempel voor kleine aantallen: ").Append(t).AppendLine(".");
        sb.Append("- Trend: ").Append(string.Join(", ", report.Periods.Select(p => p.DutchName))).AppendLine(".");
        sb.AppendLine("- Plannen tellen mee in de periode van hun doorbraakdatum; evaluaties in de periode van hun evaluatiedatum; gestarte casussen in de periode van het eerste contact.");
        sb.AppendLine("- De gemeente levert de plannen en evaluaties aan; de rapportage bewaart zelf niets.");
        if (report.FiguresSource is not null) sb.Append("- Cijfers voor indicatoren en budget: ").Append(Md(report.FiguresSource)).AppendLine(".");
        foreach (var p in report.Problems) sb.Append("- **Let op**: ").AppendLine(Md(p));
        return sb.ToString();
    }

    private static string TextChart(KpiResult r, int t)
    {
        var max = r.Series.Select(s => s.Value.Value is { } v ? Math.Abs(v) : 0).Append(r.Kpi.Norm is { } n ? Math.Abs(n.Target) : 0).Max();
        if (max == 0) max = 1;
        var width = r.Series.Max(s => s.Period.ShortName.Length);
        var sb = new StringBuilder();
        foreach (var s in r.Series)
        {
            sb.Append(s.Period.ShortName.PadRight(width)).Append("  ");
            if (s.Value.Value is { } v)
            {
                var len = (int)Math.Round(Math.Abs(v) / max * 30);
                sb.Append(new string('█', len)).Append(new string(' ', 30 - len)).Append("  ").AppendLine(ReportText.Value(v, r.Kpi.DisplayUnit));
            }
            else sb.AppendLine(s.Value.Suppressed ? ReportText.Suppressed(t) : "geen gegevens");
        }
        if (r.Kpi.Norm is { } norm)
        {
            var len = (int)Math.Round(Math.Abs(norm.Target) / max * 30);
            sb.Append(new string(' ', width)).Append("  ").Append(new string(' ', Math.Max(0, len - 1))).Append('┆').Append(' ').Append("streefnorm ").AppendLine(ReportText.NormShort(r.Kpi));
        }
        return sb.ToString();
    }

    /// <summary>The report as a self-contained HTML page (no scripts, no external resources) with inline SVG charts.</summary>
    public static string ToHtml(MonitoringReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var t = report.Threshold;
        var sb = new StringBuilder();
        sb.Append("<!DOCTYPE html>\n<html lang=\"nl\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>")
          .Append(H(report.Title)).Append(": ").Append(H(report.Period.DutchName)).Append("</title>\n<style>")
          .Append("body{font-family:system-ui,'Segoe UI',Arial,sans-serif;max-width:62rem;margin:2rem auto;padding:0 1rem;line-height:1.5;color:#1a1a1a}")
          .Append("table{border-collapse:collapse;margin:.5rem 0 1rem;min-width:50%}th,td{border:1px solid #bbb;padding:.3rem .6rem;text-align:left;vertical-align:top}")
          .Append("td.num{text-align:right;white-space:nowrap}th.num{text-align:right}th{background:#f0f3f7}.met{color:#1e6b2f;font-weight:600}.notmet{color:#a8322d;font-weight:600}")
          .Append(".muted{color:#666}.kpi{border-top:1px solid #ddd;padding-top:.5rem;margin-top:1.5rem}.note{background:#f6f6f0;border-left:4px solid #d9822b;padding:.5rem 1rem}")
          .Append("svg.chart{max-width:100%;height:auto;display:block;margin:.5rem 0}dl{display:grid;grid-template-columns:max-content auto;gap:.2rem 1rem}dt{font-weight:600}dd{margin:0}")
          .Append("@media print{.kpi{break-inside:avoid}}")
          .Append("</style>\n</head>\n<body>\n<main>\n");
        sb.Append("<h1>").Append(H(report.Title)).Append(": ").Append(H(report.Period.DutchName)).Append("</h1>\n<p>").Append(H(Intro)).Append("</p>\n<dl>\n");
        Dd(sb, "Periode", $"{report.Period.DutchName} ({ReportText.Date(report.Period.Start)} t/m {ReportText.Date(report.Period.End)})");
        Dd(sb, "Doorbraakplannen met doorbraak in de periode", ReportText.Count(report.Plans, t));
        Dd(sb, "Evaluaties in de periode", ReportText.Count(report.Reviews, t));
        Dd(sb, "Opgesteld op", ReportText.Date(report.GeneratedOn));
        sb.Append("</dl>\n<p class=\"note\">").Append(H(Privacy(t))).Append("</p>\n");

        sb.Append("<section>\n<h2>1. Kengetallen tegen de streefnorm</h2>\n<table><thead><tr><th>KPI</th><th class=\"num\">").Append(H(report.Period.ShortName))
          .Append("</th><th class=\"num\">").Append(H(report.Periods.Count > 1 ? report.Periods[^2].ShortName : "Vorige periode"))
          .Append("</th><th>Trend</th><th>Streefnorm</th><th>Status</th></tr></thead><tbody>\n");
        foreach (var r in report.Kpis)
        {
            sb.Append("<tr><td><a href=\"#").Append(H(Anchor(r.Kpi.Id))).Append("\">").Append(H(r.Kpi.Title)).Append("</a></td><td class=\"num\">")
              .Append(H(ReportText.Value(r.Current.Value, r.Kpi.DisplayUnit, t))).Append("</td><td class=\"num\">")
              .Append(H(r.Previous is { } p ? ReportText.Value(p.Value, r.Kpi.DisplayUnit, t) : ReportText.NoData)).Append("</td><td>").Append(H(ReportText.Trend(r)))
              .Append("</td><td>").Append(H(ReportText.Norm(r.Kpi))).Append("</td><td class=\"").Append(StatusClass(r.Status)).Append("\">").Append(H(ReportText.Status(r))).Append("</td></tr>\n");
        }
        sb.Append("</tbody></table>\n</section>\n");

        sb.Append("<section>\n<h2>2. Ontwikkeling per kengetal</h2>\n");
        var i = 0;
        foreach (var r in report.Kpis)
        {
            i++;
            sb.Append("<div class=\"kpi\" id=\"").Append(H(Anchor(r.Kpi.Id))).Append("\">\n<h3>2.").Append(i).Append(". ").Append(H(r.Kpi.Title)).Append(" <code>").Append(H(r.Kpi.Id)).Append("</code></h3>\n");
            if (r.Problem is not null)
            {
                sb.Append("<p class=\"notmet\">Niet te berekenen: ").Append(H(r.Problem)).Append("</p>\n</div>\n");
                continue;
            }
            sb.Append("<p>").Append(H(r.Kpi.Description ?? ReportText.Measure(r.Kpi.Measure))).Append("</p>\n<dl>\n");
            Dd(sb, "Meting", $"{r.Kpi.Measure}{(r.Kpi.Filter is null ? "" : $" (alleen {r.Kpi.Filter})")}: {ReportText.Measure(r.Kpi.Measure)}");
            Dd(sb, "Streefnorm", ReportText.Norm(r.Kpi));
            Dd(sb, "Status", ReportText.Status(r));
            Dd(sb, "Trend", ReportText.Trend(r));
            if (r.Kpi.Source is not null) Dd(sb, "Bron", r.Kpi.Source);
            sb.Append("</dl>\n").Append(SvgCharts.KpiTrend(r, t, "g" + i.ToString(CultureInfo.InvariantCulture))).Append('\n');
            sb.Append("<table><thead><tr><th>Periode</th><th class=\"num\">Waarde</th><th class=\"num\">Huishoudens</th></tr></thead><tbody>\n");
            foreach (var s in r.Series)
                sb.Append("<tr><td>").Append(H(s.Period.DutchName)).Append("</td><td class=\"num\">").Append(H(ReportText.Value(s.Value, r.Kpi.DisplayUnit, t)))
                  .Append("</td><td class=\"num\">").Append(H(ReportText.Count(s.Households, t))).Append("</td></tr>\n");
            sb.Append("</tbody></table>\n");
            if (r.Breakdown.Count > 0)
            {
                var unit = ReportText.BreakdownUnit(r.Kpi);
                sb.Append("<h4>Uitsplitsing ").Append(H(report.Period.DutchName)).Append("</h4>\n<table><thead><tr><th>").Append(H(ReportText.BreakdownHeader(r.Kpi.Measure)))
                  .Append("</th><th class=\"num\">Waarde</th><th class=\"num\">Huishoudens</th></tr></thead><tbody>\n");
                foreach (var b in r.Breakdown)
                    sb.Append("<tr><td>").Append(H(b.Label)).Append("</td><td class=\"num\">").Append(H(ReportText.Value(b.Value, unit, t))).Append("</td><td class=\"num\">")
                      .Append(H(ReportText.Count(b.Households, t))).Append("</td></tr>\n");
                sb.Append("</tbody></table>\n");
            }
            sb.Append("</div>\n");
        }
        sb.Append("</section>\n");

        var section = 2;
        HtmlSections(sb, report, ref section);
        section++;
        sb.Append("<section>\n<h2>").Append(section).Append(". Wat mag het kosten? Huidige route tegen doorbraakroute</h2>\n<p>")
          .Append(H("Kosten per jaar van de doorbraakplannen met de doorbraak in de periode: wat de huidige route (\"doormodderen\") zou kosten tegenover de doorbraakroute met de toegekende afwijkingen, per betaler (de maatschappelijke rekensom)."))
          .Append("</p>\n").Append(SvgCharts.CostByPayer(report.Cost, t, "kosten")).Append('\n');
        sb.Append("<table><thead><tr><th>Betaler</th><th class=\"num\">Huishoudens</th><th class=\"num\">Huidige route per jaar</th><th class=\"num\">Doorbraakroute per jaar</th><th class=\"num\">Besparing</th><th class=\"num\">Besparing per casus</th></tr></thead><tbody>\n");
        foreach (var c in report.Cost)
        {
            var total = c.Payer == "totaal";
            sb.Append(total ? "<tr style=\"font-weight:600\">" : "<tr>").Append("<td>").Append(H(total ? "Totaal" : c.Payer)).Append("</td><td class=\"num\">").Append(H(ReportText.Count(c.Households, t)))
              .Append("</td><td class=\"num\">").Append(H(ReportText.Money(c.CurrentRoute, t))).Append("</td><td class=\"num\">").Append(H(ReportText.Money(c.BreakthroughRoute, t)))
              .Append("</td><td class=\"num\">").Append(H(ReportText.Money(c.Saving, t))).Append("</td><td class=\"num\">").Append(H(ReportText.Money(c.SavingPerCase, t))).Append("</td></tr>\n");
        }
        sb.Append("</tbody></table>\n</section>\n");

        section++;
        sb.Append("<section>\n<h2>").Append(section).Append(". Verantwoording</h2>\n<ul>\n");
        sb.Append("<li>Drempel voor kleine aantallen: ").Append(t).Append(".</li>\n");
        sb.Append("<li>Trend: ").Append(H(string.Join(", ", report.Periods.Select(p => p.DutchName)))).Append(".</li>\n");
        sb.Append("<li>Plannen tellen mee in de periode van hun doorbraakdatum; evaluaties in de periode van hun evaluatiedatum; gestarte casussen in de periode van het eerste contact.</li>\n");
        sb.Append("<li>De gemeente levert de plannen en evaluaties aan; de rapportage bewaart zelf niets.</li>\n");
        if (report.FiguresSource is not null) sb.Append("<li>Cijfers voor indicatoren en budget: ").Append(H(report.FiguresSource)).Append(".</li>\n");
        foreach (var p in report.Problems) sb.Append("<li class=\"notmet\">Let op: ").Append(H(p)).Append("</li>\n");
        sb.Append("</ul>\n</section>\n</main>\n</body>\n</html>\n");
        return sb.ToString();
    }

    /// <summary>
    /// The figures as CSV (RFC 4180, comma-separated, UTF-8, numbers with a decimal point): one row per KPI and period, per breakdown row,
    /// and per payer and cost figure. Suppressed figures are written as <c>&lt; 5</c>; missing ones as an empty field.
    /// </summary>
    public static string ToCsv(MonitoringReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var t = report.Threshold;
        var sb = new StringBuilder();
        Row(sb, "sectie", "kpi", "titel", "meting", "periode", "sleutel", "omschrijving", "waarde", "eenheid", "huishoudens", "streefnorm", "richting", "streefdatum", "status", "trend", "referentie");
        foreach (var r in report.Kpis)
        {
            foreach (var s in r.Series)
            {
                var current = s.Period == report.Period;
                Row(sb, "kpi", r.Kpi.Id, r.Kpi.Title, r.Kpi.Measure, s.Period.Code, r.Kpi.Filter ?? "", "", Csv(s.Value, t), r.Kpi.DisplayUnit, Csv(s.Households, t),
                    r.Kpi.Norm is { } n ? n.Target.ToString(CultureInfo.InvariantCulture) : "", r.Kpi.Norm is { } n2 ? (n2.Direction == NormDirection.AtLeast ? "at_least" : "at_most") : "",
                    r.Kpi.Norm?.Deadline?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "",
                    current ? ReportText.StatusCode(r.Status) : "", current ? ReportText.TrendCode(r.Trend) : "", "");
            }
        }
        foreach (var r in report.Kpis)
        {
            foreach (var b in r.Breakdown)
                Row(sb, "uitsplitsing", r.Kpi.Id, r.Kpi.Title, r.Kpi.Measure, report.Period.Code, b.Key, b.Label, Csv(b.Value, t), ReportText.BreakdownUnit(r.Kpi), Csv(b.Households, t), "", "", "", "", "", "");
        }
        foreach (var c in report.Cost)
        {
            foreach (var (what, f) in new[] { ("huidige route per jaar", c.CurrentRoute), ("doorbraakroute per jaar", c.BreakthroughRoute), ("besparing", c.Saving), ("besparing per casus", c.SavingPerCase) })
                Row(sb, "kosten", "", "Kosten per betaler", KpiMeasures.CostCurrentVsBreakthrough, report.Period.Code, c.Payer, what, Csv(f, t), "EUR", Csv(c.Households, t), "", "", "", "", "", "");
        }
        CsvSections(sb, report);
        return sb.ToString();
    }

    /// <summary>The figures as an Excel workbook (.xlsx) with the sheets KPI's, Uitsplitsing, Kosten and Toelichting. Suppressed cells hold the text <c>&lt; 5</c>.</summary>
    public static void WriteXlsx(MonitoringReport report, Stream output)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);
        var t = report.Threshold;
        var kpis = new List<IReadOnlyList<object?>>
        {
            new List<object?> { "KPI", "Titel", "Meting", "Eenheid" }.Concat(report.Periods.Select(p => (object?)p.Code))
                .Concat(["Huishoudens " + report.Period.Code, "Streefnorm", "Richting", "Streefdatum", "Status", "Trend"]).ToList(),
        };
        foreach (var r in report.Kpis)
        {
            kpis.Add(new List<object?> { r.Kpi.Id, r.Kpi.Title, r.Kpi.Measure, r.Kpi.DisplayUnit }.Concat(r.Series.Select(s => Cell(s.Value, t)))
                .Concat([Cell(r.Current.Households, t), r.Kpi.Norm?.Target, r.Kpi.Norm is null ? null : r.Kpi.Norm.Direction == NormDirection.AtLeast ? "ten minste" : "ten hoogste",
                    r.Kpi.Norm?.Deadline?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), ReportText.Status(r), ReportText.Trend(r)]).ToList());
        }
        var breakdown = new List<IReadOnlyList<object?>> { new List<object?> { "KPI", "Periode", "Sleutel", "Omschrijving", "Waarde", "Eenheid", "Huishoudens" } };
        foreach (var r in report.Kpis)
            foreach (var b in r.Breakdown)
                breakdown.Add([r.Kpi.Id, report.Period.Code, b.Key, b.Label, Cell(b.Value, t), ReportText.BreakdownUnit(r.Kpi), Cell(b.Households, t)]);
        var cost = new List<IReadOnlyList<object?>> { new List<object?> { "Betaler", "Huishoudens", "Huidige route per jaar", "Doorbraakroute per jaar", "Besparing", "Besparing per casus" } };
        foreach (var c in report.Cost)
            cost.Add([c.Payer, Cell(c.Households, t), Cell(c.CurrentRoute, t), Cell(c.BreakthroughRoute, t), Cell(c.Saving, t), Cell(c.SavingPerCase, t)]);
        var notes = new List<IReadOnlyList<object?>>
        {
            new List<object?> { "Onderwerp", "Waarde" },
            new List<object?> { "Rapportage", report.Title },
            new List<object?> { "Periode", $"{report.Period.Code} ({report.Period.DutchName})" },
            new List<object?> { "Opgesteld op", report.GeneratedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) },
            new List<object?> { "Doorbraakplannen in de periode", Cell(report.Plans, t) },
            new List<object?> { "Evaluaties in de periode", Cell(report.Reviews, t) },
            new List<object?> { "Drempel kleine aantallen", t },
            new List<object?> { "Kleine aantallen", Privacy(t) },
        };
        if (report.FiguresSource is not null) notes.Add(["Cijfers indicatoren en budget", report.FiguresSource]);
        foreach (var p in report.Problems) notes.Add(["Let op", p]);
        XlsxWriter.Write(output, [new("KPI's", kpis), new("Uitsplitsing", breakdown), .. XlsxSections(report), new("Kosten", cost), new("Toelichting", notes)]);
    }

    /// <summary>The Excel workbook as bytes.</summary>
    public static byte[] ToXlsx(MonitoringReport report)
    {
        using var ms = new MemoryStream();
        WriteXlsx(report, ms);
        return ms.ToArray();
    }

    private static object? Cell(Figure f, int t) => f.Suppressed ? ReportText.Suppressed(t) : f.Value;

    private static string Csv(Figure f, int t) => f.Suppressed ? ReportText.Suppressed(t) : f.Value is { } v ? v.ToString(CultureInfo.InvariantCulture) : "";

    private static void Row(StringBuilder sb, params string[] fields)
    {
        for (var i = 0; i < fields.Length; i++)
        {
            if (i > 0) sb.Append(',');
            var f = fields[i];
            if (f.Length > 0 && (f.IndexOfAny([',', '"', '\n', '\r']) >= 0 || f[0] is '=' or '+' or '-' or '@'))
            {
                // Quote, and neutralise spreadsheet formulas (a leading = + - @) except for plain negative numbers.
                var formula = f[0] is '=' or '+' or '@' || (f[0] == '-' && !decimal.TryParse(f, NumberStyles.Number, CultureInfo.InvariantCulture, out _));
                sb.Append('"').Append(formula ? "'" : "").Append(f.Replace("\"", "\"\"")).Append('"');
            }
            else sb.Append(f);
        }
        sb.Append("\r\n");
    }

    private static string StatusClass(NormStatus s) => s switch { NormStatus.Met => "met", NormStatus.NotMet or NormStatus.Invalid => "notmet", _ => "muted" };

    private static string Anchor(string id) => "kpi-" + id.Replace('.', '-');

    private static void Dd(StringBuilder sb, string term, string value) => sb.Append("<dt>").Append(H(term)).Append("</dt><dd>").Append(H(value)).Append("</dd>\n");

    private static string H(string s) => WebUtility.HtmlEncode(s);

    private static string Md(string s) => MarkdownText.EscapeLines(s);

    private static string Cell(string s) => MarkdownText.Escape(s);
}
