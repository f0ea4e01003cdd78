using Doorbraak.Rules.Source;
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

    /// <summary>
    /// Each step of the proposal, in order: a deviation from a rule or an intervention within the law (pack format v2),
    /// with who decides it. <see cref="Deviations"/> lists the same ids.
    /// </summary>
    public IReadOnlyList<ProposalStep> Steps { get; init; } = [];

    /// <summary>
    /// When an authority outside the municipality decides a step (<c>decider</c>): the request the regisseur sends it.
    /// Such a proposal is never a decision the municipality takes; the planner records only that the request was sent.
    /// </summary>
    public ProposalRequest? Request { get; init; }

    /// <summary>The amount a mandate ladder was read with (null: no ladder, or the amount rests on an unknown value).</summary>
    public decimal? MandateAmount { get; init; }

    /// <summary>
    /// "Mandaat niet vastgelegd: ... besluit het bevoegde bestuursorgaan zelf (...)" when <see cref="Mandate"/> is <c>open</c>
    /// and no local mandaatbesluit set it; null otherwise.
    /// </summary>
    public string? MandateNote { get; init; }

    /// <summary>
    /// Who may decide while <see cref="Mandate"/> is <c>open</c> and no loaded local pack sets it: the competent body itself,
    /// the top of the packs' role ladder (<c>college</c>). A decision on this proposal needs that mandate. Null when the
    /// mandate is set.
    /// </summary>
    public string? MandateFallback { get; init; }

    /// <summary>The last day the proposal applies when it starts on the reference date (its duration, or its maximum, or the horizon).</summary>
    public DateOnly? EndDate { get; init; }
}

/// <summary>Whether a step of a proposal sets a rule aside or is an action within the law.</summary>
[System.Text.Json.Serialization.JsonConverter(typeof(CamelCaseEnumConverter<ProposalStepKind>))]
public enum ProposalStepKind
{
    /// <summary>A deviation: it changes or sets aside a rule's outcome on a legal basis.</summary>
    Deviation,
    /// <summary>An intervention: an action within the law (a payment, voorschot, loan, escalation, time-out, referral) that changes the situation.</summary>
    Intervention,
}

/// <summary>One step of a proposal.</summary>
/// <param name="Id">The deviation or intervention id.</param>
/// <param name="Kind">Deviation or intervention.</param>
/// <param name="Title">Its title.</param>
/// <param name="Action">For an intervention: betaling, voorschot, lening, escalatie, time-out, verwijzing or overig.</param>
/// <param name="Rule">For a deviation: the rule it deviates from.</param>
/// <param name="Mandate">The role that decides this step (after a mandate ladder), or <c>open</c>.</param>
/// <param name="Decider"><c>gemeente</c>, or the authority that decides it (then it is a request).</param>
/// <param name="MandateBasis">The mandaatbesluit that set the mandate, when a later pack set it.</param>
public sealed record ProposalStep(string Id, ProposalStepKind Kind, string Title, string? Action, string? Rule, string Mandate, string Decider, string? MandateBasis)
{
    /// <summary>
    /// The id of the pack whose mandaatbesluit set the mandate (the most local one when a municipal and a regional pack
    /// both set it), or null when the defining pack's own mandate applies.
    /// </summary>
    public string? MandateSetBy { get; init; }
}

/// <summary>A request to an authority outside the municipality (it decides; the regisseur asks).</summary>
/// <param name="Authority">The authority id.</param>
/// <param name="Title">Its name.</param>
/// <param name="Text">"Vraag Dienst Toeslagen om ...; grondslag ...; aanleveren: ...".</param>
/// <param name="Basis">The basis of the request.</param>
/// <param name="Deliver">What the regisseur must send.</param>
/// <param name="Contact">How to reach the authority, as the pack gives it.</param>
public sealed record ProposalRequest(string Authority, string Title, string Text, string Basis, IReadOnlyList<string> Deliver, string? Contact);

/// <summary>A legal basis for deviating.</summary>
/// <param name="Deviation">The deviation id.</param>
/// <param name="Rule">The rule it deviates from.</param>
/// <param name="Citation">The citation, such as <c>Participatiewet art. 18 lid 1</c>.</param>
/// <param name="Url">A link to the law text.</param>
/// <param name="Kind">hardheidsclausule, individualisering, dringende-redenen, wettelijke-bevoegdheid, evenredigheid, beleidsregel, awb-4:84 or werkinstructie.</param>
public sealed record LegalBasis(string Deviation, string Rule, string Citation, string? Url, string? Kind)
{
    /// <summary>The legal force of the rule deviated from (<c>wet-plicht</c> ... <c>werkinstructie</c>); null for a rule of a format 1 pack.</summary>
    public string? Force { get; init; }

    /// <summary>
    /// That force in words, in the result language, with how departing is possible and the clauses the rule names:
    /// "een beleidsregel; afwijken kan op grond van Awb 4:84 bij bijzondere omstandigheden". Null when <see cref="Force"/> is.
    /// </summary>
    public string? ForceText { get; init; }

    /// <summary>What the rule deviated from rests on (its grondslag), when the pack says; null otherwise.</summary>
    public string? Grondslag { get; init; }

    /// <summary>The basis citation is an example, not a real provision (<c>illustrative: true</c> in the pack).</summary>
    public bool Illustrative { get; init; }
}

/// <summary>The limits of a proposal.</summary>
/// <param name="DurationMonths">How long the deviation may last, in months (null: no limit in the pack).</param>
/// <param name="MaxAmount">The most money it may move, if limited.</param>
/// <param name="AmountPer"><c>month</c> or <c>total</c>.</param>
/// <param name="Times">How often per household, if limited.</param>
/// <param name="Text">The limits in words (Dutch).</param>
public sealed record DeviationLimitsResult(int? DurationMonths, decimal? MaxAmount, string AmountPer, int? Times, string Text)
{
    /// <summary>The event it lasts until (<c>limits.until</c>), as written; <see cref="DurationMonths"/> is then its maximum.</summary>
    public string? Until { get; init; }

    /// <summary>
    /// The date on which <see cref="Until"/> is first met for this household, checked at the start of each month within the
    /// maximum (with <c>peildatum</c> moved along); the step lasts until the day before, and <see cref="DurationMonths"/>
    /// is cut to it. Null when it is not met within the maximum, unknown, or there is no <see cref="Until"/>.
    /// </summary>
    public DateOnly? UntilMetOn { get; init; }

    /// <summary>Where <see cref="Until"/> stands for this household, in words: met on a date, not within the maximum, or unknown (with the facts missing).</summary>
    public string? UntilNote { get; init; }
}

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

    /// <summary>
    /// A one-off amount (<c>once:</c>): <see cref="CurrentMonthly"/> and <see cref="ProposalMonthly"/> are then the amount paid once,
    /// counted once over the horizon.
    /// </summary>
    public bool Once { get; init; }

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
