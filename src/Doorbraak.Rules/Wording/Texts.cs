using System.Globalization;

namespace Doorbraak.Rules.Wording;

/// <summary>Words for explanations in Dutch and English.</summary>
internal static class Texts
{
    public const string Redacted = "[afgeschermd]";

    // Built by hand so that output does not depend on the host's ICU data (invariant globalization mode works too).
    private static readonly NumberFormatInfo DutchNumbers = new() { NumberDecimalSeparator = ",", NumberGroupSeparator = ".", NumberGroupSizes = [3] };
    private static readonly string[] DutchMonths = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"];
    private static readonly string[] EnglishMonths = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

    public static string Outcome(FactValue v, ReportLanguage lang) =>
        v.IsUnknown ? (lang == ReportLanguage.Dutch ? "onbekend" : "unknown")
        : v.IsTrue ? (lang == ReportLanguage.Dutch ? "waar" : "true")
        : v.IsFalse ? (lang == ReportLanguage.Dutch ? "onwaar" : "false")
        : Value(v, lang);

    /// <summary>A value for people: EUR 1.401,50, 1 maart 2026, waar.</summary>
    public static string Value(FactValue v, ReportLanguage lang)
    {
        if (v.IsUnknown) return lang == ReportLanguage.Dutch ? "onbekend" : "unknown";
        return v.Kind switch
        {
            FactKind.Boolean => Outcome(v, lang),
            FactKind.Money => Money(v.AsDecimal, lang),
            FactKind.Date => Date(v.AsDate, lang),
            _ => v.ToString(),
        };
    }

    public static string Money(decimal d, ReportLanguage lang) =>
        "EUR " + d.ToString("N2", lang == ReportLanguage.Dutch ? DutchNumbers : CultureInfo.InvariantCulture);

    public static string Date(DateOnly d, ReportLanguage lang) =>
        $"{d.Day} {(lang == ReportLanguage.Dutch ? DutchMonths : EnglishMonths)[d.Month - 1]} {d.Year}";

    public static string Months(int months, ReportLanguage lang) =>
        lang == ReportLanguage.Dutch ? (months == 1 ? "1 maand" : $"{months} maanden") : (months == 1 ? "1 month" : $"{months} months");

    public static string Duration(int months, int days, ReportLanguage lang)
    {
        var parts = new List<string>();
        if (months > 0) parts.Add(Months(months, lang));
        if (days > 0) parts.Add(lang == ReportLanguage.Dutch ? $"{days} dagen" : $"{days} days");
        return parts.Count == 0 ? "0" : string.Join(lang == ReportLanguage.Dutch ? " en " : " and ", parts);
    }

    public static string Join(IEnumerable<string> items, ReportLanguage lang)
    {
        var list = items.ToList();
        if (list.Count <= 1) return list.FirstOrDefault() ?? "";
        return string.Join(", ", list.Take(list.Count - 1)) + (lang == ReportLanguage.Dutch ? " en " : " and ") + list[^1];
    }

    public static string Pick(ReportLanguage lang, string dutch, string english) => lang == ReportLanguage.Dutch ? dutch : english;
}
