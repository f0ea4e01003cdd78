namespace Doorbraak.Rules;

/// <summary>What the host adds to a plan: the case reference, the regisseur, dates and actions.</summary>
public sealed record PlanDetails
{
    /// <summary>The host's case reference (not a BSN).</summary>
    public required string CaseReference { get; init; }

    /// <summary>The regisseur responsible (name or role).</summary>
    public string? Regisseur { get; init; }

    /// <summary>Date of the first contact with the household.</summary>
    public DateOnly? FirstContact { get; init; }

    /// <summary>Date of the breakthrough (the plan's decision date); defaults to the reference date.</summary>
    public DateOnly? BreakthroughDate { get; init; }

    /// <summary>Actions agreed besides those recorded with decisions.</summary>
    public IReadOnlyList<AgreedAction> Actions { get; init; } = [];

    /// <summary>The language of the plan's texts and exports. <value>Default: Dutch.</value></summary>
    public ReportLanguage Language { get; init; } = ReportLanguage.Dutch;
}

/// <summary>A review of the plan at 6 or 12 months (recorded by the host; see docs/monitoring.md).</summary>
/// <param name="Moment">Which review: <c>6m</c>, <c>12m</c> or another label; <c>start</c> (or <c>0m</c>) records the situation at the start.</param>
/// <param name="Date">The date of the review.</param>
/// <param name="GoalsMet">Goal ids met at the review.</param>
/// <param name="GoalsNotMet">Goal ids not met.</param>
/// <param name="SelfRelianceBefore">Self-reliance scores at the start, by domain (e.g. the 13 ZRM domains, 1-5).</param>
/// <param name="SelfRelianceAfter">Self-reliance scores at the review.</param>
/// <param name="ActualMonthlyCost">Actual monthly cost per payer at the review.</param>
/// <param name="FollowUp">What happens next.</param>
public sealed record PlanReview(string Moment, DateOnly Date, IReadOnlyList<string> GoalsMet, IReadOnlyList<string> GoalsNotMet,
    IReadOnlyDictionary<string, int> SelfRelianceBefore, IReadOnlyDictionary<string, int> SelfRelianceAfter,
    IReadOnlyDictionary<string, decimal> ActualMonthlyCost, string? FollowUp)
{
    /// <summary>Whether problems came back after the plan (recurrence).</summary>
    public bool Recurrence { get; init; }

    /// <summary>Whether the case was closed at this review (counted by the <c>cases_closed</c> KPI).</summary>
    public bool Closed { get; init; }

    /// <summary>The provisions the household has at this moment, each with the goals it is for (stapeling; docs/monitoring.md).</summary>
    public IReadOnlyList<ProvisionInPlace> Provisions { get; init; } = [];

    /// <summary>The professionals involved at this moment (an organisation or role per professional).</summary>
    public IReadOnlyList<string> Professionals { get; init; } = [];

    /// <summary>Scores on the packs' quality-of-life or self-reliance scales at this moment: scale id, then domain (<c>score</c> for a single score).</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, decimal>> Scores { get; init; } = new Dictionary<string, IReadOnlyDictionary<string, decimal>>();
}

/// <summary>A provision a household has at a review moment (a Wmo or youth-care provision, bijstand, debt help, shelter...).</summary>
/// <param name="Id">The provision's id or kind (<c>wmo-begeleiding</c>).</param>
/// <param name="Title">What to show.</param>
/// <param name="Goals">The plan goals it is for; empty when it serves no goal of the plan.</param>
public sealed record ProvisionInPlace(string Id, string Title, IReadOnlyList<string> Goals);

/// <summary>Cost of the current lawful route against the breakthrough route with the accepted deviations.</summary>
/// <param name="HorizonMonths">The horizon.</param>
/// <param name="CurrentRoute">Total over the horizon on the current route; null (unknown) when an item on it is unknown.</param>
/// <param name="BreakthroughRoute">Total over the horizon with the accepted deviations; null (unknown) when an item on it is unknown.</param>
/// <param name="Difference">Breakthrough minus current (negative: saving); null when either is unknown.</param>
/// <param name="Lines">Each cost item per month on both routes.</param>
public sealed record PlanCost(int HorizonMonths, decimal? CurrentRoute, decimal? BreakthroughRoute, decimal? Difference, IReadOnlyList<CostLine> Lines)
{
    /// <summary>Whether the amounts were withheld because the evaluation was redacted (<see cref="EvaluationOptions.Redact"/>); every amount is null then.</summary>
    public bool Redacted { get; init; }
}

/// <summary>The audit block of a plan: packs with hashes, engine, reference date, and when the plan was made.</summary>
/// <param name="Packs">The packs (id, version, sha256).</param>
/// <param name="EngineVersion">The library version.</param>
/// <param name="ReferenceDate">The peildatum.</param>
/// <param name="GeneratedAt">When the plan was assembled (injected TimeProvider).</param>
public sealed record PlanAudit(IReadOnlyList<PackInfo> Packs, string EngineVersion, DateOnly ReferenceDate, DateTimeOffset GeneratedAt);

/// <summary>
/// The doorbraakplan (or, before any decision, a draft of it): the documented result of a breakthrough — collisions, decided deviations with basis,
/// mandate, limits, end and review dates, agreed actions, cost comparison and audit block.
/// Export with <see cref="PlanExport"/> as JSON, Markdown or HTML.
/// </summary>
/// <threadsafety>Immutable.</threadsafety>
public sealed record DoorbraakPlan(
    string CaseReference,
    string? Regisseur,
    ReportLanguage Language,
    string Summary,
    DateOnly ReferenceDate,
    DateOnly? FirstContact,
    DateOnly BreakthroughDate,
    IReadOnlyList<string> Members,
    IReadOnlyList<CollisionResult> Collisions,
    IReadOnlyList<RecordedDecision> Decisions,
    IReadOnlyList<ProposalResult> OpenProposals,
    IReadOnlyList<AgreedAction> Actions,
    IReadOnlyList<DateOnly> ReviewDates,
    PlanCost Cost,
    IReadOnlyList<PlanReview> Reviews,
    PlanAudit Audit)
{
    /// <summary>
    /// How complete the evaluation was when the plan was assembled (at decision time): a plan decided on an incomplete
    /// result keeps its gaps. Null for a plan not assembled from an evaluation.
    /// </summary>
    public Completeness? Completeness { get; init; }

    /// <summary>Adds a review (6 or 12 months) and returns the updated plan.</summary>
    public DoorbraakPlan WithReview(PlanReview review) => this with { Reviews = [.. Reviews, review] };
}
