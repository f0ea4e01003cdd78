namespace Doorbraak.Rules;

/// <summary>The language of explanations, motivations and exports.</summary>
public enum ReportLanguage
{
    /// <summary>Dutch (the default).</summary>
    Dutch,
    /// <summary>English.</summary>
    English,
}

/// <summary>Options for one evaluation.</summary>
public sealed class EvaluationOptions
{
    /// <summary>The default options: Dutch, no redaction, a 12-month horizon, combinations of up to 3 deviations.</summary>
    public static EvaluationOptions Default { get; } = new();

    /// <summary>Language of explanations and motivations. <value>Default: Dutch.</value></summary>
    public ReportLanguage Language { get; init; } = ReportLanguage.Dutch;

    /// <summary>Replace personal fact values in traces and motivations with <c>[afgeschermd]</c>. <value>Default: false.</value></summary>
    public bool Redact { get; init; }

    /// <summary>The horizon of the cost comparison in months. <value>Default: 12.</value></summary>
    public int HorizonMonths { get; init; } = 12;

    /// <summary>The largest combination of deviations tried together (1 to 3). <value>Default: 3.</value></summary>
    public int MaxCombination { get; init; } = 3;

    /// <summary>Whether to search proposals at all (screening runs may only want collisions). <value>Default: true.</value></summary>
    public bool IncludeProposals { get; init; } = true;

    /// <summary>
    /// Whether to build explanations and traces. Screening many households at night can turn them off;
    /// determinations, collisions and proposals are the same, with empty explanations. <value>Default: true.</value>
    /// </summary>
    public bool IncludeExplanations { get; init; } = true;
}
