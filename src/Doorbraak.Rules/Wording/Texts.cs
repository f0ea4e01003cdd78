namespace Doorbraak.Rules.Wording;

/// <summary>
/// The engine's way into its wording: the <see cref="WordingTable"/> of a <see cref="ReportLanguage"/>, and fact values for people.
/// Every word is in Wording/nl.json and Wording/en.json; nothing here chooses between languages by hand.
/// </summary>
internal static class Texts
{
    public const string Redacted = "[afgeschermd]";

    /// <summary>The wording of a language.</summary>
    public static WordingTable Of(ReportLanguage lang) => lang == ReportLanguage.Dutch ? WordingTable.Dutch : WordingTable.English;

    /// <summary>The text of a key in a language, with its named placeholders filled in.</summary>
    public static string Format(ReportLanguage lang, string key, params ReadOnlySpan<(string Name, object? Value)> args) => Of(lang).Format(key, args);

    public static string Outcome(FactValue v, ReportLanguage lang) =>
        v.IsUnknown ? Of(lang)["format.unknown"]
        : v.IsTrue ? Of(lang)["format.true"]
        : v.IsFalse ? Of(lang)["format.false"]
        : Value(v, lang);

    /// <summary>A value for people: EUR 1.401,50, 1 maart 2026, waar.</summary>
    public static string Value(FactValue v, ReportLanguage lang)
    {
        if (v.IsUnknown) return Of(lang)["format.unknown"];
        return v.Kind switch
        {
            FactKind.Boolean => Outcome(v, lang),
            FactKind.Money => Money(v.AsDecimal, lang),
            FactKind.Date => Date(v.AsDate, lang),
            _ => v.ToString(),
        };
    }

    public static string Money(decimal d, ReportLanguage lang) => Of(lang).Money(d);

    /// <summary>An amount, or "onbekend" when it is unknown (never EUR 0,00 in its place).</summary>
    public static string Money(decimal? d, ReportLanguage lang) => Of(lang).Money(d);

    /// <summary>An amount, or <see cref="Redacted"/> when it was withheld.</summary>
    public static string Money(decimal? d, bool redacted, ReportLanguage lang) => redacted ? Redacted : Of(lang).Money(d);

    public static string Date(DateOnly d, ReportLanguage lang) => Of(lang).Date(d);

    public static string Months(int months, ReportLanguage lang) => Of(lang).Months(months);

    public static string Duration(int months, int days, ReportLanguage lang) => Of(lang).Duration(months, days);

    public static string Join(IEnumerable<string> items, ReportLanguage lang) => Of(lang).Join(items);
}
