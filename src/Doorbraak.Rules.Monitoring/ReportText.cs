using System.Globalization;
using Doorbraak.Rules.Wording;

namespace Doorbraak.Rules.Monitoring;

/// <summary>Dutch words and number formats for the council report (independent of the host's culture data).</summary>
internal static class ReportText
{
    private static readonly NumberFormatInfo Dutch = new() { NumberDecimalSeparator = ",", NumberGroupSeparator = ".", NumberGroupSizes = [3], NegativeSign = "-" };

    public static string Suppressed(int threshold) => $"< {threshold}";

    public const string NoData = "–";

    /// <summary>A number in Dutch: 1.234, 12,5, -0,25.</summary>
    public static string Number(decimal d, int decimals) => d.ToString("N" + decimals, Dutch);

    /// <summary>A value in its unit, or "&lt; 5" when suppressed, or a dash when there is none.</summary>
    public static string Value(Figure f, string unit, int threshold)
    {
        if (f.Suppressed) return Suppressed(threshold);
        if (f.Value is not { } v) return NoData;
        return Value(v, unit);
    }

    public static string Value(decimal v, string unit) => unit switch
    {
        "EUR" => "EUR " + Number(Math.Round(v, 0), 0),
        "%" => Number(v, v == Math.Round(v) ? 0 : 1) + " %",
        "punten" => (v > 0 ? "+" : "") + Number(v, 2),
        "dagen" => Number(v, v == Math.Round(v) ? 0 : 1) + " dagen",
        "aantal" => Number(v, 0),
        "score" => Number(v, 2),
        "per huishouden" => Number(v, 1) + " per huishouden",
        _ => Number(v, v == Math.Round(v) ? 0 : 2) + " " + unit,
    };

    /// <summary>A count of households: "&lt; 5" when suppressed.</summary>
    public static string Count(Figure f, int threshold) => f.Suppressed ? Suppressed(threshold) : f.Value is { } v ? Number(v, 0) : NoData;

    public static string Money(Figure f, int threshold) => f.Suppressed ? Suppressed(threshold) : f.Value is { } v ? "EUR " + Number(Math.Round(v, 0), 0) : NoData;

    public static string Norm(KpiSpec k)
    {
        if (k.Norm is not { } n) return "geen norm";
        var text = (n.Direction == NormDirection.AtLeast ? "ten minste " : "ten hoogste ") + Value(n.Target, k.DisplayUnit);
        return n.Deadline is { } d ? $"{text}, uiterlijk {Date(d)}" : text;
    }

    public static string NormShort(KpiSpec k) => k.Norm is not { } n ? "" : (n.Direction == NormDirection.AtLeast ? "≥ " : "≤ ") + Value(n.Target, k.DisplayUnit);

    public static string Status(KpiResult r) => r.Status switch
    {
        NormStatus.Met => "gehaald",
        NormStatus.NotMet => r.DeadlinePassed || r.Kpi.Norm?.Deadline is null ? "niet gehaald" : "nog niet gehaald",
        NormStatus.NoData => "geen gegevens",
        NormStatus.Suppressed => "geen uitspraak (kleine aantallen)",
        NormStatus.NoNorm => "geen norm",
        _ => "niet te berekenen",
    };

    public static string Status(NormCheck n) => n.Status switch
    {
        NormStatus.Met => "gehaald",
        NormStatus.NotMet => n.DeadlinePassed || n.Deadline is null ? "niet gehaald" : "nog niet gehaald",
        NormStatus.NoData => "geen gegevens",
        NormStatus.Suppressed => "geen uitspraak (kleine aantallen)",
        NormStatus.NoNorm => "geen norm",
        _ => "niet te berekenen",
    };

    public static string Norm(NormCheck n)
    {
        var text = (n.Direction == NormDirection.AtLeast ? "ten minste " : "ten hoogste ") + Value(n.Target, n.Unit);
        text = n.Deadline is { } d ? $"{text}, uiterlijk {Date(d)}" : text;
        return n.Illustrative ? text + " (illustratief)" : text;
    }

    public static string NormShort(NormCheck n) => (n.Direction == NormDirection.AtLeast ? "≥ " : "≤ ") + Value(n.Target, n.Unit);

