using Doorbraak.Rules.Packs;

namespace Doorbraak.Rules;

/// <summary>
/// A documented deviation (or a small combination) that resolves at least one collision for this household
/// when the situation is re-projected with it applied.
/// </summary>
/// <param name="Id">The deviation id, or ids joined with <c>+</c> for a combination.</param>
/// <param name="Deviations">The deviation ids.</param>
/// <param name="Title">The deviations' titles.</param>
/// <param name="Resolves">Collision ids it resolves.</param>
/// <param name="Leaves">Collision ids that remain.</param>
/// <param name="Creates">Collision ids it would create (goals that held and would fail).</param>
/// <param name="Basis">The legal basis of each deviation.</param>
/// <param name="Mandate">Who may decide: the highest mandate among the deviations.</param>
/// <param name="Limits">The limits that apply.</param>
/// <param name="Cost">Cost of the current lawful route against this route.</param>
/// <param name="Motivation">A draft motivation rendered from the pack's template with the household's facts.</param>
/// <param name="Checklist">What the regisseur still has to document.</param>
/// <param name="Review">Review moments after the start (ISO 8601 durations).</param>
/// <param name="Rank">1 for the best proposal.</param>
/// <param name="RankReason">Why it ranks where it does.</param>
/// <param name="Precedents">Comparable earlier decisions on the same deviation(s).</param>
public sealed record ProposalResult(
    string Id,
    IReadOnlyList<string> Deviations,
    string Title,
    IReadOnlyList<string> Resolves,
    IReadOnlyList<string> Leaves,
    IReadOnlyList<string> Creates,
    IReadOnlyList<LegalBasis> Basis,
    string Mandate,
    DeviationLimitsResult Limits,
    CostComparison Cost,
    string Motivation,
    IReadOnlyList<string> Checklist,
    IReadOnlyList<string> Review,
    int Rank,
    string RankReason,
    IReadOnlyList<PrecedentMatch> Precedents)
{
    /// <summary>The deviation this proposal applies (the ids joined with <c>+</c> for a combination); the same as <see cref="Id"/>.</summary>
    public string Deviation => Id;

    /// <summary>
    /// The parameters marked <c>illustrative: true</c> in their pack (not official figures) that this proposal's figures rest
    /// on: its cost lines, the deviated rules and the deviations' own expressions. Empty when none; the motivation then says so too.
    /// </summary>
    public IReadOnlyList<string> IllustrativeParameters { get; init; } = [];
}

/// <summary>A legal basis for deviating.</summary>
/// <param name="Deviation">The deviation id.</param>
/// <param name="Rule">The rule it deviates from.</param>
/// <param name="Citation">The citation, such as <c>Participatiewet art. 18 lid 1</c>.</param>
/// <param name="Url">A link to the law text.</param>
/// <param name="Kind">hardheidsclausule, individualisering, wettelijke-bevoegdheid, beleidsregel or awb-4:84.</param>
public sealed record LegalBasis(string Deviation, string Rule, string Citation, string? Url, string? Kind);

/// <summary>The limits of a proposal.</summary>
/// <param name="DurationMonths">How long the deviation may last, in months (null: no limit in the pack).</param>
/// <param name="MaxAmount">The most money it may move, if limited.</param>
/// <param name="AmountPer"><c>month</c> or <c>total</c>.</param>
/// <param name="Times">How often per household, if limited.</param>
/// <param name="Text">The limits in words (Dutch).</param>
public sealed record DeviationLimitsResult(int? DurationMonths, decimal? MaxAmount, string AmountPer, int? Times, string Text);

/// <summary>Cost of the current lawful route against the route with the proposal, over a horizon.</summary>
/// <param name="HorizonMonths">The horizon.</param>
/// <param name="DeviationMonths">For how many months of the horizon the deviation applies.</param>
/// <param name="CurrentRoute">Total cost of the current lawful route over the horizon; null (unknown) when any item on it is unknown.</param>
/// <param name="ProposalRoute">Total cost of the route with the proposal over the horizon; null (unknown) when any item on it is unknown.</param>
/// <param name="Difference">ProposalRoute minus CurrentRoute (negative: the proposal saves money); null when either is unknown.</param>
/// <param name="Items">Each cost item, per month on both routes.</param>
public sealed record CostComparison(int HorizonMonths, int DeviationMonths, decimal? CurrentRoute, decimal? ProposalRoute, decimal? Difference, IReadOnlyList<CostLine> Items)
{
    /// <summary>
    /// Whether the amounts were withheld because the evaluation ran with <see cref="EvaluationOptions.Redact"/>: they rest on the
    /// household's own amounts (rent, arrears, norms, provisions), so every amount is null and shown as <c>[afgeschermd]</c>.
    /// </summary>
    public bool Redacted { get; init; }

    /// <summary>This comparison with every amount withheld.</summary>
    internal CostComparison WithoutAmounts() => this with
    {
        CurrentRoute = null, ProposalRoute = null, Difference = null, Redacted = true,
        Items = Items.Select(i => i with { CurrentMonthly = null, ProposalMonthly = null, Redacted = true }).ToList(),
    };
}

/// <summary>One cost item per month on both routes.</summary>
/// <param name="Cost">The cost id.</param>
/// <param name="Title">Its title.</param>
/// <param name="Payer">Who pays.</param>
/// <param name="CurrentMonthly">Per month on the current route; null when it is computed from an unknown value (never 0 in its place).</param>
/// <param name="ProposalMonthly">Per month while the proposal applies; null when it is computed from an unknown value.</param>
public sealed record CostLine(string Cost, string Title, string Payer, decimal? CurrentMonthly, decimal? ProposalMonthly)
{
    /// <summary>The parameters marked <c>illustrative: true</c> in their pack that this line's amounts rest on (directly or through the rules that determine what it reads).</summary>
    public IReadOnlyList<string> IllustrativeParameters { get; init; } = [];

    /// <summary>Whether the amounts were withheld (<see cref="EvaluationOptions.Redact"/>); both are null then.</summary>
    public bool Redacted { get; init; }

    /// <summary>Whether this line's amounts rest on an illustrative value (not an official figure).</summary>
    public bool Illustrative => IllustrativeParameters.Count > 0;
}

/// <summary>A comparable earlier decision.</summary>
/// <param name="CaseReference">The host's reference of the earlier case.</param>
/// <param name="Deviation">The deviation decided on.</param>
/// <param name="Outcome">accepted, changed or rejected.</param>
/// <param name="DecidedOn">When.</param>
/// <param name="Similarity">Share (0..1) of the deviation's condition facts that are equal.</param>
/// <param name="Motivation">The motivation given then.</param>
public sealed record PrecedentMatch(string CaseReference, string Deviation, DecisionOutcome Outcome, DateOnly DecidedOn, decimal Similarity, string? Motivation);
