using System.Globalization;
using System.Net;
using System.Text;

namespace Doorbraak.Rules.Monitoring;

/// <summary>Inline SVG charts for the council report: no scripts, no fonts or images from elsewhere.</summary>
internal static class SvgCharts
{
    private const string Font = "font-family=\"system-ui,Segoe UI,Arial,sans-serif\"";

    /// <summary>A white outline behind text, so that labels stay readable where they cross the norm line or a grid line.</summary>
    private const string Halo = "paint-order=\"stroke\" stroke=\"#ffffff\" stroke-width=\"3\" stroke-linejoin=\"round\" ";

    private static string N(double d) => d.ToString("0.#", CultureInfo.InvariantCulture);

    private static string H(string s) => WebUtility.HtmlEncode(s);

    /// <summary>A bar per period with the KPI's value, and the norm as a dashed line.</summary>
    /// <param name="r">The KPI (or an indicator or scale shaped as one).</param>
    /// <param name="threshold">The suppression threshold, for the "&lt; 5" labels.</param>
    /// <param name="id">A unique id prefix in the page.</param>
    /// <param name="reference">A reference value drawn as a dotted grey line (national or comparable group), if any.</param>
    /// <param name="referenceLabel">Its label.</param>
    public static string KpiTrend(KpiResult r, int threshold, string id, decimal? reference = null, string? referenceLabel = null)
    {
        const double width = 600, height = 240, left = 70, right = 130, top = 24, bottom = 44;
        var unit = r.Kpi.DisplayUnit;
        var values = r.Series.Select(s => s.Value.Value).ToList();
        var target = r.Kpi.Norm?.Target;
        var known = values.Where(v => v is not null).Select(v => (double)v!.Value).ToList();
        if (target is not null) known.Add((double)target.Value);
        if (reference is not null) known.Add((double)reference.Value);
        var lo = Math.Min(0, known.DefaultIfEmpty(0).Min());
        var hi = Math.Max(0, known.DefaultIfEmpty(1).Max());
        if (hi - lo < 1e-9) hi = lo + 1;
        var step = NiceStep((hi - lo) / 4);
        hi = Math.Ceiling(hi / step) * step;
        lo = Math.Floor(lo / step) * step;
        var plotW = width - left - right;
        var plotH = height - top - bottom;
        double Y(double v) => top + plotH - (v - lo) / (hi - lo) * plotH;

        var title = $"{r.Kpi.Title}: ontwikkeling per periode" + (r.Kpi.Norm is null ? "" : $" tegen de streefnorm ({ReportText.NormShort(r.Kpi)})")
            + (reference is null ? "" : $" en de referentie ({referenceLabel}: {ReportText.Value(reference.Value, unit)})");
        var desc = string.Join("; ", r.Series.Select(s => $"{s.Period.ShortName}: {ReportText.Value(s.Value, unit, threshold)}"));
        var sb = new StringBuilder();
        sb.Append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").Append(N(width)).Append(' ').Append(N(height))
          .Append("\" width=\"").Append(N(width)).Append("\" height=\"").Append(N(height)).Append("\" role=\"img\" aria-labelledby=\"").Append(id).Append("-t ").Append(id).Append("-d\" class=\"chart\">\n");
        sb.Append("<title id=\"").Append(id).Append("-t\">").Append(H(title)).Append("</title>\n<desc id=\"").Append(id).Append("-d\">").Append(H(desc)).Append("</desc>\n");
        sb.Append("<rect x=\"0\" y=\"0\" width=\"").Append(N(width)).Append("\" height=\"").Append(N(height)).Append("\" fill=\"#ffffff\"/>\n");

        // Grid and axis labels.
        for (var v = lo; v <= hi + step / 2; v += step)
        {
            var y = Y(v);
            sb.Append("<line x1=\"").Append(N(left)).Append("\" x2=\"").Append(N(left + plotW)).Append("\" y1=\"").Append(N(y)).Append("\" y2=\"").Append(N(y))
              .Append("\" stroke=\"").Append(Math.Abs(v) < step / 1000 ? "#555" : "#ddd").Append("\" stroke-width=\"1\"/>\n");
            sb.Append("<text x=\"").Append(N(left - 6)).Append("\" y=\"").Append(N(y + 4)).Append("\" text-anchor=\"end\" font-size=\"11\" fill=\"#444\" ").Append(Font).Append('>')
              .Append(H(AxisLabel((decimal)v, unit, step))).Append("</text>\n");
        }

        var labels = new StringBuilder();
        var n = r.Series.Count;
        var slot = plotW / n;
        var barW = Math.Min(56, slot * 0.6);
        for (var i = 0; i < n; i++)
        {
            var s = r.Series[i];
            var cx = left + slot * (i + 0.5);
            var last = i == n - 1;
            if (s.Value.Value is { } dv)
            {
                var v = (double)dv;
                var y0 = Y(0);
                var y1 = Y(v);
                var fill = !last ? "#9dbbe0" : r.Status == NormStatus.NotMet ? "#c8553d" : "#1f5fa8";
                sb.Append("<rect x=\"").Append(N(cx - barW / 2)).Append("\" y=\"").Append(N(Math.Min(y0, y1))).Append("\" width=\"").Append(N(barW))
                  .Append("\" height=\"").Append(N(Math.Max(1, Math.Abs(y0 - y1)))).Append("\" fill=\"").Append(fill).Append("\"/>\n");
                var ly = v >= 0 ? y1 - 5 : y1 + 14;
                labels.Append("<text x=\"").Append(N(cx)).Append("\" y=\"").Append(N(ly)).Append("\" text-anchor=\"middle\" font-size=\"11\" fill=\"#1a1a1a\" ").Append(Halo).Append(Font)
                  .Append(last ? " font-weight=\"bold\"" : "").Append('>').Append(H(BarLabel(dv, unit))).Append("</text>\n");
            }
            else
            {
                var label = s.Value.Suppressed ? ReportText.Suppressed(threshold) : "geen gegevens";
                labels.Append("<text x=\"").Append(N(cx)).Append("\" y=\"").Append(N(Y(0) - 6)).Append("\" text-anchor=\"middle\" font-size=\"11\" font-style=\"italic\" fill=\"#555\" ").Append(Halo).Append(Font).Append('>')
                  .Append(H(label)).Append("</text>\n");
            }
            sb.Append("<text x=\"").Append(N(cx)).Append("\" y=\"").Append(N(top + plotH + 18)).Append("\" text-anchor=\"middle\" font-size=\"11\" fill=\"#1a1a1a\" ").Append(Font)
              .Append(last ? " font-weight=\"bold\"" : "").Append('>').Append(H(s.Period.ShortName)).Append("</text>\n");
        }

        if (target is { } t)
        {
            var y = Y((double)t);
            sb.Append("<line x1=\"").Append(N(left)).Append("\" x2=\"").Append(N(left + plotW)).Append("\" y1=\"").Append(N(y)).Append("\" y2=\"").Append(N(y))
              .Append("\" stroke=\"#d9822b\" stroke-width=\"2\" stroke-dasharray=\"6 4\"/>\n");
            sb.Append("<text x=\"").Append(N(left + plotW + 6)).Append("\" y=\"").Append(N(y - 2)).Append("\" font-size=\"11\" fill=\"#a35a12\" ").Append(Font).Append(">streefnorm</text>\n");
            sb.Append("<text x=\"").Append(N(left + plotW + 6)).Append("\" y=\"").Append(N(y + 11)).Append("\" font-size=\"11\" fill=\"#a35a12\" ").Append(Font).Append('>')
              .Append(H(ReportText.NormShort(r.Kpi))).Append("</text>\n");
        }
        if (reference is { } refValue)
        {
            var y = Y((double)refValue);
            sb.Append("<line x1=\"").Append(N(left)).Append("\" x2=\"").Append(N(left + plotW)).Append("\" y1=\"").Append(N(y)).Append("\" y2=\"").Append(N(y))
              .Append("\" stroke=\"#555555\" stroke-width=\"2\" stroke-dasharray=\"2 3\"/>\n");
            sb.Append("<text x=\"").Append(N(left + plotW + 6)).Append("\" y=\"").Append(N(y + (target is { } tt && Math.Abs(Y((double)tt) - y) < 26 ? 26 : 4))).Append("\" font-size=\"11\" fill=\"#333\" ").Append(Font).Append('>')
              .Append(H($"{referenceLabel ?? "referentie"} {ReportText.Value(refValue, unit)}")).Append("</text>\n");
        }
        sb.Append(labels);
        sb.Append("<text x=\"").Append(N(left)).Append("\" y=\"").Append(N(height - 6)).Append("\" font-size=\"10\" fill=\"#666\" ").Append(Font).Append('>')
          .Append(H($"Eenheid: {unit}. Laatste staaf: {r.Series[^1].Period.DutchName}.")).Append("</text>\n");
        sb.Append("</svg>");
        return sb.ToString();
    }