    public static string Trend(TrendDirection trend, bool? better)
    {
        var t = trend switch
        {
            TrendDirection.Up => "▲ gestegen",
            TrendDirection.Down => "▼ gedaald",
            TrendDirection.Equal => "= gelijk",
            _ => NoData,
        };
        return better switch { true => t + " (beter)", false => t + " (slechter)", _ => t };
    }

    public static string Moment(int months) => months == 0 ? "Start" : $"Na {months} maanden";

    public static string Category(string c) => c switch { "financieel" => "Financieel", "kwantitatief" => "Kwantitatief", "kwalitatief" => "Kwalitatief", _ => c };

    public static string StatusCode(NormStatus s) => s switch
    {
        NormStatus.Met => "gehaald",
        NormStatus.NotMet => "niet_gehaald",
        NormStatus.NoData => "geen_gegevens",
        NormStatus.Suppressed => "onderdrukt",
        NormStatus.NoNorm => "geen_norm",
        _ => "ongeldig",
    };

    public static string Trend(KpiResult r)
    {
        var t = r.Trend switch
        {
            TrendDirection.Up => "▲ gestegen",
            TrendDirection.Down => "▼ gedaald",
            TrendDirection.Equal => "= gelijk",
            _ => NoData,
        };
        return r.Better switch { true => t + " (beter)", false => t + " (slechter)", _ => t };
    }

    public static string TrendCode(TrendDirection t) => t switch
    {
        TrendDirection.Up => "gestegen",
        TrendDirection.Down => "gedaald",
        TrendDirection.Equal => "gelijk",
        _ => "",
    };

    public static string Measure(string measure) => measure switch
    {
        KpiMeasures.CasesStarted => "Huishoudens met eerste contact in de periode.",
        KpiMeasures.CasesClosed => "Huishoudens van wie de casus bij een evaluatie in de periode is afgesloten.",
        KpiMeasures.CollisionsByDomain => "Botsingen in doorbraakplannen met de doorbraak in de periode, naar domein van het doel dat niet gehaald werd.",
        KpiMeasures.CollisionsByRule => "Botsingen in doorbraakplannen met de doorbraak in de periode, naar betrokken regel.",
        KpiMeasures.DeviationsByBasis => "Toegekende afwijkingen (akkoord of akkoord met wijziging) naar wettelijke grondslag.",
        KpiMeasures.DeviationsByMandate => "Toegekende afwijkingen naar mandaatniveau van wie besloot.",
        KpiMeasures.DaysToBreakthrough => "Mediaan van het aantal dagen van eerste contact tot doorbraak.",
        KpiMeasures.CostCurrentVsBreakthrough => "Gemiddelde besparing per casus per jaar: kosten van de huidige route min kosten van de doorbraakroute, naar betaler.",
        KpiMeasures.GoalsMetShare6m => "Aandeel van de doelen uit de doorbraakplannen dat bij de evaluatie na 6 maanden gehaald is.",
        KpiMeasures.GoalsMetShare12m => "Aandeel van de doelen uit de doorbraakplannen dat bij de evaluatie na 12 maanden gehaald is.",
        KpiMeasures.SelfRelianceChange => "Gemiddelde verandering van de zelfredzaamheid (Zelfredzaamheid-Matrix, 1-5) tussen start en laatste evaluatie, naar domein.",
        KpiMeasures.RecurrenceShare => "Aandeel van de evaluaties na 12 maanden waarin de problemen zijn teruggekomen.",
        _ => "Onbekende meting.",
    };

    public static string BreakdownHeader(string measure) => measure switch
    {
        KpiMeasures.CollisionsByDomain => "Domein",
        KpiMeasures.CollisionsByRule => "Regel",
        KpiMeasures.DeviationsByBasis => "Grondslag",
        KpiMeasures.DeviationsByMandate => "Mandaat",
        KpiMeasures.CostCurrentVsBreakthrough => "Betaler",
        KpiMeasures.SelfRelianceChange => "ZRM-domein",
        _ => "Sleutel",
    };

    /// <summary>The unit of a breakdown's rows (counts for the count measures, the KPI's unit otherwise).</summary>
    public static string BreakdownUnit(KpiSpec k) => KpiMeasures.IsCount(k.Measure) ? "aantal" : k.DisplayUnit;

    public static string Date(DateOnly d) => WordingTable.Dutch.Date(d);
}
