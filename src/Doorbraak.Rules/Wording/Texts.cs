using Doorbraak.Rules.Packs;
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

    /// <summary>
    /// A rule's legal force in words, with the clauses it names: "een beleidsregel; afwijken kan op grond van Awb 4:84 bij
    /// bijzondere omstandigheden". Null for a consequence or a rule of a format 1 pack.
    /// </summary>
    public static string? Force(RuleDefinition rule, ReportLanguage lang)
    {
        if (rule.Force is null) return null;
        var words = Of(lang);
        var text = words[rule.Force switch
        {
            Forces.WetPlicht => "engine.force.wet-plicht",
            Forces.WetBevoegdheid => "engine.force.wet-bevoegdheid",
            Forces.Amvb => "engine.force.amvb",
            Forces.MinisterieleRegeling => "engine.force.ministeriele-regeling",
            Forces.Verordening => "engine.force.verordening",
            Forces.Beleidsregel => "engine.force.beleidsregel",
            _ => "engine.force.werkinstructie",
        }];
        if (rule.Clauses.Count > 0)
            text += words.Format("engine.force.clauses", ("clauses", words.Join(rule.Clauses.Select(c => $"{Cite(c, lang)} ({c.Kind})"))));
        return text;
    }

    /// <summary>A citation as text, marked when the pack says it is only an example (<c>illustrative: true</c>).</summary>
    public static string Cite(Citation c, ReportLanguage lang) => c + (c.Illustrative ? Of(lang)["engine.force.illustrative"] : "");

    /// <summary>What a rule rests on (its grondslag) as text, or null.</summary>
    public static string? Grondslag(RuleDefinition rule, ReportLanguage lang) => rule.Grondslag is { } g ? Cite(g, lang) : null;

    /// <summary>
    /// A proposal's legal basis for people: the citation (marked when illustrative) and, in format 2, the force of the rule
    /// departed from: "Awb art. 4:84 — bb.regel is een beleidsregel; afwijken kan op grond van Awb 4:84 bij bijzondere omstandigheden".
    /// </summary>
    public static string Basis(LegalBasis b, ReportLanguage lang)
    {
        var words = Of(lang);
        var text = b.Citation + (b.Illustrative ? words["engine.force.illustrative"] : "");
        if (b.ForceText is { } force)
            text += " — " + words.Format("engine.force.rule-is", ("rule", b.Rule), ("force", force));
        if (b.Grondslag is { } g) text += words.Format("engine.force.grondslag", ("grondslag", g));
        return text;
    }
}
