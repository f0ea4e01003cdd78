using System.Globalization;
using System.Text;

namespace Doorbraak.Rules.Monitoring;

/// <summary>The council report's sections on population indicators, quality of life, stapeling, norms with dates and the budget.</summary>
public static partial class CouncilReport
{
    private static string Money(decimal? v) => v is { } x ? "EUR " + ReportText.Number(Math.Round(x, 0), 0) : ReportText.NoData;

    private static string Pct(decimal? v) => v is { } x ? ReportText.Value(x, "%") : ReportText.NoData;

    private static string Ref(IndicatorValue? v, string unit) => v?.Reference is { } r ? ReportText.Value(r, unit) : ReportText.NoData;

    /// <summary>The KPI shape of an indicator, for its chart.</summary>
    private static KpiResult AsKpi(IndicatorResult r) => new(
        new KpiSpec(r.Indicator.Id, r.Indicator.Title, "indicator", r.Indicator.Definition, r.Indicator.Unit,
            r.Norm is { } n ? new KpiNorm(n.Target, n.Direction, n.Deadline) : null, r.Indicator.Source, null),
        r.Series.Select(v => new KpiPeriodValue(v.Period, v.Value, Figure.None)).ToList(), r.Norm?.Status ?? NormStatus.NoNorm, r.Trend, r.Better, [], null);

    private static KpiResult AsKpi(ScaleResult r) => new(
        new KpiSpec(r.Scale.Id, $"{r.Scale.Title}: aandeel huishoudens verbeterd na 12 maanden", "scale", r.Scale.Description, "%",
            r.Norm is { } n ? new KpiNorm(n.Target, n.Direction, n.Deadline) : null, r.Scale.Source, null),
        r.Series, r.Norm?.Status ?? NormStatus.NoNorm, TrendDirection.Unknown, null, [], null);

    private static string ReferenceLabel(IndicatorResult r, IndicatorValue? v) =>
        v?.Reference is null ? "" : r.Indicator.References.FirstOrDefault(x => x.Value == v.Reference && (x.Period is null || x.Period == v.Period.Code))?.Label ?? "referentie";