    /// <summary>Per payer, the yearly cost of the current route against the breakthrough route (horizontal bars).</summary>
    public static string CostByPayer(IReadOnlyList<PayerCost> rows, int threshold, string id)
    {
        const double width = 680, left = 150, right = 130, top = 40, rowH = 46, bar = 16;
        var payers = rows.Where(r => r.Payer != "totaal").ToList();
        var height = top + Math.Max(1, payers.Count) * rowH + 20;
        var max = payers.SelectMany(r => new[] { r.CurrentRoute.Value, r.BreakthroughRoute.Value }).Where(v => v is not null).Select(v => (double)v!.Value).DefaultIfEmpty(1).Max();
        if (max <= 0) max = 1;
        var plotW = width - left - right;
        var sb = new StringBuilder();
        var desc = string.Join("; ", payers.Select(p => $"{p.Payer}: huidige route {ReportText.Money(p.CurrentRoute, threshold)}, doorbraakroute {ReportText.Money(p.BreakthroughRoute, threshold)}"));
        sb.Append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").Append(N(width)).Append(' ').Append(N(height))
          .Append("\" width=\"").Append(N(width)).Append("\" height=\"").Append(N(height)).Append("\" role=\"img\" aria-labelledby=\"").Append(id).Append("-t ").Append(id).Append("-d\" class=\"chart\">\n");
        sb.Append("<title id=\"").Append(id).Append("-t\">Kosten per jaar per betaler: huidige route tegen doorbraakroute</title>\n<desc id=\"").Append(id).Append("-d\">")
          .Append(H(desc)).Append("</desc>\n");
        sb.Append("<rect x=\"0\" y=\"0\" width=\"").Append(N(width)).Append("\" height=\"").Append(N(height)).Append("\" fill=\"#ffffff\"/>\n");
        // Legend.
        sb.Append("<rect x=\"").Append(N(left)).Append("\" y=\"10\" width=\"12\" height=\"12\" fill=\"#b0413e\"/>\n<text x=\"").Append(N(left + 18)).Append("\" y=\"20\" font-size=\"12\" ").Append(Font).Append(">Huidige route</text>\n");
        sb.Append("<rect x=\"").Append(N(left + 130)).Append("\" y=\"10\" width=\"12\" height=\"12\" fill=\"#2e7d32\"/>\n<text x=\"").Append(N(left + 148)).Append("\" y=\"20\" font-size=\"12\" ").Append(Font).Append(">Doorbraakroute</text>\n");
        for (var i = 0; i < payers.Count; i++)
        {
            var p = payers[i];
            var y = top + i * rowH;
            sb.Append("<text x=\"").Append(N(left - 8)).Append("\" y=\"").Append(N(y + bar + 4)).Append("\" text-anchor=\"end\" font-size=\"12\" fill=\"#1a1a1a\" ").Append(Font).Append('>')
              .Append(H(p.Payer)).Append("</text>\n");
            Bar(p.CurrentRoute, y, "#b0413e");
            Bar(p.BreakthroughRoute, y + bar + 2, "#2e7d32");
        }
        sb.Append("<line x1=\"").Append(N(left)).Append("\" x2=\"").Append(N(left)).Append("\" y1=\"").Append(N(top - 4)).Append("\" y2=\"").Append(N(height - 16)).Append("\" stroke=\"#555\"/>\n");
        sb.Append("</svg>");
        return sb.ToString();

        void Bar(Figure f, double y, string color)
        {
            if (f.Value is { } v)
            {
                var w = Math.Max(1, (double)Math.Max(0, v) / max * plotW);
                sb.Append("<rect x=\"").Append(N(left)).Append("\" y=\"").Append(N(y)).Append("\" width=\"").Append(N(w)).Append("\" height=\"").Append(N(bar)).Append("\" fill=\"").Append(color).Append("\"/>\n");
                sb.Append("<text x=\"").Append(N(left + w + 6)).Append("\" y=\"").Append(N(y + bar - 4)).Append("\" font-size=\"11\" fill=\"#1a1a1a\" ").Append(Font).Append('>')
                  .Append(H(ReportText.Money(f, threshold))).Append("</text>\n");
            }
            else
            {
                sb.Append("<text x=\"").Append(N(left + 6)).Append("\" y=\"").Append(N(y + bar - 4)).Append("\" font-size=\"11\" fill=\"#666\" ").Append(Font).Append('>')
                  .Append(H(f.Suppressed ? ReportText.Suppressed(threshold) : "geen gegevens")).Append("</text>\n");
            }
        }
    }