    private static void MarkdownSections(StringBuilder sb, MonitoringReport report, ref int section)
    {
        var t = report.Threshold;
        if (report.Indicators.Count > 0)
        {
            section++;
            sb.Append("## ").Append(section).AppendLine(". Bevolkingsindicatoren").AppendLine();
            sb.AppendLine("Indicatoren over de hele bevolking (zoals de verplichte BBV-indicatoren), met het laatst bekende cijfer tot en met de periode, " +
                          "de referentie (Nederland of vergelijkbare gemeenten) en de streefnorm van de gemeente.").AppendLine();
            sb.AppendLine("| Indicator | Set | Periode | Waarde | Referentie | Streefnorm | Status | Trend |").AppendLine("|---|---|---|---:|---:|---|---|---|");
            foreach (var r in report.Indicators)
            {
                var c = r.Current;
                sb.Append("| ").Append(Cell(r.Indicator.Title)).Append(" | ").Append(Cell(r.Indicator.Set ?? "")).Append(" | ").Append(c?.Period.Code ?? ReportText.NoData).Append(" | ")
                  .Append(c is null ? ReportText.NoData : ReportText.Value(c.Value, r.Indicator.Unit, t)).Append(" | ").Append(Ref(c, r.Indicator.Unit)).Append(" | ")
                  .Append(r.Norm is { } n ? Cell(ReportText.Norm(n)) : "geen norm").Append(" | ").Append(r.Norm is { } n2 ? ReportText.Status(n2) : "geen norm").Append(" | ")
                  .Append(ReportText.Trend(r.Trend, r.Better)).AppendLine(" |");
            }
            sb.AppendLine();
            var i = 0;
            foreach (var r in report.Indicators)
            {
                i++;
                sb.Append("### ").Append(section).Append('.').Append(i).Append(". ").Append(Md(r.Indicator.Title)).Append(" (`").Append(r.Indicator.Id).AppendLine("`)").AppendLine();
                sb.Append("- **Definitie**: ").AppendLine(Md(r.Indicator.Definition ?? ""));
                sb.Append("- **Eenheid**: ").Append(Md(r.Indicator.Unit)).Append("; **bron**: ").Append(Md(r.Indicator.Source ?? "")).AppendLine(r.Indicator.Set is null ? "" : $"; **set**: {Md(r.Indicator.Set)}");
                foreach (var x in r.Indicator.References)
                    sb.Append("- **Referentie** ").Append(Md(x.Label)).Append(x.Period is null ? "" : $" ({x.Period})").Append(": ").Append(ReportText.Value(x.Value, r.Indicator.Unit))
                      .AppendLine(x.Source is null ? "" : $" — {Md(x.Source)}");
                sb.AppendLine();
                if (r.Series.Count == 0)
                {
                    sb.AppendLine("Geen cijfers aangeleverd.").AppendLine();
                    continue;
                }
                sb.AppendLine("| Periode | Waarde | Referentie | Bron |").AppendLine("|---|---:|---:|---|");
                foreach (var v in r.Series)
                    sb.Append("| ").Append(v.Period.Code).Append(" | ").Append(ReportText.Value(v.Value, r.Indicator.Unit, t)).Append(" | ").Append(Ref(v, r.Indicator.Unit)).Append(" | ")
                      .Append(Cell(v.Source ?? "")).AppendLine(" |");
                sb.AppendLine().AppendLine("```text").Append(TextChart(AsKpi(r), t)).AppendLine("```").AppendLine();
            }
        }
        if (report.Scales.Count > 0)
        {
            section++;
            sb.Append("## ").Append(section).AppendLine(". Kwaliteit van leven en zelfredzaamheid").AppendLine();
            sb.AppendLine("De regisseur legt de schaal vast bij de start en bij de evaluaties na 6 en 12 maanden. Per moment: de huishoudens met een " +
                          "evaluatie in de periode en een meting bij de start, het aandeel dat vooruit of achteruit ging, en de gemiddelde score.").AppendLine();
            foreach (var r in report.Scales)
            {
                sb.Append("### ").Append(Md(r.Scale.Title)).Append(" (`").Append(r.Scale.Id).AppendLine("`)").AppendLine();
                if (r.Scale.Description is not null) sb.AppendLine(Md(r.Scale.Description)).AppendLine();
                sb.Append("- **Schaal**: ").Append(ReportText.Number(r.Scale.Min, 0)).Append(" tot ").Append(ReportText.Number(r.Scale.Max, 0)).Append(r.Scale.Better == "lower" ? ", lager is beter" : ", hoger is beter")
                  .Append(r.Scale.Domains.Count == 0 ? "; één score" : $"; {r.Scale.Domains.Count} domeinen").AppendLine(r.Scale.Source is null ? "" : $"; bron: {Md(r.Scale.Source)}");
                sb.Append("- **Verbeterd**: ").AppendLine(r.Scale.ImprovedBy is { } by ? $"gemiddelde score ten minste {ReportText.Number(by, 2)} beter dan bij de start" : "gemiddelde score beter dan bij de start");
                if (r.Norm is { } n) sb.Append("- **Streefnorm** (aandeel verbeterd na 12 maanden): ").Append(Md(ReportText.Norm(n))).Append("; status: ").AppendLine(ReportText.Status(n));
                sb.AppendLine().AppendLine("| Moment | Huishoudens | Verbeterd | Verslechterd | Gemiddeld bij start | Gemiddeld nu |").AppendLine("|---|---:|---:|---:|---:|---:|");
                foreach (var m in r.Moments)
                    sb.Append("| ").Append(ReportText.Moment(m.Months)).Append(" | ").Append(ReportText.Count(m.Households, t)).Append(" | ").Append(ReportText.Value(m.ImprovedShare, "%", t)).Append(" | ")
                      .Append(ReportText.Value(m.WorseShare, "%", t)).Append(" | ").Append(ReportText.Value(m.MeanAtStart, "score", t)).Append(" | ").Append(ReportText.Value(m.MeanNow, "score", t)).AppendLine(" |");
                sb.AppendLine().AppendLine("```text").Append(TextChart(AsKpi(r), t)).AppendLine("```").AppendLine();
            }
        }
        if (report.Stapeling.Count > 0)
        {
            section++;
            sb.Append("## ").Append(section).AppendLine(". Stapeling: voorzieningen en professionals per huishouden").AppendLine();
            sb.AppendLine("Hoeveel voorzieningen en professionals een huishouden heeft bij de start en bij de evaluaties, en of de doelen waarvoor de " +
                          "voorzieningen zijn ingezet nu gehaald zijn (huishoudens met een vastlegging in de periode).").AppendLine();
            sb.AppendLine("| Moment | Huishoudens | Voorzieningen per huishouden | Professionals per huishouden | Voorzieningen waarvan de doelen gehaald zijn |").AppendLine("|---|---:|---:|---:|---:|");
            foreach (var m in report.Stapeling)
                sb.Append("| ").Append(ReportText.Moment(m.Months)).Append(" | ").Append(ReportText.Count(m.Households, t)).Append(" | ").Append(ReportText.Value(m.ProvisionsPerHousehold, "per huishouden", t))
                  .Append(" | ").Append(ReportText.Value(m.ProfessionalsPerHousehold, "per huishouden", t)).Append(" | ").Append(ReportText.Value(m.GoalsHoldShare, "%", t)).AppendLine(" |");
            sb.AppendLine();
        }
        if (report.Norms.Count > 0)
        {
            section++;
            sb.Append("## ").Append(section).AppendLine(". Normen en streefdata").AppendLine();
            sb.AppendLine("Elke streefnorm met zijn streefdatum, financieel, kwantitatief en kwalitatief, tegen de waarde in de periode.").AppendLine();
            foreach (var g in report.Norms.GroupBy(n => n.Category))
            {
                sb.Append("### ").AppendLine(ReportText.Category(g.Key)).AppendLine();
                sb.AppendLine("| Norm | Waarvoor | Streefnorm | Waarde | Status | Bron |").AppendLine("|---|---|---|---:|---|---|");
                foreach (var n in g)
                    sb.Append("| `").Append(n.Id).Append("` | ").Append(Cell(n.Title)).Append(" | ").Append(Cell(ReportText.Norm(n))).Append(" | ").Append(ReportText.Value(n.Current, n.Unit, t)).Append(" | ")
                      .Append(ReportText.Status(n)).Append(" | ").Append(Cell(n.Source ?? "")).AppendLine(" |");
                sb.AppendLine();
            }
        }
        if (report.Budget.Count > 0)
        {
            section++;
            sb.Append("## ").Append(section).AppendLine(". Budget: besteding tegen begroting").AppendLine();
            sb.AppendLine("De besteding die de gemeente aanlevert, opgeteld over het begrotingsjaar tot en met de periode, tegen het budget van dat jaar.").AppendLine();
            sb.AppendLine("| Budgetregel | Jaar | Budget | Besteed | Besteed van budget | Jaar verstreken | Voor op pro rata | Overschrijding | Status |").AppendLine("|---|---|---:|---:|---:|---:|---:|---:|---|");
            foreach (var b in report.Budget)
                sb.Append("| ").Append(Cell(b.Line.Title)).Append(" | ").Append(b.Year).Append(" | ").Append(Money(b.Budget)).Append(b.Illustrative ? " (illustratief)" : "").Append(" | ").Append(Money(b.Spent)).Append(" | ")
                  .Append(Pct(b.SpentShare)).Append(" | ").Append(Pct(b.ElapsedShare)).Append(" | ").Append(Money(b.AheadOfProRata)).Append(" | ").Append(Money(b.Overspend)).Append(" | ")
                  .Append(b.Norm is { } n ? ReportText.Status(n) : "geen budget").AppendLine(" |");
            sb.AppendLine();
        }
    }

    private static void HtmlSections(StringBuilder sb, MonitoringReport report, ref int section)
    {
        var t = report.Threshold;
        if (report.Indicators.Count > 0)
        {
            section++;
            sb.Append("<section id=\"indicatoren\">\n<h2>").Append(section).Append(". Bevolkingsindicatoren</h2>\n<p>")
              .Append(H("Indicatoren over de hele bevolking (zoals de verplichte BBV-indicatoren), met het laatst bekende cijfer tot en met de periode, de referentie (Nederland of vergelijkbare gemeenten) en de streefnorm van de gemeente."))
              .Append("</p>\n<table><thead><tr><th>Indicator</th><th>Set</th><th>Periode</th><th class=\"num\">Waarde</th><th class=\"num\">Referentie</th><th>Streefnorm</th><th>Status</th><th>Trend</th></tr></thead><tbody>\n");
            foreach (var r in report.Indicators)
            {
                var c = r.Current;
                sb.Append("<tr><td><a href=\"#").Append(H(Anchor(r.Indicator.Id))).Append("\">").Append(H(r.Indicator.Title)).Append("</a></td><td>").Append(H(r.Indicator.Set ?? "")).Append("</td><td>")
                  .Append(H(c?.Period.Code ?? ReportText.NoData)).Append("</td><td class=\"num\">").Append(H(c is null ? ReportText.NoData : ReportText.Value(c.Value, r.Indicator.Unit, t)))
                  .Append("</td><td class=\"num\">").Append(H(Ref(c, r.Indicator.Unit))).Append("</td><td>").Append(H(r.Norm is { } n ? ReportText.Norm(n) : "geen norm")).Append("</td><td class=\"")
                  .Append(StatusClass(r.Norm?.Status ?? NormStatus.NoNorm)).Append("\">").Append(H(r.Norm is { } n2 ? ReportText.Status(n2) : "geen norm")).Append("</td><td>")
                  .Append(H(ReportText.Trend(r.Trend, r.Better))).Append("</td></tr>\n");
            }
            sb.Append("</tbody></table>\n");
            var i = 0;
            foreach (var r in report.Indicators)
            {
                i++;
                sb.Append("<div class=\"kpi\" id=\"").Append(H(Anchor(r.Indicator.Id))).Append("\">\n<h3>").Append(section).Append('.').Append(i).Append(". ").Append(H(r.Indicator.Title))
                  .Append(" <code>").Append(H(r.Indicator.Id)).Append("</code></h3>\n<dl>\n");
                Dd(sb, "Definitie", r.Indicator.Definition ?? "");
                Dd(sb, "Eenheid", r.Indicator.Unit);
                Dd(sb, "Bron", r.Indicator.Source ?? "");
                if (r.Indicator.Set is not null) Dd(sb, "Set", r.Indicator.Set);
                foreach (var x in r.Indicator.References)
                    Dd(sb, "Referentie " + x.Label + (x.Period is null ? "" : $" ({x.Period})"), ReportText.Value(x.Value, r.Indicator.Unit) + (x.Source is null ? "" : $" — {x.Source}"));
                if (r.Norm is { } n) Dd(sb, "Streefnorm", $"{ReportText.Norm(n)}; status: {ReportText.Status(n)}");
                sb.Append("</dl>\n");
                if (r.Series.Count == 0)
                {
                    sb.Append("<p class=\"muted\">Geen cijfers aangeleverd.</p>\n</div>\n");
                    continue;
                }
                // The reference line: the latest reference in the series, else the pack's first reference.
                var withRef = r.Series.LastOrDefault(v => v.Reference is not null);
                var (refValue, refLabel) = withRef is not null ? (withRef.Reference, $"{ReferenceLabel(r, withRef)} {withRef.Period.Code}")
                    : r.Indicator.References.Count > 0 ? (r.Indicator.References[0].Value, r.Indicator.References[0].Label + (r.Indicator.References[0].Period is { } rp ? $" {rp}" : ""))
                    : ((decimal?)null, (string?)null);
                sb.Append(SvgCharts.KpiTrend(AsKpi(r), t, "i" + i.ToString(CultureInfo.InvariantCulture), refValue, refLabel)).Append('\n');
                sb.Append("<table><thead><tr><th>Periode</th><th class=\"num\">Waarde</th><th class=\"num\">Referentie</th><th>Bron</th></tr></thead><tbody>\n");
                foreach (var v in r.Series)
                    sb.Append("<tr><td>").Append(H(v.Period.Code)).Append("</td><td class=\"num\">").Append(H(ReportText.Value(v.Value, r.Indicator.Unit, t))).Append("</td><td class=\"num\">")
                      .Append(H(Ref(v, r.Indicator.Unit))).Append("</td><td>").Append(H(v.Source ?? "")).Append("</td></tr>\n");
                sb.Append("</tbody></table>\n</div>\n");
            }
            sb.Append("</section>\n");
        }
        if (report.Scales.Count > 0)
        {
            section++;
            sb.Append("<section id=\"kwaliteit-van-leven\">\n<h2>").Append(section).Append(". Kwaliteit van leven en zelfredzaamheid</h2>\n<p>")
              .Append(H("De regisseur legt de schaal vast bij de start en bij de evaluaties na 6 en 12 maanden. Per moment: de huishoudens met een evaluatie in de periode en een meting bij de start, het aandeel dat vooruit of achteruit ging, en de gemiddelde score."))
              .Append("</p>\n");
            var i = 0;
            foreach (var r in report.Scales)
            {
                i++;
                sb.Append("<div class=\"kpi\" id=\"").Append(H(Anchor(r.Scale.Id))).Append("\">\n<h3>").Append(H(r.Scale.Title)).Append(" <code>").Append(H(r.Scale.Id)).Append("</code></h3>\n");
                if (r.Scale.Description is not null) sb.Append("<p>").Append(H(r.Scale.Description)).Append("</p>\n");
                sb.Append("<dl>\n");
                Dd(sb, "Schaal", $"{ReportText.Number(r.Scale.Min, 0)} tot {ReportText.Number(r.Scale.Max, 0)}{(r.Scale.Better == "lower" ? ", lager is beter" : ", hoger is beter")}{(r.Scale.Domains.Count == 0 ? "; één score" : $"; {r.Scale.Domains.Count} domeinen")}");
                if (r.Scale.Source is not null) Dd(sb, "Bron", r.Scale.Source);
                Dd(sb, "Verbeterd", r.Scale.ImprovedBy is { } by ? $"gemiddelde score ten minste {ReportText.Number(by, 2)} beter dan bij de start" : "gemiddelde score beter dan bij de start");
                if (r.Norm is { } n) Dd(sb, "Streefnorm", $"{ReportText.Norm(n)} verbeterd na 12 maanden; status: {ReportText.Status(n)}");
                sb.Append("</dl>\n<table><thead><tr><th>Moment</th><th class=\"num\">Huishoudens</th><th class=\"num\">Verbeterd</th><th class=\"num\">Verslechterd</th><th class=\"num\">Gemiddeld bij start</th><th class=\"num\">Gemiddeld nu</th></tr></thead><tbody>\n");
                foreach (var m in r.Moments)
                    sb.Append("<tr><td>").Append(H(ReportText.Moment(m.Months))).Append("</td><td class=\"num\">").Append(H(ReportText.Count(m.Households, t))).Append("</td><td class=\"num\">")
                      .Append(H(ReportText.Value(m.ImprovedShare, "%", t))).Append("</td><td class=\"num\">").Append(H(ReportText.Value(m.WorseShare, "%", t))).Append("</td><td class=\"num\">")
                      .Append(H(ReportText.Value(m.MeanAtStart, "score", t))).Append("</td><td class=\"num\">").Append(H(ReportText.Value(m.MeanNow, "score", t))).Append("</td></tr>\n");
                sb.Append("</tbody></table>\n").Append(SvgCharts.KpiTrend(AsKpi(r), t, "s" + i.ToString(CultureInfo.InvariantCulture))).Append("\n</div>\n");
            }
            sb.Append("</section>\n");
        }
        if (report.Stapeling.Count > 0)
        {
            section++;
            sb.Append("<section id=\"stapeling\">\n<h2>").Append(section).Append(". Stapeling: voorzieningen en professionals per huishouden</h2>\n<p>")
              .Append(H("Hoeveel voorzieningen en professionals een huishouden heeft bij de start en bij de evaluaties, en of de doelen waarvoor de voorzieningen zijn ingezet nu gehaald zijn (huishoudens met een vastlegging in de periode)."))
              .Append("</p>\n<table><thead><tr><th>Moment</th><th class=\"num\">Huishoudens</th><th class=\"num\">Voorzieningen per huishouden</th><th class=\"num\">Professionals per huishouden</th><th class=\"num\">Voorzieningen waarvan de doelen gehaald zijn</th></tr></thead><tbody>\n");
            foreach (var m in report.Stapeling)
                sb.Append("<tr><td>").Append(H(ReportText.Moment(m.Months))).Append("</td><td class=\"num\">").Append(H(ReportText.Count(m.Households, t))).Append("</td><td class=\"num\">")
                  .Append(H(ReportText.Value(m.ProvisionsPerHousehold, "per huishouden", t))).Append("</td><td class=\"num\">").Append(H(ReportText.Value(m.ProfessionalsPerHousehold, "per huishouden", t)))
                  .Append("</td><td class=\"num\">").Append(H(ReportText.Value(m.GoalsHoldShare, "%", t))).Append("</td></tr>\n");
            sb.Append("</tbody></table>\n");
            var bars = report.Stapeling.SelectMany(m => new[] { ($"{ReportText.Moment(m.Months)}: voorzieningen", m.ProvisionsPerHousehold), ($"{ReportText.Moment(m.Months)}: professionals", m.ProfessionalsPerHousehold) }).ToList();
            sb.Append(SvgCharts.Bars("Voorzieningen en professionals per huishouden, bij de start en na 6 en 12 maanden", "stapeling", bars, "per huishouden", t)).Append("\n</section>\n");
        }
        if (report.Norms.Count > 0)
        {
            section++;
            sb.Append("<section id=\"normen\">\n<h2>").Append(section).Append(". Normen en streefdata</h2>\n<p>")
              .Append(H("Elke streefnorm met zijn streefdatum, financieel, kwantitatief en kwalitatief, tegen de waarde in de periode.")).Append("</p>\n");
            foreach (var g in report.Norms.GroupBy(n => n.Category))
            {
                sb.Append("<h3>").Append(H(ReportText.Category(g.Key))).Append("</h3>\n<table><thead><tr><th>Norm</th><th>Waarvoor</th><th>Streefnorm</th><th class=\"num\">Waarde</th><th>Status</th><th>Bron</th></tr></thead><tbody>\n");
                foreach (var n in g)
                    sb.Append("<tr><td><code>").Append(H(n.Id)).Append("</code></td><td>").Append(H(n.Title)).Append("</td><td>").Append(H(ReportText.Norm(n))).Append("</td><td class=\"num\">")
                      .Append(H(ReportText.Value(n.Current, n.Unit, t))).Append("</td><td class=\"").Append(StatusClass(n.Status)).Append("\">").Append(H(ReportText.Status(n))).Append("</td><td>")
                      .Append(H(n.Source ?? "")).Append("</td></tr>\n");
                sb.Append("</tbody></table>\n");
            }
            sb.Append("</section>\n");
        }
        if (report.Budget.Count > 0)
        {
            section++;
            sb.Append("<section id=\"budget\">\n<h2>").Append(section).Append(". Budget: besteding tegen begroting</h2>\n<p>")
              .Append(H("De besteding die de gemeente aanlevert, opgeteld over het begrotingsjaar tot en met de periode, tegen het budget van dat jaar.")).Append("</p>\n")
              .Append("<table><thead><tr><th>Budgetregel</th><th>Jaar</th><th class=\"num\">Budget</th><th class=\"num\">Besteed</th><th class=\"num\">Besteed van budget</th><th class=\"num\">Jaar verstreken</th><th class=\"num\">Voor op pro rata</th><th class=\"num\">Overschrijding</th><th>Status</th></tr></thead><tbody>\n");
            foreach (var b in report.Budget)
                sb.Append("<tr><td>").Append(H(b.Line.Title)).Append("</td><td>").Append(b.Year).Append("</td><td class=\"num\">").Append(H(Money(b.Budget) + (b.Illustrative ? " (illustratief)" : "")))
                  .Append("</td><td class=\"num\">").Append(H(Money(b.Spent))).Append("</td><td class=\"num\">").Append(H(Pct(b.SpentShare))).Append("</td><td class=\"num\">").Append(H(Pct(b.ElapsedShare)))
                  .Append("</td><td class=\"num\">").Append(H(Money(b.AheadOfProRata))).Append("</td><td class=\"num\">").Append(H(Money(b.Overspend))).Append("</td><td class=\"")
                  .Append(StatusClass(b.Norm?.Status ?? NormStatus.NoData)).Append("\">").Append(H(b.Norm is { } n ? ReportText.Status(n) : "geen budget")).Append("</td></tr>\n");
            sb.Append("</tbody></table>\n");
            var i = 0;
            foreach (var b in report.Budget.Where(b => b.Budget is not null))
            {
                i++;
                sb.Append(SvgCharts.Bars($"{b.Line.Title} {b.Year}: besteed tegen budget, met het pro-rata deel voor de verstreken tijd", "b" + i.ToString(CultureInfo.InvariantCulture),
                    [("Budget " + b.Year, Figure.Of(b.Budget!.Value)), ("Besteed t/m periode", Figure.Of(b.Spent))], "EUR", t, Math.Round(b.Budget.Value * b.ElapsedShare / 100m, 0), "pro rata")).Append('\n');
            }
            sb.Append("</section>\n");
        }
    }