    /// <summary>Horizontal bars with their values (a suppressed bar is labelled "&lt; 5"), and an optional marker line (a norm or the pro-rata budget).</summary>
    public static string Bars(string title, string id, IReadOnlyList<(string Label, Figure Value)> bars, string unit, int threshold, decimal? marker = null, string? markerLabel = null)
    {
        const double width = 680, left = 190, right = 150, top = 16, rowH = 30, bar = 18;
        var height = top + Math.Max(1, bars.Count) * rowH + 26;
        var max = bars.Where(b => b.Value.Value is not null).Select(b => (double)b.Value.Value!.Value).Append(marker is { } m ? (double)m : 0).DefaultIfEmpty(1).Max();
        if (max <= 0) max = 1;
        var plotW = width - left - right;
        var desc = string.Join("; ", bars.Select(b => $"{b.Label}: {ReportText.Value(b.Value, unit, threshold)}"))
            + (marker is null ? "" : $"; {markerLabel}: {ReportText.Value(marker.Value, unit)}");
        var sb = new StringBuilder();
        sb.Append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").Append(N(width)).Append(' ').Append(N(height))
          .Append("\" width=\"").Append(N(width)).Append("\" height=\"").Append(N(height)).Append("\" role=\"img\" aria-labelledby=\"").Append(id).Append("-t ").Append(id).Append("-d\" class=\"chart\">\n");
        sb.Append("<title id=\"").Append(id).Append("-t\">").Append(H(title)).Append("</title>\n<desc id=\"").Append(id).Append("-d\">").Append(H(desc)).Append("</desc>\n");
        sb.Append("<rect x=\"0\" y=\"0\" width=\"").Append(N(width)).Append("\" height=\"").Append(N(height)).Append("\" fill=\"#ffffff\"/>\n");
        for (var i = 0; i < bars.Count; i++)
        {
            var (label, f) = bars[i];
            var y = top + i * rowH;
            sb.Append("<text x=\"").Append(N(left - 8)).Append("\" y=\"").Append(N(y + bar - 4)).Append("\" text-anchor=\"end\" font-size=\"12\" fill=\"#1a1a1a\" ").Append(Font).Append('>')
              .Append(H(label)).Append("</text>\n");
            if (f.Value is { } v)
            {
                var w = Math.Max(1, (double)Math.Max(0, v) / max * plotW);
                sb.Append("<rect x=\"").Append(N(left)).Append("\" y=\"").Append(N(y)).Append("\" width=\"").Append(N(w)).Append("\" height=\"").Append(N(bar)).Append("\" fill=\"#1f5fa8\"/>\n");
                sb.Append("<text x=\"").Append(N(left + w + 6)).Append("\" y=\"").Append(N(y + bar - 4)).Append("\" font-size=\"11\" fill=\"#1a1a1a\" ").Append(Halo).Append(Font).Append('>')
                  .Append(H(ReportText.Value(v, unit))).Append("</text>\n");
            }
            else
            {
                sb.Append("<text x=\"").Append(N(left + 6)).Append("\" y=\"").Append(N(y + bar - 4)).Append("\" font-size=\"11\" font-style=\"italic\" fill=\"#555\" ").Append(Font).Append('>')
                  .Append(H(f.Suppressed ? ReportText.Suppressed(threshold) : "geen gegevens")).Append("</text>\n");
            }
        }
        if (marker is { } mk)
        {
            var x = left + (double)Math.Max(0, mk) / max * plotW;
            sb.Append("<line x1=\"").Append(N(x)).Append("\" x2=\"").Append(N(x)).Append("\" y1=\"").Append(N(top - 6)).Append("\" y2=\"").Append(N(height - 22))
              .Append("\" stroke=\"#d9822b\" stroke-width=\"2\" stroke-dasharray=\"6 4\"/>\n");
            sb.Append("<text x=\"").Append(N(x)).Append("\" y=\"").Append(N(height - 8)).Append("\" text-anchor=\"middle\" font-size=\"11\" fill=\"#a35a12\" ").Append(Halo).Append(Font).Append('>')
              .Append(H($"{markerLabel} {ReportText.Value(mk, unit)}")).Append("</text>\n");
        }
        sb.Append("<line x1=\"").Append(N(left)).Append("\" x2=\"").Append(N(left)).Append("\" y1=\"").Append(N(top - 4)).Append("\" y2=\"").Append(N(height - 22)).Append("\" stroke=\"#555\"/>\n");
        sb.Append("</svg>");
        return sb.ToString();
    }

    /// <summary>A bar's label: the value with a short unit, or the number alone when the unit is long (it is in the footer and the title).</summary>
    private static string BarLabel(decimal v, string unit) => unit.Length <= 6 ? ReportText.Value(v, unit) : ReportText.Number(v, v == Math.Round(v) ? 0 : 1);

    private static double NiceStep(double raw)
    {
        if (raw <= 0) return 1;
        var mag = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        var f = raw / mag;
        return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 2.5 ? 2.5 : f <= 5 ? 5 : 10) * mag;
    }

    private static string AxisLabel(decimal v, string unit, double step)
    {
        var decimals = step >= 1 ? 0 : step >= 0.1 ? 1 : 2;
        var text = ReportText.Number(Math.Round(v, decimals), decimals);
        return unit switch { "EUR" => "€ " + text, "%" => text + " %", _ => text };
    }
}