    private static void CsvSections(StringBuilder sb, MonitoringReport report)
    {
        var t = report.Threshold;
        foreach (var r in report.Indicators)
            foreach (var v in r.Series)
                Row(sb, "indicator", r.Indicator.Id, r.Indicator.Title, r.Indicator.Set ?? "indicator", v.Period.Code, "", v.Source ?? "", Csv(v.Value, t), r.Indicator.Unit, "",
                    r.Norm is { } n ? n.Target.ToString(CultureInfo.InvariantCulture) : "", r.Norm is { } n2 ? Dir(n2.Direction) : "", r.Norm?.Deadline is { } dl ? Iso(dl) : "",
                    v == r.Current && r.Norm is { } n3 ? ReportText.StatusCode(n3.Status) : "", v == r.Current ? ReportText.TrendCode(r.Trend) : "",
                    v.Reference is { } rf ? rf.ToString(CultureInfo.InvariantCulture) : "");
        foreach (var r in report.Scales)
        {
            foreach (var m in r.Moments)
                foreach (var (what, f, unit) in new[] { ("verbeterd", m.ImprovedShare, "%"), ("verslechterd", m.WorseShare, "%"), ("gemiddeld bij start", m.MeanAtStart, "score"), ("gemiddeld nu", m.MeanNow, "score") })
                    Row(sb, "schaal", r.Scale.Id, r.Scale.Title, $"{m.Months}m", report.Period.Code, what, ReportText.Moment(m.Months), Csv(f, t), unit, Csv(m.Households, t),
                        m.Months == 12 && what == "verbeterd" && r.Norm is { } n ? n.Target.ToString(CultureInfo.InvariantCulture) : "", m.Months == 12 && what == "verbeterd" && r.Norm is { } n2 ? Dir(n2.Direction) : "",
                        m.Months == 12 && what == "verbeterd" && r.Norm?.Deadline is { } dl ? Iso(dl) : "", m.Months == 12 && what == "verbeterd" && r.Norm is { } n3 ? ReportText.StatusCode(n3.Status) : "", "", "");
        }
        foreach (var m in report.Stapeling)
            foreach (var (what, f, unit) in new[] { ("voorzieningen per huishouden", m.ProvisionsPerHousehold, "per huishouden"), ("professionals per huishouden", m.ProfessionalsPerHousehold, "per huishouden"), ("doelen gehaald", m.GoalsHoldShare, "%") })
                Row(sb, "stapeling", "", "Stapeling", $"{m.Months}m", report.Period.Code, what, ReportText.Moment(m.Months), Csv(f, t), unit, Csv(m.Households, t), "", "", "", "", "", "");
        foreach (var n in report.Norms)
            Row(sb, "norm", n.Id, n.Title, n.Category, report.Period.Code, n.For, n.Illustrative ? "illustratief" : n.Source ?? "", Csv(n.Current, t), n.Unit, "",
                n.Target.ToString(CultureInfo.InvariantCulture), Dir(n.Direction), n.Deadline is { } dl ? Iso(dl) : "", ReportText.StatusCode(n.Status), "", "");
        foreach (var b in report.Budget)
            foreach (var (what, v, unit) in new[] { ("budget", b.Budget, "EUR"), ("besteed", (decimal?)b.Spent, "EUR"), ("besteed van budget", b.SpentShare, "%"), ("jaar verstreken", (decimal?)b.ElapsedShare, "%"),
                         ("voor op pro rata", b.AheadOfProRata, "EUR"), ("overschrijding", b.Overspend, "EUR") })
                Row(sb, "budget", b.Line.Id, b.Line.Title, b.Year.ToString(CultureInfo.InvariantCulture), report.Period.Code, what, b.Illustrative && what == "budget" ? "illustratief" : "",
                    v is { } x ? x.ToString(CultureInfo.InvariantCulture) : "", unit, "", what == "besteed van budget" && b.Norm is { } n ? n.Target.ToString(CultureInfo.InvariantCulture) : "",
                    what == "besteed van budget" && b.Norm is { } n2 ? Dir(n2.Direction) : "", what == "besteed van budget" && b.Norm?.Deadline is { } dl ? Iso(dl) : "",
                    what == "besteed van budget" && b.Norm is { } n3 ? ReportText.StatusCode(n3.Status) : "", "", "");
    }

    private static string Dir(NormDirection d) => d == NormDirection.AtLeast ? "at_least" : "at_most";

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static IEnumerable<XlsxWriter.Sheet> XlsxSections(MonitoringReport report)
    {
        var t = report.Threshold;
        if (report.Indicators.Count > 0)
        {
            var rows = new List<IReadOnlyList<object?>> { new List<object?> { "Indicator", "Titel", "Set", "Periode", "Waarde", "Eenheid", "Referentie", "Bron", "Streefnorm", "Richting", "Streefdatum", "Status" } };
            foreach (var r in report.Indicators)
                foreach (var v in r.Series)
                    rows.Add([r.Indicator.Id, r.Indicator.Title, r.Indicator.Set, v.Period.Code, Cell(v.Value, t), r.Indicator.Unit, v.Reference, v.Source, r.Norm?.Target,
                        r.Norm is { } n ? Words(n.Direction) : null, r.Norm?.Deadline is { } dl ? Iso(dl) : null, v == r.Current && r.Norm is { } n2 ? ReportText.Status(n2) : null]);
            yield return new("Indicatoren", rows);
        }
        if (report.Scales.Count > 0)
        {
            var rows = new List<IReadOnlyList<object?>> { new List<object?> { "Schaal", "Titel", "Periode", "Moment", "Huishoudens", "Verbeterd (%)", "Verslechterd (%)", "Gemiddeld bij start", "Gemiddeld nu" } };
            foreach (var r in report.Scales)
                foreach (var m in r.Moments)
                    rows.Add([r.Scale.Id, r.Scale.Title, report.Period.Code, ReportText.Moment(m.Months), Cell(m.Households, t), Cell(m.ImprovedShare, t), Cell(m.WorseShare, t), Cell(m.MeanAtStart, t), Cell(m.MeanNow, t)]);
            yield return new("Kwaliteit van leven", rows);
        }
        if (report.Stapeling.Count > 0)
        {
            var rows = new List<IReadOnlyList<object?>> { new List<object?> { "Periode", "Moment", "Huishoudens", "Voorzieningen per huishouden", "Professionals per huishouden", "Doelen gehaald (%)" } };
            foreach (var m in report.Stapeling)
                rows.Add([report.Period.Code, ReportText.Moment(m.Months), Cell(m.Households, t), Cell(m.ProvisionsPerHousehold, t), Cell(m.ProfessionalsPerHousehold, t), Cell(m.GoalsHoldShare, t)]);
            yield return new("Stapeling", rows);
        }
        if (report.Norms.Count > 0)
        {
            var rows = new List<IReadOnlyList<object?>> { new List<object?> { "Categorie", "Norm", "Waarvoor", "Titel", "Streefnorm", "Richting", "Eenheid", "Streefdatum", "Waarde", "Status", "Illustratief", "Bron" } };
            foreach (var n in report.Norms)
                rows.Add([ReportText.Category(n.Category), n.Id, n.For, n.Title, n.Target, Words(n.Direction), n.Unit, n.Deadline is { } dl ? Iso(dl) : null, Cell(n.Current, t), ReportText.Status(n),
                    n.Illustrative ? "ja" : "nee", n.Source]);
            yield return new("Normen", rows);
        }
        if (report.Budget.Count > 0)
        {
            var rows = new List<IReadOnlyList<object?>> { new List<object?> { "Budgetregel", "Titel", "Jaar", "Budget", "Besteed", "Besteed van budget (%)", "Jaar verstreken (%)", "Voor op pro rata", "Overschrijding", "Status", "Illustratief" } };
            foreach (var b in report.Budget)
                rows.Add([b.Line.Id, b.Line.Title, b.Year, b.Budget, b.Spent, b.SpentShare, b.ElapsedShare, b.AheadOfProRata, b.Overspend, b.Norm is { } n ? ReportText.Status(n) : "geen budget", b.Illustrative ? "ja" : "nee"]);
            yield return new("Budget", rows);
        }
    }

    private static string Words(NormDirection d) => d == NormDirection.AtLeast ? "ten minste" : "ten hoogste";
}
